import readability from 'text-readability';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requirePlanBaseUrl } from '../../src/app/plan/plan-links.js';
import type { PlanView } from '../../src/app/plan/plan-view-types.js';
import { buildPlanView } from '../../src/app/plan/plan-view.js';
import { issueSecureLink } from '../../src/app/secure-links.js';
import { PlanDocumentUrlSchema } from '../../src/cards/data/plan-summary.js';
import { formatHeldTime } from '../../src/cards/format.js';
import { PLAN_PAGE_CSP, renderPlanHtml } from '../../src/channels/web/plan/plan-html.js';
import { planFaces } from '../../src/channels/web/plan/pdf-fonts.js';
import { textRuns } from '../../src/channels/web/plan/pdf-text.js';
import { renderPlanPdf } from '../../src/channels/web/plan/plan-pdf.js';
import { planRoutes } from '../../src/channels/web/plan/plan-routes.js';
import type { Meeting } from '../../src/domain/model.js';
import { PlanContentSchema } from '../../src/domain/plan/content.js';
import { captureLog, type RunningServer } from '../server/harness.js';
import { idOf, pdfTextOf, PUBLIC_BASE_URL, servedClosedPlan, type PlanWorld, type ServedPlan } from './support.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;';

/** A view whose every string is hostile markup, and long enough to need several pages. */
const hostileView = (): PlanView => ({
  title: `Plan ${HOSTILE}`,
  summary: [{ label: HOSTILE, value: HOSTILE }],
  sections: Array.from({ length: 12 }, (_, i) => ({
    heading: `Section ${i} ${HOSTILE}`,
    entries: [{ title: HOSTILE, text: `${HOSTILE}\nsecond line`, items: [HOSTILE], facts: Array.from({ length: 6 }, () => ({ label: HOSTILE, value: HOSTILE })) }],
    empty: HOSTILE,
  })),
  issuedAt: '2026-12-04T11:00:00Z',
  fileName: 'PEP-2026-0042-plan-v1.pdf',
});

describe('the plan page', () => {
  it('shows every typed string as text: no element, attribute or entity survives', () => {
    const html = renderPlanHtml(hostileView(), { pdfHref: '"><script>x</script>.pdf' });
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    expect(html).toContain('href="&quot;&gt;&lt;script&gt;x&lt;/script&gt;.pdf"');
  });

  it('allows exactly its own style sheet, and nothing else', () => {
    const html = renderPlanHtml(hostileView(), { pdfHref: 'x.pdf' });
    const css = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(PLAN_PAGE_CSP).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    expect(css).toContain('@media print');
  });
});

describe('the plan PDF', () => {
  it('lays out a long plan over several pages, each numbered, with markup kept as text', async () => {
    const { pages, text } = await pdfTextOf(await renderPlanPdf(hostileView()));
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('<script>alert("x")</script>');
  });

  it('prints every name as typed, in any script: Polish, Turkish, Arabic and Chinese', async () => {
    const names = ['Łukasz Wójcik', 'Ayşe Yılmaz', 'فاطمة', 'محمد', '王小明', 'Ελένη', 'Дмитрий'];
    const view: PlanView = {
      ...hostileView(),
      title: 'Plan for Łukasz',
      summary: names.map((name) => ({ label: 'Carer', value: name })),
      sections: [{ heading: 'Ayşe’s views', entries: [{ title: '王小明', text: 'Spoke with فاطمة about reading.', items: names, facts: [] }], empty: '' }],
    };
    const { text } = await pdfTextOf(await renderPlanPdf(view));
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('Plan for Łukasz');
    expect(text).toContain('Ayşe’s views');
    expect(text).not.toContain('\u0000');
  });

  it('sets Arabic apart from the Latin around it, so fontkit joins its letters and sets them right to left', () => {
    const runs = textRuns('Spoke with فاطمة about 王小明.', 'regular', planFaces());
    expect(runs.map((run) => run.text)).toEqual(['Spoke with ', 'فاطمة', ' about ', '王', '小明', '.']);
    const arabic = runs[1]!;
    const shaped = arabic.face.font.layout(arabic.text).glyphs.map((glyph) => glyph.id);
    const isolated = [...arabic.text].map((ch) => arabic.face.font.glyphForCodePoint(ch.codePointAt(0)!).id);
    expect(shaped).toHaveLength(isolated.length);
    expect(shaped).not.toEqual(isolated.toReversed());
    expect(new Set(runs.map((run) => run.face.name)).size).toBe(3);
  });

  it('is the same document for the same version of the plan', async () => {
    const [a, b] = await Promise.all([renderPlanPdf(hostileView()), renderPlanPdf(hostileView())]);
    expect(a.equals(b)).toBe(true);
  });
});

