import { formatDay } from '../cards/format.js';
import { SYSTEM_ACTOR } from '../domain/context.js';
import { localDate } from '../domain/dates.js';
import { isDomainError } from '../domain/errors.js';
import type { LinkPurpose, Meeting, Participant } from '../domain/model.js';
import type { Delivery, OutboundCard } from '../ports/messenger.js';
import type { AppDeps } from './deps.js';
import type { CalendarEntry } from './meeting-calendar.js';
import { calendarEntry, meetingDay } from './meeting-calendar.js';
import type { LinkTarget } from './link-cards.js';
import { linkTargetOf } from './link-cards.js';
import type { IssuedLink } from './secure-links.js';
import { issueSecureLink } from './secure-links.js';
import { confirmationCard } from './views/message-cards.js';

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

/** Tells the organiser, by direct message, about a link they may need to pass on. */
export type TellOrganiser = (notice: OutboundCard) => Promise<Delivery>;

/** How CardDelivery reaches someone no chat channel knows: a secure web link to the card. */
export interface LinkSender {
  /** Whether the card is one a link can open (a person's own card, not a group's or the organiser's). */
  opens(card: OutboundCard): boolean;
  send(meeting: Meeting, person: Participant, card: OutboundCard, tellOrganiser: TellOrganiser): Promise<Delivery>;
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

const OPENS: Record<LinkPurpose, string> = {
  invitation: 'their invitation to the PEP meeting',
  'carer-prompt': 'a few questions before the PEP meeting',
  'child-voice-prompt': 'their questions before the PEP meeting',
  'action-nudge': 'a reminder about an action they own',
  'contribution-request': 'a request for their contribution',
  plan: 'the written plan',
};

/**
 * Issues a single-purpose link for the person and gets it to them: by email when SMTP is set up
 * and an address is known, and always to the organiser's direct messages, to pass on if needed.
 * Delivered means the organiser holds the link; the reason says what else happened when not.
 */
export class WebLinkSender implements LinkSender {
  constructor(private readonly deps: WebLinkSenderDeps) {}

  opens(card: OutboundCard): boolean {
    return linkTargetOf(card) !== undefined;
  }

  async send(meeting: Meeting, person: Participant, card: OutboundCard, tellOrganiser: TellOrganiser): Promise<Delivery> {
    const target = linkTargetOf(card);
    if (!target) throw new Error(`the ${card.name} card cannot be opened by a link`);
    const issued = await this.issue(meeting, person, target);
    if ('delivered' in issued) return issued;
    const link = { url: `${this.deps.publicBaseUrl}/p/${issued.token}`, expiresOn: formatDay(localDate(issued.link.expiresAt, meeting.timeZone)) };
    const calendar = target.purpose === 'invitation' ? await calendarEntry(this.deps.app, meeting) : undefined;
    const mail = await this.email(person, { ...link, purpose: target.purpose, meetingDay: meetingDay(meeting), calendar });
    const told = await tellOrganiser(organiserNotice(person, target, { ...link, singleUse: issued.link.singleUse }, mail));
    if (told.delivered) return told;
    const mailed = mail.sent ? 'A secure link was emailed to them' : `No secure link could be emailed (${mail.reason})`;
    // Once an email has gone, a retry would only send another link.
    return { delivered: false, reason: `${mailed}, and the organiser could not be given it: ${told.reason}`, retryable: !mail.sent && told.retryable };
  }

  /** A refusal (the item is not theirs, the meeting is gone) is a failed delivery, not a crash. */
  private async issue(meeting: Meeting, person: Participant, target: LinkTarget): Promise<IssuedLink | Delivery> {
    try {
      return await issueSecureLink(this.deps.app, { meetingId: meeting.id, participantId: person.id, ...target, actorId: SYSTEM_ACTOR, days: this.deps.days });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { delivered: false, reason: `No secure link could be made: ${error.message}`, retryable: false };
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

/** To the organiser only, by direct message: the link, what it opens, and whether it was emailed. */
function organiserNotice(person: Participant, target: LinkTarget, link: Pick<LinkEmail, 'url' | 'expiresOn'> & { singleUse: boolean }, mail: MailResult): OutboundCard {
  const opens = OPENS[target.purpose];
  const message = mail.sent
    ? `${person.name} has no Teams or Slack account we know of, so PEP Bot emailed them a secure link to ${opens}. It is here too, in case they ask you for it.`
    : `${person.name} has no Teams or Slack account we know of, and PEP Bot could not email them (${mail.reason}). Please pass this secure link to ${opens} on to them yourself, privately.`;
  const stops = link.singleUse ? 'once it has been used or after the date shown' : 'after the date shown';
  // The title is also the notification text, which names no one: the link may be the child's.
  return confirmationCard(mail.sent ? 'A secure link was emailed' : 'A secure link to pass on', `${message} Only they should use it: it is tied to them and stops working ${stops}.`, [
    { label: `Secure link for ${person.name}`, value: link.url },
    { label: 'Works until', value: link.expiresOn },
  ]);
}
