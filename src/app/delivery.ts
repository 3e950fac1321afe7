import { z } from 'zod';
import type { Meeting, Participant } from '../domain/model.js';
import type { KeyValueStore } from '../ports/key-value.js';
import type { Delivery, MessageRef, Messenger, OutboundCard } from '../ports/messenger.js';
import type { LinkSender } from './link-sender.js';
import { participant } from './views/people.js';
import type { Unreachable } from './views/preparation-cards.js';
import type { PlanDistributor } from './plan/distribute-plan.js';

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
  | { kind: 'group_post_failed'; meetingId: string; conversationId: string; card: string; reason: string };

export interface DeliveryDeps {
  store: KeyValueStore;
  messengers: readonly Messenger[];
  report: (event: DeliveryEvent) => void;
  /** For people no messenger knows: a secure web link, emailed and given to the organiser. */
  links?: LinkSender;
  /** Sends each version of the written plan with links to the document. */
  plan?: PlanDistributor;
}

const NO_CHANNEL = 'No Teams or Slack account is known for this person, so the bot cannot message them.';

/**
 * Sends cards to people and chats and keeps track of where each one went, so later changes
 * update the same message instead of posting a new one.
 */
export class CardDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  get planDistributor(): PlanDistributor | undefined {
    return this.deps.plan;
  }

  /** The person's preferred channel when it knows them, else the first channel that does. */
  messengerFor(person: Participant): Messenger | undefined {
    const { messengers } = this.deps;
    return messengers.find((m) => m.channel === person.preferredChannel && m.knows(person)) ?? messengers.find((m) => m.knows(person));
  }

  /**
   * A new direct message, or for someone no messenger knows, a secure link to the card when it is
   * one a link can open. Failures are recorded against the person and reported.
   */
  async sendDirect(meeting: Meeting, person: Participant, card: OutboundCard): Promise<Delivery> {
    const messenger = this.messengerFor(person);
    const links = messenger ? undefined : this.deps.links;
    const delivery: Delivery = messenger
      ? await messenger.sendDirect(person, card)
      : links?.opens(card)
        ? await links.send(meeting, person, card, (notice) => this.tellOrganiser(meeting, notice))
        : { delivered: false, reason: NO_CHANNEL, retryable: false };
    const refKey = `${meeting.id}/${card.name}/${person.id}`;
    if (delivery.delivered) {
      // A link's ref is the organiser's notice, which must never be overwritten with this card.
      if (messenger) await this.deps.store.putValue(CARD_REFS, refKey, delivery.ref);
      await this.deps.store.deleteValue(UNREACHABLE, `${meeting.id}/${person.id}`);
    } else {
      await this.deps.store.putValue(UNREACHABLE, `${meeting.id}/${person.id}`, { reason: delivery.reason });
      this.deps.report({ kind: 'undeliverable', meetingId: meeting.id, participantId: person.id, card: card.name, reason: delivery.reason });
    }
    return delivery;
  }

  /**
   * Takes a cancelled meeting out of the calendars of the people invited by email; people in Teams
   * or Slack had no calendar entry from PEP Bot. A cancellation that fails is reported like a card.
   */
  async cancelInvitations(meeting: Meeting): Promise<void> {
    const { links } = this.deps;
    if (!links) return;
    for (const person of meeting.participants) {
      if (person.id === meeting.organiserId || !person.invitedAt || this.messengerFor(person)) continue;
      const mail = await links.cancelInvitation(meeting, person);
      if (mail && !mail.sent) this.deps.report({ kind: 'undeliverable', meetingId: meeting.id, participantId: person.id, card: 'cancellation', reason: mail.reason });
    }
  }

  /** A direct message to the organiser only, never a group chat: it may carry a secure link. */
  private async tellOrganiser(meeting: Meeting, notice: OutboundCard): Promise<Delivery> {
    const organiser = participant(meeting, meeting.organiserId);
    const messenger = this.messengerFor(organiser);
    return messenger ? messenger.sendDirect(organiser, notice) : { delivered: false, reason: 'No Teams or Slack account is known for the organiser.', retryable: false };
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

  /** Updates this card in every chat linked to the meeting, posting it where it is not yet. */
  async refreshInChats(meeting: Meeting, card: OutboundCard, options: { newMessage?: boolean } = {}): Promise<void> {
    for (const chat of meeting.chats) {
      const messenger = this.deps.messengers.find((m) => m.channel === chat.channel);
      if (!messenger) continue;
      const refKey = `${meeting.id}/${card.name}/${chat.channel}:${chat.conversationId}`;
      const ref = options.newMessage ? undefined : await this.ref(refKey);
      const updated = ref ? await messenger.update(ref, card) : undefined;
      const delivery = updated?.delivered ? updated : await messenger.post(chat.conversationId, card);
      if (delivery.delivered) await this.deps.store.putValue(CARD_REFS, refKey, delivery.ref);
      else this.deps.report({ kind: 'group_post_failed', meetingId: meeting.id, conversationId: chat.conversationId, card: card.name, reason: delivery.reason });
    }
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
