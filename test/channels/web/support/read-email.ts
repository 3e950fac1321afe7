import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import type { VEvent } from 'node-ical';

/** One email as a mail app reads it: parsed by mailparser, its calendar part by node-ical. */
export interface ReadEmail {
  subject: string;
  text: string;
  html: string;
  /** Every decoded part together, links' tokens masked, to check for what must not be anywhere in the email. */
  everything: string;
  calendar?: {
    /** The method on the text/calendar part's Content-Type, which mail apps act on. */
    partMethod: string;
    /** METHOD inside the file. */
    method: string;
    source: string;
    event: VEvent;
  };
}

/**
 * A link's token is 43 random characters, which spell "JD" (the child's initials) in about one
 * email in a hundred: `everything` shows it as <token>, so checking an email for what must not be
 * in it never depends on chance. The link itself is checked where a test reads mail.text.
 */
const LINK_TOKEN = /(\/(?:p|plan)\/)[A-Za-z0-9_-]{43}/g;

export async function readEmail(raw: Buffer): Promise<ReadEmail> {
  const mail = await simpleParser(raw);
  const part = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  const source = part?.content.toString('utf8');
  const parsed = source ? ical.sync.parseICS(source) : undefined;
  const event = parsed && Object.values(parsed).find((entry): entry is VEvent => entry?.type === 'VEVENT');
  const contentType = part?.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return {
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    everything: [mail.subject, mail.text, mail.html, ...mail.attachments.map((a) => a.content.toString('utf8'))].join('\n').replace(LINK_TOKEN, '$1<token>'),
    calendar:
      part && source && event
        ? { partMethod: contentType?.params?.method ?? '', method: parsed?.vcalendar?.method ?? '', source, event }
        : undefined,
  };
}
