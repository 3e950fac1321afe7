import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/app/execute-command.js';
import { renderCard, renderSlackMessage } from '../../../src/cards/index.js';
import { CHILD, MEETING_CHAT, startWebHarness } from './support/web-harness.js';
import type { WebHarness } from './support/web-harness.js';
import { readEmail } from './support/read-email.js';

/**
 * People with no Teams or Slack account get their cards as secure links: emailed when SMTP is set
 * up and an address is known; otherwise on the organiser's one card per meeting, to pass on.
 */
let h: WebHarness;
/** What an email must never say: whose meeting it is, or who is in it. */
const SECRETS = [CHILD.initials, CHILD.ref, CHILD.fullName, CHILD.school, 'Jordan', 'Chris Carer', 'Sam Social', 'Dana Teacher', 'PEP-'];
afterEach(async () => h?.close());

describe('with SMTP set up', () => {
  beforeEach(async () => {
    h = await startWebHarness();
  });

  it('emails the carer each link, saying what it is and for which day, with nothing about the child in the email', async () => {
    const { carer } = await h.prepare();
    expect(h.smtp.received.map((e) => e.to)).toEqual([[carer.email], [carer.email]]);
    const emails = await Promise.all(h.smtp.received.map((email) => readEmail(email.raw)));
    expect(emails.map((email) => email.subject)).toEqual([
      'Invitation to a meeting on Friday 4 December 2026 — please answer',
      'A few questions before the meeting on Friday 4 December 2026',
    ]);
    for (const [i, email] of emails.entries()) {
      expect(h.smtp.received[i]!.from).toBe('pep-bot@la.example.org');
      expect(email.text).toMatch(new RegExp(`${h.url}/p/[A-Za-z0-9_-]{43}`));
      expect(email.html).toMatch(new RegExp(`<a href="${h.url}/p/[A-Za-z0-9_-]{43}"`));
      for (const secret of SECRETS) expect(email.everything).not.toContain(secret);
    }
  });

  it('puts the invitation in the carer’s calendar, moves it when the meeting moves, and takes it out when it is cancelled', async () => {
    const { meeting } = await h.prepare();
    const invited = (await readEmail(h.smtp.received[0]!.raw)).calendar!;
    expect(invited.method).toBe('REQUEST');
    expect(invited.event.start.toISOString()).toBe(new Date(meeting.startsAt).toISOString());
    expect(invited.event.start.tz).toBe('Europe/London');
    expect(Number(invited.event.sequence)).toBe(0);

    const moved = await h.run(meeting, { type: 'rescheduleMeeting', startsAt: '2026-12-10T14:00:00Z' });
    const reinvited = await readEmail((await h.smtp.nextEmail(2)).raw);
    expect(reinvited.subject).toBe('Invitation to a meeting on Thursday 10 December 2026 — please answer');
    expect(reinvited.calendar).toMatchObject({ method: 'REQUEST', event: { uid: invited.event.uid } });
    expect(reinvited.calendar!.event.start.toISOString()).toBe('2026-12-10T14:00:00.000Z');
    expect(Number(reinvited.calendar!.event.sequence)).toBe(1);

    await h.run(moved, { type: 'cancelMeeting', reason: 'Jordan is unwell' });
    const cancelled = await readEmail((await h.smtp.nextEmail(3)).raw);
    expect(h.smtp.received.map((e) => e.to)).toEqual(Array(4).fill(['chris@home.example.org']));
    expect(cancelled.subject).toBe('Cancelled: the meeting on Thursday 10 December 2026');
    expect(cancelled.calendar).toMatchObject({ partMethod: 'CANCEL', method: 'CANCEL', event: { uid: invited.event.uid, status: 'CANCELLED' } });
    expect(Number(cancelled.calendar!.event.sequence)).toBe(2);
    for (const email of [reinvited, cancelled]) for (const secret of [...SECRETS, 'unwell']) expect(email.everything).not.toContain(secret);
    expect(h.reports).toEqual([]);
  });

  it('tells the organiser only about the child, whom it cannot email: the carer\'s emailed links are not sent to them', async () => {
    const { organiser, carer, child } = await h.prepare();
    // No message per link: nothing about a link comes as a one-off confirmation.
    expect(h.teams.sent.filter((s) => s.card.name === 'confirmation')).toEqual([]);
    expect(h.noticedLinks(carer.name)).toHaveLength(2);
    expect(h.reachReport()!.links.map((l) => [l.name, l.opens])).toEqual([
      [child.name, 'their invitation to the PEP meeting'],
      [child.name, 'their questions before the PEP meeting'],
    ]);
    expect(h.reachReport()!.links.every((l) => l.why.includes('could not email them (no email address is known)'))).toBe(true);
    expect(h.teams.sent.filter((s) => s.card.name === 'reach-report').every((s) => s.to === organiser.id)).toBe(true);
    expect(h.teams.sent.filter((s) => s.to === MEETING_CHAT).map((s) => s.card.name)).not.toContain('reach-report');
    const texts = await Promise.all(h.smtp.received.map(async (email) => (await readEmail(email.raw)).text));
    expect(texts.join('\n')).toContain(h.noticedLinks(carer.name)[0]);
  });

  it('keeps only hashes: no token from a link is anywhere in the stored meeting', async () => {
    const { meeting } = await h.prepare();
    const stored = JSON.stringify(await h.store.getMeeting(meeting.id));
    const tokens = [...h.noticedLinks('Chris Carer'), ...h.noticedLinks('Jordan Doe')].map((url) => url.split('/p/')[1]!);
    expect(tokens).toHaveLength(4);
    for (const token of tokens) expect(stored).not.toContain(token);
    expect(new Set(tokens).size).toBe(4);
  });

  it('counts a link as delivered, so the carer and the child are not listed as unreachable', async () => {
    const { meeting } = await h.prepare();
    expect(h.reports).toEqual([]);
    expect(await h.delivery.unreachable(meeting.id)).toEqual([]);
  });

  it('records and reports a person it cannot reach at all: no email and no organiser in chat', async () => {
    h.teams.failing = 'The bot is not installed for this person.';
    const { meeting, child } = await h.prepare();
    const unreachable = await h.delivery.unreachable(meeting.id);
    expect(unreachable.find((u) => u.participantId === child.id)?.reason).toBe(
      'PEP Bot has no Teams or Slack account for them, and could not email them (no email address is known). The organiser could not be given the link either: The bot is not installed for this person.',
    );
    expect(h.reports.some((r) => r.kind === 'undeliverable' && r.participantId === child.id)).toBe(true);
  });
});