describe('plan links', () => {
  it('are https, or plain http only on this machine', () => {
    expect(() => requirePlanBaseUrl('http://127.0.0.1:3978')).not.toThrow();
    expect(() => requirePlanBaseUrl('http://localhost:3978')).not.toThrow();
    expect(() => requirePlanBaseUrl('https://pep.example.org/pep')).not.toThrow();
    expect(() => requirePlanBaseUrl('http://pep.example.org')).toThrow(/PUBLIC_BASE_URL/);
    for (const bad of ['javascript:alert(1)', '', 'not a url']) expect(PlanDocumentUrlSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the plan routes', () => {
  let world: PlanWorld;
  let server: RunningServer;
  let meeting: Meeting;
  let served: ServedPlan;

  beforeEach(async () => {
    served = await servedClosedPlan((w) => [planRoutes({ app: w.deps, publicBaseUrl: PUBLIC_BASE_URL, logger: captureLog().logger })]);
    ({ world, server, meeting } = served);
  });

  afterEach(() => served.stop());

  const get = (path: string) => fetch(`${server.url}${path}`);

  it('open nothing for a link that is not a working plan link, and say nothing about the meeting', async () => {
    const invitation = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'carer'), purpose: 'invitation', actorId: 'system' });
    const shortLived = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'carer'), purpose: 'plan', actorId: 'system', days: 1 });
    world.clock.set('2026-11-27T10:00:00Z');
    const answers = await Promise.all(['/plan/not-a-token', `/plan/${'A'.repeat(43)}`, `/plan/${invitation.token}`, `/plan/${shortLived.token}.pdf`].map(get));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 410]);
    for (const answer of answers) {
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const page = await answer.text();
      expect(page).not.toMatch(/JD|PEP-2026|Jordan/);
    }
  });

  it('never log the token: the route is logged as a pattern', async () => {
    const link = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'carer'), purpose: 'plan', itemId: 'initials', actorId: 'system' });
    expect((await get(`/plan/${link.token}`)).status).toBe(200);
    const logged = JSON.stringify(server.records());
    expect(logged).toContain('/plan/:file');
    expect(logged).not.toContain(link.token);
  });

  it('speak to the child on their own plan link, in plain words, and say whom to ask; an adult\'s link starts with the plan', async () => {
    const forChild = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'child'), purpose: 'plan', itemId: 'initials', actorId: 'system' });
    const forCarer = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'carer'), purpose: 'plan', itemId: 'initials', actorId: 'system' });
    const greeting = (await (await get(`/plan/${forChild.token}`)).text()).match(/<p class="greeting">([^<]*)<\/p>/)?.[1];
    expect(greeting).toMatch(/^Hi Jordan! This is your plan from your PEP meeting\..* tell Sam \(your social worker\)\.$/);
    expect(readability.fleschKincaidGrade(greeting!)).toBeLessThanOrEqual(4);
    expect(await (await get(`/plan/${forCarer.token}`)).text()).not.toContain('class="greeting"');
    const { text } = await pdfTextOf(new Uint8Array(await (await get(`/plan/${forChild.token}.pdf`)).arrayBuffer()));
    expect(text).toContain('This is your plan from your PEP meeting.');
  });

  it('give an initials-only PDF to a link that may not show who the child is', async () => {
    const link = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, 'virtual_school_officer'), purpose: 'plan', actorId: 'system' });
    const { text } = await pdfTextOf(new Uint8Array(await (await get(`/plan/${link.token}.pdf`)).arrayBuffer()));
    expect(text).toContain('Owner: JD (child or young person)');
    expect(text).not.toMatch(/Jordan Doe|Hillside|2 May 2014/);
    expect(buildPlanView((await world.store.getMeeting(meeting.id))!, { showChildDetails: true }).sections[0]!.entries[0]!.facts).toContainEqual({ label: 'Name', value: 'Jordan Doe' });
  });
});

describe('when the meeting was held', () => {
  const booked = { startsAt: '2026-12-09T10:00:00Z', durationMinutes: 60, timeZone: 'Europe/London' };

  it('is from its start to its close, whatever it was booked for', () => {
    expect(formatHeldTime({ ...booked, startedAt: '2026-12-02T14:00:00.000Z', concludedAt: '2026-12-02T15:05:00.000Z' })).toBe('Wednesday 2 December 2026, 14:00 to 15:05');
    expect(formatHeldTime({ ...booked, startedAt: '2026-12-02T14:00:00.000Z', concludedAt: '2026-12-03T09:30:00.000Z' })).toBe('Wednesday 2 December 2026, 14:00 to Thursday 3 December 2026, 09:30');
  });

  it('reads from meetings stored before the start was kept: the day it closed, or else the booked time', () => {
    expect(formatHeldTime({ ...booked, concludedAt: '2026-12-02T15:05:00.000Z' })).toBe('Wednesday 2 December 2026, closed at 15:05');
    expect(formatHeldTime(booked)).toBe('Wednesday 9 December 2026, 10:00 to 11:00');
    // A plan version written before then, as the audit trail keeps it, still parses.
    expect(PlanContentSchema.shape.meeting.safeParse({ ...booked, purpose: 'Review and plan' }).success).toBe(true);
  });
});
