import { isCardError } from '../../cards/index.js';
import type { SlackMessage } from '../../cards/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Delivery, DirectRecipient, MessageRef, Messenger, OutboundCard } from '../../ports/messenger.js';
import { deliveryFailure } from './delivery-failure.js';
import { slackMessage } from './render.js';
import type { WebClient } from './web-client.js';

/**
 * The Messenger port on Slack. A direct message is chat.postMessage to the user id, which Slack
 * delivers in the app's DM with that person; the ref keeps the DM's channel id (D…) that Slack
 * answers with, because chat.update needs the channel, not the user.
 */
export class SlackMessenger implements Messenger {
  readonly channel = 'slack' as const;

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
  ) {}

  knows(participant: DirectRecipient): boolean {
    return participant.slackUserId !== undefined;
  }

  async sendDirect(participant: DirectRecipient, card: OutboundCard): Promise<Delivery> {
    if (!participant.slackUserId) return { delivered: false, reason: 'This person has no Slack account in this workspace.', retryable: false };
    return this.post(participant.slackUserId, card);
  }

  async post(conversationId: string, card: OutboundCard): Promise<Delivery> {
    return this.send('chat.postMessage', conversationId, card, async (message) => {
      const sent = await this.client.chat.postMessage({ channel: conversationId, ...message });
      return { channel: 'slack', conversationId: sent.channel ?? conversationId, messageId: requireTs(sent.ts) };
    });
  }

  async update(ref: MessageRef, card: OutboundCard): Promise<Delivery> {
    return this.send('chat.update', ref.conversationId, card, async (message) => {
      const updated = await this.client.chat.update({ channel: ref.conversationId, ts: ref.messageId, ...message });
      return { ...ref, messageId: updated.ts ?? ref.messageId };
    });
  }

  private async send(method: string, conversationId: string, card: OutboundCard, call: (message: SlackMessage) => Promise<MessageRef>): Promise<Delivery> {
    let message: SlackMessage;
    try {
      message = slackMessage(card);
    } catch (error) {
      // A card Slack cannot show is our bug, not the person's: recorded as undeliverable and logged loudly.
      if (!isCardError(error)) throw error;
      this.logger.error({ err: error, card: card.name, code: error.code }, 'card cannot be shown in Slack');
      return { delivered: false, reason: `PEP Bot could not draw the ${card.name} card for Slack (${error.code}).`, retryable: false };
    }
    try {
      return { delivered: true, ref: await call(message) };
    } catch (error) {
      const failure = deliveryFailure(error);
      this.logger.warn({ err: error, method, conversationId, card: card.name, retryable: failure.retryable }, 'slack send failed');
      return failure;
    }
  }
}

function requireTs(ts: string | undefined): string {
  if (!ts) throw new Error('chat.postMessage answered ok without a message ts');
  return ts;
}