describe('with the default settings: no SMTP, links on http://127.0.0.1', () => {
  beforeEach(async () => {
    h = await startWebHarness({ smtp: false });
  });

  it('sends no email, and gathers every link into one card for the organiser, updated in place as more are issued', async () => {
    const { organiser, carer, child } = await h.prepare();
    expect(h.smtp.received).toEqual([]);
    const reports = h.teams.sent.filter((s) => s.card.name === 'reach-report');
    // One direct message to the organiser; every later link updates that same message.
    expect(reports.map((s) => s.kind)).toEqual(['direct', ...reports.slice(1).map(() => 'update')]);
    expect(reports[0]!.to).toBe(organiser.id);
    expect(h.teams.sent.filter((s) => s.kind === 'direct' && s.to === organiser.id && s.card.name !== 'attendance-summary').map((s) => s.card.name)).toEqual(['reach-report']);
    const { links } = h.reachReport()!;
    expect(links.map((l) => [l.name, l.opens])).toEqual([
      [carer.name, 'their invitation to the PEP meeting'],
      [child.name, 'their invitation to the PEP meeting'],
      [carer.name, 'a few questions before the PEP meeting'],
      [child.name, 'their questions before the PEP meeting'],
    ]);
    expect(links.every((l) => l.why === 'PEP Bot has no Teams or Slack account for them, and could not email them (email is not set up).')).toBe(true);
    expect(links.every((l) => l.url.startsWith(`${h.url}/p/`))).toBe(true);
    // The carer can open what the organiser passes on.
    expect((await fetch(links[0]!.url)).status).toBe(200);
  });

  it('drops a link from the organiser\'s card, and forgets its URL, once it stops working', async () => {
    const { meeting, carer, child } = await h.prepare();
    const childTokens = h.noticedLinks(child.name).map((url) => url.split('/p/')[1]!);
    expect(JSON.stringify(await h.store.listValues('reach-report', ''))).toContain(childTokens[0]);
    await executeCommand(h.deps, { meetingId: meeting.id, command: { type: 'revokeLinksOf', participantId: child.id }, actorId: meeting.organiserId, channel: 'teams' });
    await h.settle();
    expect(h.reachReport()!.links.map((l) => l.name)).toEqual([carer.name, carer.name]);
    const stored = JSON.stringify(await h.store.listValues('reach-report', ''));
    for (const token of childTokens) expect(stored).not.toContain(token);
  });

  it('shows each link whole, as text to copy, on the organiser\'s card as Teams and Slack draw it', async () => {
    await h.prepare();
    const data = h.teams.latest('reach-report')!.data as Parameters<typeof renderCard<'reach-report'>>[1];
    const teams = JSON.stringify(renderCard('reach-report', data));
    const slack = JSON.stringify(renderSlackMessage('reach-report', data));
    for (const { url } of h.reachReport()!.links) {
      expect(teams).toContain(`{"type":"TextBlock","text":"${url}","wrap":true}`);
      expect(slack).toContain(url);
    }
    // http to this machine cannot be a button in Teams or Slack: no button, and nothing dropped.
    expect(teams).not.toContain('Action.OpenUrl');
  });
});

