import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSecureLink, revokeSecureLink } from '../../../src/app/secure-links.js';
import { CHILD, startWebHarness } from './support/web-harness.js';
import type { PreparedMeeting, WebHarness } from './support/web-harness.js';

/** GET /p/:token over HTTP: the card page for a good link, a page that gives nothing away otherwise. */
let h: WebHarness;
let prepared: PreparedMeeting;
beforeAll(async () => {
  h = await startWebHarness();
  prepared = await h.prepare();
});
afterAll(async () => h?.close());

const get = (path: string) => fetch(`${h.url}${path}`);
const carerPromptLink = () => h.noticedLinks(prepared.carer.name)[1]!;
/** A fresh single-use link to the carer's prompt, as the organiser would issue it. */
async function freshLink(days?: number): Promise<{ token: string; linkId: string }> {
  const promptId = prepared.meeting.prompts.find((p) => p.kind === 'carer')!.id;
  const { token, link } = await issueSecureLink(h.deps, { meetingId: prepared.meeting.id, participantId: prepared.carer.id, purpose: 'carer-prompt', itemId: promptId, actorId: prepared.organiser.id, days });
  return { token, linkId: link.id };
}

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe("default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'");
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cache-control')).toBe('no-store');
}

/** Nothing that would tell a stranger whose link it was. */
function expectNothingAboutTheChild(html: string): void {
  for (const secret of [CHILD.initials, CHILD.ref, CHILD.fullName, CHILD.school, 'Jordan', prepared.carer.name, prepared.organiser.name, prepared.meeting.id]) {
    expect(html).not.toContain(secret);
  }
  expect(html).not.toMatch(/<script/i);
}

describe('a good link', () => {
  it('opens the card page for that person, under the strict headers', async () => {
    const response = await get(new URL(carerPromptLink()).pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain('<title>PEP Bot: a few questions</title>');
    expect(html).toContain('"verb":"prompt.answer"');
    expect(html).toContain(`Hello ${prepared.carer.name}.`);
  });

  it('is not spent by opening it (mail scanners open links too)', async () => {
    const path = new URL(carerPromptLink()).pathname;
    await get(path);
    expect((await get(path)).status).toBe(200);
  });

  it('serves the page assets with the same headers, cacheable, outside /p', async () => {
    const response = await get('/web/assets/card-page.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('a link that does not open', () => {
  it.each([
    ['made up', '/p/' + 'A'.repeat(43)],
    ['malformed', '/p/not-a-token'],
    ['with a tampered character', 'tampered'],
  ])('%s: 404 and the same page as any unknown link', async (_what, path) => {
    const target = path === 'tampered' ? new URL(carerPromptLink()).pathname.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) : path;
    const response = await get(target);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain('This link does not work');
    expectNothingAboutTheChild(html);
  });

  it('expired: 410, and says to ask for a new one', async () => {
    const { token } = await freshLink(1);
    h.clock.set('2026-11-26T10:00:01Z');
    try {
      const response = await get(`/p/${token}`);
      expect(response.status).toBe(410);
      const html = await response.text();
      expect(html).toContain('This link has expired');
      expectNothingAboutTheChild(html);
    } finally {
      h.clock.set('2026-11-25T10:00:00Z');
    }
  });

  it('revoked by the organiser: 410, switched off', async () => {
    const { token, linkId } = await freshLink();
    await revokeSecureLink(h.deps, { meetingId: prepared.meeting.id, linkId, actorId: prepared.organiser.id, channel: 'teams' });
    const response = await get(`/p/${token}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('This link has been switched off');
    expectNothingAboutTheChild(html);
  });

  it('refuses a revoke by anyone but the organiser, and records the organiser’s in the audit trail', async () => {
    const { token, linkId } = await freshLink();
    await expect(revokeSecureLink(h.deps, { meetingId: prepared.meeting.id, linkId, actorId: prepared.carer.id, channel: 'web' })).rejects.toMatchObject({ code: 'PERMISSION.NOT_ORGANISER' });
    expect((await get(`/p/${token}`)).status).toBe(200);
    await revokeSecureLink(h.deps, { meetingId: prepared.meeting.id, linkId, actorId: prepared.organiser.id, channel: 'teams' });
    const audit = await h.store.auditTrail(prepared.meeting.id);
    expect(audit.at(-1)).toMatchObject({ type: 'revokeLink', actorId: prepared.organiser.id, channel: 'teams' });
  });
});
