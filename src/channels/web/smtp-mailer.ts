import type { Transporter } from 'nodemailer';
import type { CancellationEmail, LinkEmail, LinkMailer, MailResult } from '../../app/link-sender.js';
import type { CalendarEntry } from '../../app/meeting-calendar.js';
import type { Logger } from '../../observability/logger.js';
import type { EmailContent } from './link-email.js';
import { cancellationEmailContent, linkEmailContent } from './link-email.js';
import type { IcsMethod, meetingIcs } from './meeting-ics.js';

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

/** The transport, MAIL_FROM's bare address ("PEP Bot <pep-bot@la.example.org>": the calendar entry's organiser), and the calendar writer. */
interface Connection {
  transport: Transporter;
  organizer: string;
  ics: typeof meetingIcs;
}

/** nodemailer and the calendar libraries are loaded with the first email, not at start-up: most bots send none for a while, or never. */
async function connect(smtpUrl: string, from: string): Promise<Connection> {
  const [{ default: nodemailer }, { default: addressparser }, { meetingIcs: ics }] = await Promise.all([
    import('nodemailer'),
    import('nodemailer/lib/addressparser/index.js'),
    import('./meeting-ics.js'),
  ]);
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address) throw new Error('MAIL_FROM has no email address');
  return { transport: nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS }), organizer: first.address, ics };
}

/**
 * Link emails over SMTP with nodemailer: text and HTML, and for an invitation or a cancellation
 * the calendar entry as a text/calendar part with its method, which mail apps offer to add to (or
 * take out of) the calendar. A failure is returned as a reason, and logged without personal data.
 */
export function createSmtpMailer(options: { smtpUrl: string; from: string; logger: Logger }): SmtpMailer {
  let connection: Promise<Connection> | undefined;
  const connected = () => (connection ??= connect(options.smtpUrl, options.from));

  async function send(to: string, content: EmailContent, calendar?: { entry: CalendarEntry; method: IcsMethod }): Promise<MailResult> {
    const { transport, organizer, ics } = await connected();
    try {
      await transport.sendMail({
        from: options.from,
        to,
        ...content,
        icalEvent: calendar && { method: calendar.method, filename: 'meeting.ics', content: ics(calendar.entry, calendar.method, { organizer, attendee: to }) },
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
    sendLink: ({ to, ...email }: LinkEmail) => send(to, linkEmailContent(email), email.calendar && { entry: email.calendar, method: 'REQUEST' }),
    sendCancellation: ({ to, ...email }: CancellationEmail) => send(to, cancellationEmailContent(email), { entry: email.calendar, method: 'CANCEL' }),
    // A connection that failed to set up has nothing to close.
    close: () => void connection?.then(({ transport }) => transport.close(), () => undefined),
  };
}
