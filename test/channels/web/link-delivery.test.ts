import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHILD, MEETING_CHAT, startWebHarness } from './support/web-harness.js';
import type { WebHarness } from './support/web-harness.js';
import { readEmail } from './support/read-email.js';

/**
 * People with no Teams or Slack account get their cards as secure links: emailed when SMTP is set
 * up and an address is known, and always handed to the organiser in a direct message.
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

  it('gives the organiser each link by direct message, never in the meeting chat', async () => {
    const { organiser, carer, child } = await h.prepare();
    const notices = h.teams.sent.filter((s) => s.card.name === 'confirmation');
    expect(notices.every((s) => s.kind === 'direct' && s.to === organiser.id)).toBe(true);
    // The notification line shows on lock screens: it names nobody.
    expect(notices.map((s) => s.card.text)).toEqual(['A secure link was emailed', 'A secure link to pass on', 'A secure link was emailed', 'A secure link to pass on']);
    expect(h.teams.sent.filter((s) => s.to === MEETING_CHAT).map((s) => s.card.name)).not.toContain('confirmation');
    // Invitation and prompt each: the carer's were also emailed, the child's could not be.
    expect(h.noticedLinks(carer.name)).toHaveLength(2);
    expect(h.noticedLinks(child.name)).toHaveLength(2);
    const [carerNotice, childNotice] = [carer, child].map((p) => notices.find((s) => JSON.stringify(s.card.data).includes(`Secure link for ${p.name}`))!.card.data as { message: string });
    expect(carerNotice!.message).toContain('emailed them a secure link');
    expect(childNotice!.message).toContain('could not email them (no email address is known)');
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
      'No secure link could be emailed (no email address is known), and the organiser could not be given it: The bot is not installed for this person.',
    );
    expect(h.reports.some((r) => r.kind === 'undeliverable' && r.participantId === child.id)).toBe(true);
  });
});

describe('without SMTP', () => {
  beforeEach(async () => {
    h = await startWebHarness({ smtp: false });
  });

  it('sends no email and asks the organiser to pass the link on', async () => {
    const { carer } = await h.prepare();
    expect(h.smtp.received).toEqual([]);
    const notice = h.teams.sent.find((s) => s.card.name === 'confirmation' && JSON.stringify(s.card.data).includes(carer.name))!;
    expect((notice.card.data as { message: string }).message).toContain('could not email them (email is not set up). Please pass this secure link');
  });
});

describe('when the mail server refuses', () => {
  beforeEach(async () => {
    h = await startWebHarness({ mailer: { sendLink: async () => ({ sent: false, reason: 'the mail server refused it (550)' }), sendCancellation: async () => ({ sent: false, reason: 'the mail server refused it (550)' }) } });
  });

  it('tells the organiser why, and still gives them the link', async () => {
    const { carer } = await h.prepare();
    expect(h.noticedLinks(carer.name)).toHaveLength(2);
    const notice = h.teams.sent.find((s) => s.card.name === 'confirmation' && JSON.stringify(s.card.data).includes(carer.name))!;
    expect((notice.card.data as { message: string }).message).toContain('could not email them (the mail server refused it (550))');
  });
});
