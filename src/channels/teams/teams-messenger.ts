import type { CloudAdapter } from 'botbuilder';
import type { Logger } from '../../observability/logger.js';
import type { Delivery, DirectRecipient, MessageRef, Messenger, OutboundCard } from '../../ports/messenger.js';
import { cardMessage } from './card-activity.js';
import { connectorFailure, isRetryable } from './connector-errors.js';
import type { ConversationDirectory, StoredReference } from './conversation-directory.js';
import { asReference } from './conversation-directory.js';

export const NOT_INSTALLED = 'PEP Bot is not installed for this person in Teams, so it cannot send them a message. Ask them to add PEP Bot in Teams.';
const NOT_IN_CHAT = 'PEP Bot is not in this Teams chat any more. Add it to the chat again and type "link" with the PEP reference.';

/**
 * The Messenger port for Teams: proactive sends and in-place updates through the CloudAdapter,
 * to conversations whose references were stored when the person installed the bot or the chat
 * added it. Every failure comes back as a Delivery with a reason, never as an exception.
 */
export class TeamsMessenger implements Messenger {
  readonly channel = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly directory: ConversationDirectory,
    private readonly logger: Logger,
  ) {}

  /**
   * Someone with a Teams identity in the meeting, or whose address belongs to someone who has
   * installed PEP Bot. Anyone else is left to the other channels (or the secure web link): Teams
   * cannot message a person who has not installed the app.
   */
  knows(participant: DirectRecipient): boolean {
    if (participant.teamsAadObjectId || participant.teamsUserId) return true;
    return participant.email !== undefined && this.directory.reaches(participant.email);
  }

  async sendDirect(participant: DirectRecipient, card: OutboundCard): Promise<Delivery> {
    return this.sendToPersonalChat(participant, card, { participantId: participant.id });
  }

  /** To anyone's 1:1 chat with PEP Bot, participant or not: a click refused in a group chat is answered there. */
  async sendToPersonalChat(person: Pick<DirectRecipient, 'teamsAadObjectId' | 'email'>, card: OutboundCard, ids: Record<string, string> = {}): Promise<Delivery> {
    const known = await this.directory.personFor(person);
    const reference = known?.personalConversationId ? await this.directory.conversation(known.personalConversationId) : undefined;
    if (!reference) return { delivered: false, reason: NOT_INSTALLED, retryable: false };
    return this.attempt({ kind: 'send', reference, card, gone: NOT_INSTALLED, ids });
  }

  async post(conversationId: string, card: OutboundCard): Promise<Delivery> {
    const reference = await this.directory.conversation(conversationId);
    if (!reference) return { delivered: false, reason: NOT_IN_CHAT, retryable: false };
    return this.attempt({ kind: 'send', reference, card, gone: NOT_IN_CHAT, ids: { conversationId } });
  }

  async update(ref: MessageRef, card: OutboundCard): Promise<Delivery> {
    const reference = await this.directory.conversation(ref.conversationId);
    if (!reference) return { delivered: false, reason: NOT_IN_CHAT, retryable: false };
    return this.attempt({ kind: 'update', reference, card, gone: NOT_IN_CHAT, ids: { conversationId: ref.conversationId }, messageId: ref.messageId });
  }

  /**
   * One proactive turn. botbuilder hands an error inside the turn to the adapter's turn-error
   * handler rather than back to the caller, so the outcome is captured inside the turn itself.
   */
  private async attempt(request: Attempt): Promise<Delivery> {
    const { reference, card, ids } = request;
    let message: ReturnType<typeof cardMessage>;
    try {
      message = cardMessage(card);
    } catch (error) {
      // A card that cannot be drawn will not draw on a retry either.
      this.logger.error({ ...ids, card: card.name, failure: connectorFailure(error) }, 'teams card could not be rendered');
      return { delivered: false, reason: 'The card could not be drawn for Teams.', retryable: false };
    }
    let outcome: Delivery | undefined;
    const conversationId = reference.conversation.id;
    try {
      await this.adapter.continueConversationAsync(this.appId, asReference(reference), async (context) => {
        try {
          if (request.kind === 'update') {
            await context.updateActivity({ ...message, id: request.messageId });
            outcome = { delivered: true, ref: { channel: 'teams', conversationId, messageId: request.messageId } };
          } else {
            const sent = await context.sendActivity(message);
            outcome = sent?.id
              ? { delivered: true, ref: { channel: 'teams', conversationId, messageId: sent.id } }
              : { delivered: false, reason: 'Teams accepted the message but gave it no id.', retryable: false };
          }
        } catch (error) {
          outcome = this.failed(request, error);
        }
      });
    } catch (error) {
      outcome = this.failed(request, error);
    }
    return outcome ?? { delivered: false, reason: 'The Teams turn ended without sending.', retryable: true };
  }

  private failed({ kind, card, gone, ids }: Attempt, error: unknown): Delivery {
    const failure = connectorFailure(error);
    this.logger.warn({ ...ids, card: card.name, failure }, `teams ${kind} failed`);
    // 403: the bot was removed or blocked; 404: the conversation or message is gone.
    if (failure.statusCode === 403 || failure.statusCode === 404) return { delivered: false, reason: gone, retryable: false };
    return { delivered: false, reason: `Teams did not accept the message (${failure.statusCode ?? failure.type}).`, retryable: isRetryable(failure), ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }) };
  }
}

type Attempt = {
  reference: StoredReference;
  card: OutboundCard;
  /** What to tell the organiser when Teams says the conversation is gone. */
  gone: string;
  ids: Record<string, string>;
} & ({ kind: 'send' } | { kind: 'update'; messageId: string });
