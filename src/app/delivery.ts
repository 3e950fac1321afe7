import { z } from 'zod';
import type { Officer } from '../domain/actor.js';
import type { Meeting, Participant } from '../domain/model.js';
import type { Clock } from '../ports/clock.js';
import type { KeyValueStore } from '../ports/key-value.js';
import { systemClock } from '../ports/clock.js';
import type { Delivery, DirectRecipient, MessageRef, Messenger, OutboundCard } from '../ports/messenger.js';
import type { MeetingStore } from '../ports/store.js';
import type { LinkSender } from './link-sender.js';
import { officerRecipient } from './officers.js';
import type { IssuedLinkRef } from './outbox/outgoing.js';
import type { Recipient } from './reach-report.js';
import { ReachReportStore } from './reach-report.js';
import { participant } from './views/people.js';
import type { Unreachable } from './views/preparation-cards.js';
import { reachReportCard } from './views/reach-report-card.js';

/** Key-value namespaces the delivery layer owns. */
const CARD_REFS = 'card-ref';
const UNREACHABLE = 'unreachable';
const CHAT_MEETING = 'chat-meeting';

const MessageRefSchema = z.object({ channel: z.enum(['teams', 'slack']), conversationId: z.string(), messageId: z.string() });
export interface Chat {
  channel: 'teams' | 'slack';
  conversationId: string;
}

/** Something the organiser or an operator should know about: never dropped silently. */
export type DeliveryEvent =
  | { kind: 'undeliverable'; meetingId: string; participantId: string; card: string; reason: string }
  | { kind: 'group_post_failed'; meetingId: string; conversationId: string; card: string; reason: string }
  | { kind: 'officer_unreachable'; meetingId: string; officerId: string; card: string; reason: string };

export interface DeliveryDeps {
  store: KeyValueStore & Pick<MeetingStore, 'getMeeting'>;
  messengers: readonly Messenger[];
  /** For operators (the log): the organiser hears of the same on their reach report card. */
  report: (event: DeliveryEvent) => void;
  /** For people no messenger knows: a secure web link, emailed, or else given to the organiser to pass on. */
  links?: LinkSender;
  /** Says which links on the organiser's card still work; the system clock unless a test sets one. */
  clock?: Clock;
}

const NO_CHANNEL = 'No Teams or Slack account is known for this person, so the bot cannot message them.';

/**
 * Sends cards to people and chats and keeps track of where each one went, so later changes
 * update the same message instead of posting a new one.
 */
export class CardDelivery {
  private readonly reach: ReachReportStore;

  constructor(private readonly deps: DeliveryDeps) {
    this.reach = new ReachReportStore(deps.store);
  }

  /** The person's preferred channel when it knows them, else the first channel that does. */
  messengerFor(person: DirectRecipient): Messenger | undefined {
    const { messengers } = this.deps;
    return messengers.find((m) => m.channel === person.preferredChannel && m.knows(person)) ?? messengers.find((m) => m.knows(person));
  }

  /**
   * A new direct message, or for someone no messenger knows, the secure link the change issued for
   * the card: emailed, or else put on the organiser's card to pass on. A failure is returned, not
   * recorded: the caller retries, and only once it gives up does anyone hear (gaveUp).
   */
  async sendDirect(meeting: Meeting, person: Participant, card: OutboundCard, link?: IssuedLinkRef): Promise<Delivery> {
    const messenger = this.messengerFor(person);
    const delivery = messenger ? await messenger.sendDirect(person, card) : await this.sendLink(meeting, person, card, link);
    if (delivery.delivered) {
      // A link's ref is the organiser's card, which must never be overwritten with this one.
      if (messenger && delivery.ref) await this.deps.store.putValue(CARD_REFS, `${meeting.id}/${card.name}/${person.id}`, delivery.ref);
      await this.deps.store.deleteValue(UNREACHABLE, `${meeting.id}/${person.id}`);
      if (await this.reach.clearUndelivered(meeting.id, { kind: 'person', participantId: person.id }, card.name)) await this.tellOrganiser(meeting.id);
    }
    return delivery;
  }

