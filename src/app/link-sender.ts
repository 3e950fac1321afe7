import { formatDay } from '../cards/format.js';
import { SYSTEM_ACTOR } from '../domain/context.js';
import { localDate } from '../domain/dates.js';
import { isDomainError } from '../domain/errors.js';
import type { LinkPurpose, Meeting, Participant } from '../domain/model.js';
import type { OutboundCard } from '../ports/messenger.js';
import type { AppDeps } from './deps.js';
import type { CalendarEntry } from './meeting-calendar.js';
import { calendarEntry, meetingDay } from './meeting-calendar.js';
import type { LinkTarget } from './link-cards.js';
import { linkTargetOf } from './link-cards.js';
import type { LinkToPassOn } from './reach-report.js';
import type { IssuedLink } from './secure-links.js';
import { issueSecureLink } from './secure-links.js';

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
 * only case the organiser hears about), or no link could be made at all.
 */
export type LinkOutcome =
  | { kind: 'emailed' }
  /** `meeting` is the meeting as saved with the new link in it. */
  | { kind: 'pass-on'; link: LinkToPassOn; meeting: Meeting }
  | { kind: 'failed'; reason: string; retryable: boolean };

/** How CardDelivery reaches someone no chat channel knows: a secure web link to the card. */
export interface LinkSender {
  /** Whether the card is one a link can open (a person's own card, not a group's or the organiser's). */
  opens(card: OutboundCard): boolean;
  send(meeting: Meeting, person: Participant, card: OutboundCard): Promise<LinkOutcome>;
  /** Emails a cancellation of the calendar entry their invitation carried; undefined when none was emailed. */
  cancelInvitation(meeting: Meeting, person: Participant): Promise<MailResult | undefined>;
}

export interface WebLinkSenderDeps {
  app: AppDeps;
  /** PUBLIC_BASE_URL, without a trailing slash: links are <base>/p/<token>. */
  publicBaseUrl: string;
  days: number;
  /** Absent when no SMTP server is configured: the organiser then passes the link on. */
  mailer?: LinkMailer;
}

const NO_ACCOUNT = 'PEP Bot has no Teams or Slack account for them';

/**
 * Issues a single-purpose link for the person and emails it when SMTP is set up and an address is
 * known. When it cannot be emailed, the link goes back to CardDelivery for the organiser to pass on.
 */
export class WebLinkSender implements LinkSender {
  constructor(private readonly deps: WebLinkSenderDeps) {}

  opens(card: OutboundCard): boolean {
    return linkTargetOf(card) !== undefined;
  }

  async send(meeting: Meeting, person: Participant, card: OutboundCard): Promise<LinkOutcome> {
    const target = linkTargetOf(card);
    if (!target) throw new Error(`the ${card.name} card cannot be opened by a link`);
    const issued = await this.issue(meeting, person, target);
    if ('kind' in issued) return issued;
    const url = `${this.deps.publicBaseUrl}/p/${issued.token}`;
    const calendar = target.purpose === 'invitation' ? await calendarEntry(this.deps.app, meeting) : undefined;
    const mail = await this.email(person, { url, expiresOn: formatDay(localDate(issued.link.expiresAt, meeting.timeZone)), purpose: target.purpose, meetingDay: meetingDay(meeting), calendar });
    if (mail.sent) return { kind: 'emailed' };
    return { kind: 'pass-on', link: { linkId: issued.link.id, url, why: `${NO_ACCOUNT}, and could not email them (${mail.reason}).` }, meeting: issued.meeting };
  }

  /** A refusal (the item is not theirs, the meeting is gone) is a failed delivery, not a crash. */
  private async issue(meeting: Meeting, person: Participant, target: LinkTarget): Promise<IssuedLink | LinkOutcome> {
    try {
      return await issueSecureLink(this.deps.app, { meetingId: meeting.id, participantId: person.id, ...target, actorId: SYSTEM_ACTOR, days: this.deps.days });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { kind: 'failed', reason: `No secure link could be made: ${error.message}`, retryable: false };
    }
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
