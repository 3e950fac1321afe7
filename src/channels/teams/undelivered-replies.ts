import type { Activity, MiddlewareHandler, TurnContext } from 'botbuilder';
import { ActivityEventNames, ActivityTypes } from 'botbuilder';
import type { Logger } from '../../observability/logger.js';
import { cardOf } from './card-activity.js';
import { connectorFailure, isRetryable } from './connector-errors.js';
import type { ReplyRetries } from './reply-retries.js';

const REPLY_FAILED = Symbol('teams reply failed');

/** What a reply was, without what it said: cards and text can name the child and the people around them. */
const replyKind = (activity: Partial<Activity>) => ({
  type: activity.type,
  cards: activity.attachments?.map((attachment) => attachment.contentType) ?? [],
  hasText: Boolean(activity.text),
});

/**
 * A reply the connector would not take (it timed out, could not be reached, or refused) is never
 * lost silently: it is logged as undelivered, with the reason; a card Teams may yet take is kept
 * to be sent again later (reply-retries.ts); and the turn remembers the failure so the error
 * handler does not post a second card to a connector that has just failed.
 */
export function logUndeliveredReplies(logger: Logger, retries: ReplyRetries): MiddlewareHandler {
  return async (context, next) => {
    context.onSendActivities(async (turn, activities, send) => {
      try {
        return await send();
      } catch (error) {
        turn.turnState.set(REPLY_FAILED, true);
        logger.warn(
          {
            conversationId: turn.activity.conversation?.id,
            activityId: turn.activity.id,
            replies: activities.map(replyKind),
            failure: connectorFailure(error),
          },
          'teams reply not delivered',
        );
        const failure = connectorFailure(error);
        const conversationId = turn.activity.conversation?.id;
        // Proactive sends (the outbox's, a kept reply's) have retries of their own.
        if (conversationId && isRetryable(failure) && !isProactive(turn)) {
          for (const card of activities.map(cardOf)) if (card) await retries.keep(conversationId, card, failure.message);
        }
        throw error;
      }
    });
    await next();
  };
}

const isProactive = (context: TurnContext): boolean =>
  context.activity.type === ActivityTypes.Event && context.activity.name === ActivityEventNames.ContinueConversation;

/** True once a reply in this turn could not be delivered. */
export const replyFailed = (context: TurnContext): boolean => context.turnState.get(REPLY_FAILED) === true;