  /**
   * Delivery was given up: the person is marked unreachable on the attendance card, the organiser's
   * reach card says who did not get what and why, and the log has it for operators.
   */
  async gaveUp(meeting: Meeting, to: Recipient, card: OutboundCard['name'], reason: string): Promise<void> {
    if (to.kind === 'person') {
      await this.deps.store.putValue(UNREACHABLE, `${meeting.id}/${to.participantId}`, { reason });
      this.deps.report({ kind: 'undeliverable', meetingId: meeting.id, participantId: to.participantId, card, reason });
    } else if (to.kind === 'officer') {
      this.deps.report({ kind: 'officer_unreachable', meetingId: meeting.id, officerId: to.officerId, card, reason });
    } else {
      this.deps.report({ kind: 'group_post_failed', meetingId: meeting.id, conversationId: to.conversationId, card, reason });
    }
    await this.undelivered(meeting, { to, card, reason });
  }

  /**
   * Takes a cancelled meeting out of the calendar of someone who was invited by email; people in
   * Teams or Slack had no calendar entry from PEP Bot.
   */
  async cancelInvitation(meeting: Meeting, person: Participant): Promise<Delivery> {
    const mail = await this.deps.links?.cancelInvitation(meeting, person);
    if (!mail || mail.sent) return { delivered: true };
    return { delivered: false, reason: mail.reason, retryable: true };
  }

  /** Delivered means the person was emailed the link, or the organiser holds it to pass on. */
  private async sendLink(meeting: Meeting, person: Participant, card: OutboundCard, link: IssuedLinkRef | undefined): Promise<Delivery> {
    const links = this.deps.links;
    if (!links || !link) return { delivered: false, reason: NO_CHANNEL, retryable: false };
    const outcome = await links.deliver(meeting, person, card, link);
    if (outcome.kind === 'failed') return { delivered: false, reason: outcome.reason, retryable: outcome.retryable };
    if (outcome.kind === 'emailed') return { delivered: true };
    await this.reach.addLink(meeting, outcome.link);
    const told = await this.tellOrganiser(meeting.id);
    if (told.delivered) return told;
    // The link is issued and waits on the organiser's card, which the next change redraws.
    return { delivered: false, reason: `${outcome.link.why} The organiser could not be given the link either: ${told.reason}`, retryable: told.retryable };
  }

  /** Puts a failed delivery on the organiser's card, unless the card that failed was that one. */
  async undelivered(meeting: Meeting, entry: { to: Recipient; card: OutboundCard['name']; reason: string }): Promise<void> {
    if (entry.card === 'reach-report') return;
    await this.reach.addUndelivered(meeting.id, entry);
    await this.tellOrganiser(meeting.id);
  }

  /** Once a link on the organiser's card stops working (used, revoked, expired), the card drops it. */
  async tidyOrganiserCard(meetingId: string): Promise<void> {
    // Read again: links issued during this fan-out are not in the meeting it started from.
    const meeting = await this.deps.store.getMeeting(meetingId);
    if (meeting && (await this.reach.forgetDeadLinks(meeting, this.now()))) await this.tellOrganiser(meetingId);
  }

  private now(): Date {
    return (this.deps.clock ?? systemClock).now();
  }

  /**
   * The organiser's one card per meeting about who PEP Bot could not reach, drawn from the saved
   * meeting (links issued moments ago included) and updated in place. Only ever a direct message
   * to the organiser in a chat channel: it carries secure links. When that fails, only the log knows.
   */
  private async tellOrganiser(meetingId: string): Promise<Delivery> {
    const meeting = await this.deps.store.getMeeting(meetingId);
    if (!meeting) return { delivered: false, reason: 'The meeting no longer exists.', retryable: false };
    const organiser = participant(meeting, meeting.organiserId);
    const messenger = this.messengerFor(organiser);
    const card = reachReportCard(meeting, await this.reach.read(meeting, this.now()));
    const refKey = `${meeting.id}/${card.name}/${organiser.id}`;
    const ref = await this.ref(refKey);
    const updated = ref && messenger?.channel === ref.channel ? await messenger.update(ref, card) : undefined;
    const delivery = updated?.delivered ? updated : messenger ? await messenger.sendDirect(organiser, card) : { delivered: false as const, reason: 'No Teams or Slack account is known for the organiser.', retryable: false };
    if (delivery.delivered && delivery.ref) await this.deps.store.putValue(CARD_REFS, refKey, delivery.ref);
    else if (!delivery.delivered) this.deps.report({ kind: 'undeliverable', meetingId, participantId: organiser.id, card: card.name, reason: delivery.reason });
    return delivery;
  }

