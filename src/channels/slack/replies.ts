import type { RespondArguments } from '@slack/bolt';
import { describeError } from '../../app/error-messages.js';
import { errorCard } from '../../app/views/message-cards.js';
import type { SlackMessage } from '../../cards/index.js';
import type { OutboundCard } from '../../ports/messenger.js';
import type { HandlerDeps } from './handler-deps.js';
import { slackMessage } from './render.js';

type OnlyYou = SlackMessage & { response_type: 'ephemeral'; replace_original: false };

/** A card only the person who typed or clicked sees, below the message they used. */
export const onlyYou = (card: OutboundCard): OnlyYou => ({ response_type: 'ephemeral', replace_original: false, ...slackMessage(card) });

/** A card in place of the message that was clicked (the only way to change an ephemeral one). */
export const inPlace = (card: OutboundCard): RespondArguments => ({ replace_original: true, ...slackMessage(card) });

/** How a failure reaches the person: the response URL's respond(), or a post where there is none. */
export type Responder = (message: OnlyYou) => Promise<unknown>;

/**
 * Runs the work behind one request after its ack. Should it fail unexpectedly before anything was
 * saved, the person is told so, with what they typed handed back, and the failure goes to the log.
 */
export async function answering(deps: HandlerDeps, respond: Responder | undefined, kept: Record<string, unknown>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (respond) {
      try {
        await respond(onlyYou(errorCard({ ...describeError(error), kept })));
      } catch (respondError) {
        deps.logger.warn({ err: respondError }, 'could not tell the person their request failed');
      }
    }
    throw error;
  }
}

/**
 * The person gets their answer. By then the change is saved, with the messages it promises queued
 * beside it, so an answer that cannot be shown must not tell them otherwise: it is logged for us.
 */
export async function answerSaved(deps: HandlerDeps, answer: () => Promise<unknown>, meetingId: string | undefined): Promise<void> {
  try {
    await answer();
  } catch (error) {
    deps.logger.error({ err: error, meetingId }, 'the answer could not be shown in Slack (the request itself was applied)');
  }
}
