import { formatDay } from '../cards/format.js';
import { localDate } from '../domain/dates.js';
import type { LinkPurpose, Meeting, Participant } from '../domain/model.js';
import type { OutboundCard } from '../ports/messenger.js';
import type { AppDeps } from './deps.js';
import type { CalendarEntry } from './meeting-calendar.js';
import { calendarEntry, meetingDay } from './meeting-calendar.js';
import { linkTargetOf } from './link-cards.js';
import type { LinkToPassOn } from './reach-report.js';
import type { IssuedLinkRef } from './outbox/outgoing.js';

/**
 * An email that carries a secure link: what it opens and for which day, and for an invitation the
 * meeting for the person's calendar. Never whose meeting it is: no child, no school, no names.
 */
export interface LinkEmail {
  to: string;
  url: string;
  /** The last day the link works, as a person reads it: "Wednesday 9 December 2026". */
  expiresOn: string;
  purpose: LinkPurpose;
  /** The meeting's day, as a person reads it: "Thursday 10 December 2026". */
  meetingDay: string;
  /** Invitations only: the entry for their calendar, replacing any earlier one for this meeting. */
  calendar?: CalendarEntry;
}

/** Takes a cancelled meeting out of the calendar of someone who was invited by email. */
export interface CancellationEmail {
  to: string;
  meetingDay: string;
  calendar: CalendarEntry;
}

export type MailResult = { sent: true } | { sent: false; reason: string };

/** The email port: the web channel implements it over SMTP. A failure is a result, never thrown. */
export interface LinkMailer {
  sendLink(email: LinkEmail): Promise<MailResult>;
  sendCancellation(email: CancellationEmail): Promise<MailResult>;
}

/**
 * How a link reached its person: by email, or not yet, so the organiser has to pass it on (the
 * only case the organiser hears about), or not at all.
 */
export type LinkOutcome = { kind: 'emailed' } | { kind: 'pass-on'; link: LinkToPassOn } | { kind: 'failed'; reason: string; retryable: boolean };

/** How CardDelivery reaches someone no chat channel knows: the secure web link issued for the card. */
export interface LinkSender {
  deliver(meeting: Meeting, person: Participant, card: OutboundCard, link: IssuedLinkRef): Promise<LinkOutcome>;
  /** Emails a cancellation of the calendar entry their invitation carried; undefined when none was emailed. */
  cancelInvitation(meeting: Meeting, person: Participant): Promise<MailResult | undefined>;
}

export interface WebLinkSenderDeps {
  app: Pick<AppDeps, 'store'>;
  /** PUBLIC_BASE_URL, without a trailing slash: links are <base>/p/<token>. */
  publicBaseUrl: string;
  /** Absent when no SMTP server is configured: the organiser then passes the link on. */
  mailer?: LinkMailer;
}

const NO_ACCOUNT = 'PEP Bot has no Teams or Slack account for them';

/**
 * Emails a person the link their card was issued with, when SMTP is set up and an address is
 * known. When it cannot be emailed, the link goes back to CardDelivery for the organiser to pass on.
 */
export class WebLinkSender implements LinkSender {
  constructor(private readonly deps: WebLinkSenderDeps) {}

  async deliver(meeting: Meeting, person: Participant, card: OutboundCard, issued: IssuedLinkRef): Promise<LinkOutcome> {
    const target = linkTargetOf(card);
    const link = meeting.links.find((l) => l.id === issued.linkId);
    if (!target || !link) return { kind: 'failed', reason: `No secure link was issued for the ${card.name} card.`, retryable: false };
    const url = `${this.deps.publicBaseUrl}/p/${issued.token}`;
    const calendar = target.purpose === 'invitation' ? await calendarEntry(this.deps.app, meeting) : undefined;
    const mail = await this.email(person, { url, expiresOn: formatDay(localDate(link.expiresAt, meeting.timeZone)), purpose: target.purpose, meetingDay: meetingDay(meeting), calendar });
    if (mail.sent) return { kind: 'emailed' };
    return { kind: 'pass-on', link: { linkId: link.id, url, why: `${NO_ACCOUNT}, and could not email them (${mail.reason}).` } };
  }

  async cancelInvitation(meeting: Meeting, person: Participant): Promise<MailResult | undefined> {
    if (!this.deps.mailer || !person.email) return undefined;
    return this.deps.mailer.sendCancellation({ to: person.email, meetingDay: meetingDay(meeting), calendar: await calendarEntry(this.deps.app, meeting, 'cancelled') });
  }

  private async email(person: Participant, link: Omit<LinkEmail, 'to'>): Promise<MailResult> {
    if (!this.deps.mailer) return { sent: false, reason: 'email is not set up' };
    if (!person.email) return { sent: false, reason: 'no email address is known' };
    return this.deps.mailer.sendLink({ to: person.email, ...link });
  }
}