describe('with a public https address', () => {
  it('makes each link on the organiser\'s card a button that opens it, beside the full link', async () => {
    h = await startWebHarness({ smtp: false, publicBaseUrl: 'https://pep.example.org' });
    await h.prepare();
    const data = h.teams.latest('reach-report')!.data as Parameters<typeof renderCard<'reach-report'>>[1];
    const card = renderCard('reach-report', data);
    const rows = card.body.filter((e) => e.type === 'Container');
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const url = (row.items[2] as { text: string }).text;
      expect(url).toMatch(/^https:\/\/pep\.example\.org\/p\/[\w-]{43}$/);
      expect(row.items[3]).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open this link', url }] });
    }
    const buttons = renderSlackMessage('reach-report', data).blocks.flatMap((b) => (b.type === 'section' && b.accessory ? [b.accessory] : []));
    expect(buttons.map((b) => ('url' in b ? b.url : undefined))).toEqual(rows.map((row) => (row.items[2] as { text: string }).text));
  });
});

describe('when the mail server refuses', () => {
  beforeEach(async () => {
    h = await startWebHarness({ mailer: { sendLink: async () => ({ sent: false, reason: 'the mail server refused it (550)' }), sendCancellation: async () => ({ sent: false, reason: 'the mail server refused it (550)' }) } });
  });

  it('tells the organiser why, and still gives them the link', async () => {
    const { carer } = await h.prepare();
    expect(h.noticedLinks(carer.name)).toHaveLength(2);
    const carerLinks = h.reachReport()!.links.filter((l) => l.name === carer.name);
    expect(carerLinks.map((l) => l.why)).toEqual([
      'PEP Bot has no Teams or Slack account for them, and could not email them (the mail server refused it (550)).',
      'PEP Bot has no Teams or Slack account for them, and could not email them (the mail server refused it (550)).',
    ]);
  });
});
