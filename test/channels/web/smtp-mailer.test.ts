import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CancellationEmail, LinkEmail } from '../../../src/app/link-sender.js';
import { createSmtpMailer } from '../../../src/channels/web/smtp-mailer.js';
import { captureLog } from '../../server/harness.js';
import { readEmail } from './support/read-email.js';
import type { SmtpSink } from './support/smtp-sink.js';
import { startSmtpSink } from './support/smtp-sink.js';

/** 10:00 in Paris: the meeting's own zone, not the server's or the reader's. */
const calendar = { uid: 'pep-meeting-m1@pep-bot', sequence: 0, startsAt: '2026-12-10T09:00:00.000Z', durationMinutes: 60, timeZone: 'Europe/Paris' };
const url = 'https://pep.example.org/p/' + 'T'.repeat(43);
const base = { to: 'chris@home.example.org', url, expiresOn: 'Wednesday 9 December 2026', meetingDay: 'Thursday 10 December 2026' };
const invitation: LinkEmail = { ...base, purpose: 'invitation', calendar };
const prompt: LinkEmail = { ...base, purpose: 'carer-prompt' };
let sink: SmtpSink | undefined;
afterEach(async () => sink?.close());

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function mailerToSink() {
  sink = await startSmtpSink();
  return createSmtpMailer({ smtpUrl: sink.url, from: 'PEP Bot <pep-bot@la.example.org>', logger: captureLog().logger });
}

describe('the SMTP mailer', () => {
  it('says what the message is and for which day, in text and in HTML, to the person only', async () => {
    const mailer = await mailerToSink();
    expect(await mailer.sendLink(invitation)).toEqual({ sent: true });
    expect(await mailer.sendLink(prompt)).toEqual({ sent: true });
    const [first, second] = sink!.received;
    expect(first!.to).toEqual(['chris@home.example.org']);
    expect(first!.headers).toMatch(/^Auto-Submitted: auto-generated$/m);
    const email = await readEmail(first!.raw);
    expect(email.subject).toBe('Invitation to a meeting on Thursday 10 December 2026 — please answer');
    expect(email.text).toContain(url);
    expect(email.text).toContain('It works until Wednesday 9 December 2026.');
    expect(email.html).toContain(`<a href="${url}"`);
    expect(email.html).toContain('You are invited to a meeting on Thursday 10 December 2026.');
    expect(email.text).toContain('You are invited to a meeting on Thursday 10 December 2026.');
    expect(email.html).not.toMatch(/<img|<script|https?:\/\/(?!pep\.example\.org)/);
    expect((await readEmail(second!.raw)).subject).toBe('A few questions before the meeting on Thursday 10 December 2026');
    mailer.close();
  });

  it('attaches an invitation as a calendar request, in the meeting’s time zone, naming only the meeting', async () => {
    const mailer = await mailerToSink();
    await mailer.sendLink(invitation);
    await mailer.sendLink(prompt);
    const { calendar: ics } = await readEmail(sink!.received[0]!.raw);
    expect(ics).toMatchObject({ partMethod: 'REQUEST', method: 'REQUEST' });
    expect(ics!.event).toMatchObject({ uid: calendar.uid, summary: 'Meeting', status: 'CONFIRMED' });
    expect(Number(ics!.event.sequence)).toBe(0);
    expect(ics!.event.start.toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(ics!.event.end!.toISOString()).toBe('2026-12-10T10:00:00.000Z');
    expect(ics!.event.start.tz).toBe('Europe/Paris');
    expect(ics!.source).toMatch(/^DTSTART;TZID=Europe\/Paris:20261210T100000\r$/m);
    expect(ics!.source).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r$/m);
    expect(ics!.source).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    expect(ics!.source).toMatch(/^ORGANIZER;CN="PEP Bot":mailto:pep-bot@la\.example\.org\r$/m);
    // A questions email carries no calendar entry.
    expect((await readEmail(sink!.received[1]!.raw)).calendar).toBeUndefined();
    mailer.close();
  });

  it('takes a cancelled meeting out of the calendar: same UID, a later SEQUENCE, METHOD:CANCEL', async () => {
    const mailer = await mailerToSink();
    const cancellation: CancellationEmail = { to: base.to, meetingDay: base.meetingDay, calendar: { ...calendar, sequence: 2 } };
    expect(await mailer.sendCancellation(cancellation)).toEqual({ sent: true });
    const email = await readEmail(sink!.received[0]!.raw);
    expect(email.subject).toBe('Cancelled: the meeting on Thursday 10 December 2026');
    expect(email.calendar).toMatchObject({ partMethod: 'CANCEL', method: 'CANCEL', event: { uid: calendar.uid, status: 'CANCELLED' } });
    expect(Number(email.calendar!.event.sequence)).toBe(2);
    mailer.close();
  });

  it('returns why it failed, and logs the reason without the address or the link', async () => {
    const log = captureLog();
    const mailer = createSmtpMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'pep-bot@la.example.org', logger: log.logger });
    expect(await mailer.sendLink(invitation)).toEqual({ sent: false, reason: 'the mail server could not be reached (ESOCKET)' });
    const lines = JSON.stringify(log.records());
    expect(lines).toContain('a secure-link email was not sent');
    expect(lines).not.toContain('chris@home.example.org');
    expect(lines).not.toContain(url);
    mailer.close();
  });
});
