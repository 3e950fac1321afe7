import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import type { VEvent } from 'node-ical';

/** One email as a mail app reads it: parsed by mailparser, its calendar part by node-ical. */
export interface ReadEmail {
  subject: string;
  text: string;
  html: string;
  /** Every decoded part together, to check for what must not be anywhere in the email. */
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
    everything: [mail.subject, mail.text, mail.html, ...mail.attachments.map((a) => a.content.toString('utf8'))].join('\n'),
    calendar:
      part && source && event
        ? { partMethod: contentType?.params?.method ?? '', method: parsed?.vcalendar?.method ?? '', source, event }
        : undefined,
  };
}
