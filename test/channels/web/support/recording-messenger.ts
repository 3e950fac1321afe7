import { renderCard } from '../../../../src/cards/render-card.js';
import type { Participant } from '../../../../src/domain/model.js';
import type { Delivery, MessageRef, Messenger, OutboundCard } from '../../../../src/ports/messenger.js';

export interface Sent {
  kind: 'direct' | 'post' | 'update';
  /** A participant id for direct messages, a conversation id otherwise. */
  to: string;
  card: OutboundCard;
}

/**
 * A chat channel that records what it was asked to send: the organiser and the teacher are on
 * Teams, the carer and the child on nothing. Every card must render, as on the real channels.
 */
export class RecordingMessenger implements Messenger {
  readonly channel = 'teams' as const;
  readonly sent: Sent[] = [];
  private count = 0;
  /** Set to make every send fail, as an uninstalled bot would. */
  failing: string | undefined;

  knows(participant: Participant): boolean {
    return participant.teamsAadObjectId !== undefined;
  }

  private deliver(kind: Sent['kind'], to: string, card: OutboundCard, ref?: MessageRef): Delivery {
    if (this.failing) return { delivered: false, reason: this.failing, retryable: false };
    renderCard(card.name, card.data as never);
    this.sent.push({ kind, to, card });
    return { delivered: true, ref: ref ?? { channel: 'teams', conversationId: to, messageId: `m${++this.count}` } };
  }

  async sendDirect(participant: Participant, card: OutboundCard): Promise<Delivery> {
    return this.deliver('direct', participant.id, card);
  }

  async post(conversationId: string, card: OutboundCard): Promise<Delivery> {
    return this.deliver('post', conversationId, card);
  }

  async update(ref: MessageRef, card: OutboundCard): Promise<Delivery> {
    return this.deliver('update', ref.conversationId, card, ref);
  }

  /** The newest card of this name sent or updated, anywhere. */
  latest(name: string): OutboundCard | undefined {
    return this.sent.filter((s) => s.card.name === name).at(-1)?.card;
  }
}
