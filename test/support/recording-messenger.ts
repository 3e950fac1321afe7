import type { CardName } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import { renderSlackMessage } from '../../src/cards/slack-blocks.js';
import type { Participant } from '../../src/domain/model.js';
import type { Delivery, MessageRef, Messenger, OutboundCard } from '../../src/ports/messenger.js';

export interface Sent {
  kind: 'direct' | 'post' | 'update';
  /** A participant id for direct messages, a conversation id otherwise. */
  to: string;
  card: OutboundCard;
}

/**
 * A chat channel that records what it was asked to send, for tests of the shared flows (the
 * channels' own tests drive the real Bot Framework adapter and Bolt receiver). It knows the people
 * with an identity on its platform, and every card must render for it as on the real channel, so
 * a view that produced bad data fails the test rather than production.
 */
export class RecordingMessenger implements Messenger {
  readonly sent: Sent[] = [];
  private count = 0;
  /** Set to make every send fail, as an uninstalled bot would. */
  failing: string | undefined;
  /** Failures to answer the next sends with, in order (a throttled or unreachable platform). */
  readonly failures: Extract<Delivery, { delivered: false }>[] = [];

  constructor(readonly channel: 'teams' | 'slack' = 'teams') {}

  knows(participant: Participant): boolean {
    return this.channel === 'teams' ? participant.teamsAadObjectId !== undefined : participant.slackUserId !== undefined;
  }

  private deliver(kind: Sent['kind'], to: string, card: OutboundCard, ref?: MessageRef): Delivery {
    if (this.failing) return { delivered: false, reason: this.failing, retryable: false };
    const failure = this.failures.shift();
    if (failure) return failure;
    const name = card.name as CardName;
    if (this.channel === 'slack') renderSlackMessage(name, card.data as never);
    else renderCard(name, card.data as never);
    this.sent.push({ kind, to, card });
    return { delivered: true, ref: ref ?? { channel: this.channel, conversationId: to, messageId: `m${++this.count}` } };
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