  /** Updates the person's copy of this card in place, or sends it if they have none yet. */
  async refreshDirect(meeting: Meeting, person: Participant, card: OutboundCard): Promise<Delivery> {
    const ref = await this.ref(`${meeting.id}/${card.name}/${person.id}`);
    const messenger = ref && this.deps.messengers.find((m) => m.channel === ref.channel);
    if (ref && messenger) {
      const delivery = await messenger.update(ref, card);
      if (delivery.delivered) return delivery;
    }
    return this.sendDirect(meeting, person, card);
  }

  /** Updates this card in a chat linked to the meeting, or posts it there when it is not there yet. */
  async toChat(meeting: Meeting, chat: Chat, card: OutboundCard, options: { newMessage?: boolean } = {}): Promise<Delivery> {
    const messenger = this.deps.messengers.find((m) => m.channel === chat.channel);
    if (!messenger) return { delivered: false, reason: `PEP Bot is not connected to ${chat.channel === 'teams' ? 'Teams' : 'Slack'} here.`, retryable: false };
    const refKey = `${meeting.id}/${card.name}/${chat.channel}:${chat.conversationId}`;
    return this.updateOrSend(meeting.id, { kind: 'chat', ...chat }, { refKey, messenger, card, update: !options.newMessage }, () => messenger.post(chat.conversationId, card));
  }

  /**
   * A direct message to a Virtual School officer from the council's settings, by their Teams or
   * Slack identity: a new message (`send`), or their copy updated in place (`refresh`).
   */
  async toOfficer(meeting: Meeting, officer: Officer, card: OutboundCard, mode: 'send' | 'refresh'): Promise<Delivery> {
    const person = officerRecipient(officer);
    const messenger = this.messengerFor(person);
    if (!messenger) return { delivered: false, reason: `No Teams or Slack account is known for Virtual School officer ${officer.id}: give them a slackUserId or teamsAadObjectId in the council settings.`, retryable: false };
    const refKey = `${meeting.id}/${card.name}/${person.id}`;
    return this.updateOrSend(meeting.id, { kind: 'officer', officerId: officer.id }, { refKey, messenger, card, update: mode === 'refresh' }, () => messenger.sendDirect(person, card));
  }

  /** Updates the copy at the stored ref when asked and there is one, else sends; remembers where it went. */
  private async updateOrSend(meetingId: string, to: Recipient, target: { refKey: string; messenger: Messenger; card: OutboundCard; update: boolean }, send: () => Promise<Delivery>): Promise<Delivery> {
    const { refKey, messenger, card } = target;
    const ref = target.update ? await this.ref(refKey) : undefined;
    const updated = ref && ref.channel === messenger.channel ? await messenger.update(ref, card) : undefined;
    const delivery = updated?.delivered ? updated : await send();
    if (delivery.delivered) {
      if (delivery.ref) await this.deps.store.putValue(CARD_REFS, refKey, delivery.ref);
      if (await this.reach.clearUndelivered(meetingId, to, card.name)) await this.tellOrganiser(meetingId);
    }
    return delivery;
  }

  /** The reverse of meeting.chats, so a command typed in a chat finds its meeting. */
  async indexChat(meetingId: string, chat: Chat): Promise<void> {
    await this.deps.store.putValue(CHAT_MEETING, `${chat.channel}:${chat.conversationId}`, meetingId);
  }

  async meetingOfChat(chat: Chat): Promise<string | undefined> {
    const value = await this.deps.store.getValue(CHAT_MEETING, `${chat.channel}:${chat.conversationId}`);
    return typeof value === 'string' ? value : undefined;
  }

  async unreachable(meetingId: string): Promise<Unreachable[]> {
    const entries = await this.deps.store.listValues(UNREACHABLE, `${meetingId}/`);
    return entries.map((e) => ({ participantId: e.key.slice(meetingId.length + 1), reason: z.object({ reason: z.string() }).parse(e.value).reason }));
  }

  private async ref(key: string): Promise<MessageRef | undefined> {
    const parsed = MessageRefSchema.safeParse(await this.deps.store.getValue(CARD_REFS, key));
    return parsed.success ? parsed.data : undefined;
  }
}
