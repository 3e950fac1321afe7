import type { Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { CancellationEmail, LinkEmail, LinkMailer, MailResult } from '../../app/link-sender.js';
import type { Logger } from '../../observability/logger.js';
import type { EmailContent } from './link-email.js';
import { cancellationEmailContent, linkEmailContent } from './link-email.js';
import type { IcsMethod } from './meeting-ics.js';
import { meetingIcs } from './meeting-ics.js';

export interface SmtpMailer extends LinkMailer {
  /** Closes pooled connections at shutdown. */
  close(): void;
}

/** Bounded waits, so a silent mail server delays a fan-out by seconds, not minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** What the organiser is told when an email fails: the server's code, never the address or the link. */
function failureReason(error: unknown): string {
  const { responseCode, code } = (typeof error === 'object' && error !== null ? error : {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return `the mail server refused it (${responseCode})`;
  return `the mail server could not be reached${typeof code === 'string' ? ` (${code})` : ''}`;
}

/** The bare address in MAIL_FROM ("PEP Bot <pep-bot@la.example.org>"), the calendar entry's organiser. */
function senderAddress(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address) throw new Error('MAIL_FROM has no email address');
  return first.address;
}

/**
 * Link emails over SMTP with nodemailer: text and HTML, and for an invitation or a cancellation
 * the calendar entry as a text/calendar part with its method, which mail apps offer to add to (or
 * take out of) the calendar. A failure is returned as a reason, and logged without personal data.
 */
export function createSmtpMailer(options: { smtpUrl: string; from: string; logger: Logger }): SmtpMailer {
  // nodemailer is loaded with the first email, not at start-up.
  let transport: Promise<Transporter> | undefined;
  const connected = () => (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport({ url: options.smtpUrl, ...TIMEOUTS })));
  const organizer = senderAddress(options.from);

  async function send(to: string, content: EmailContent, calendar?: { ics: string; method: IcsMethod }): Promise<MailResult> {
    try {
      await (await connected()).sendMail({
        from: options.from,
        to,
        ...content,
        icalEvent: calendar && { method: calendar.method, filename: 'meeting.ics', content: calendar.ics },
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { sent: true };
    } catch (error) {
      const reason = failureReason(error);
      options.logger.warn({ reason }, 'a secure-link email was not sent');
      return { sent: false, reason };
    }
  }

  return {
    sendLink: ({ to, ...email }: LinkEmail) =>
      send(to, linkEmailContent(email), email.calendar && { ics: meetingIcs(email.calendar, 'REQUEST', { organizer, attendee: to }), method: 'REQUEST' }),
    sendCancellation: ({ to, ...email }: CancellationEmail) =>
      send(to, cancellationEmailContent(email), { ics: meetingIcs(email.calendar, 'CANCEL', { organizer, attendee: to }), method: 'CANCEL' }),
    close: () => void transport?.then((opened) => opened.close()),
  };
}
