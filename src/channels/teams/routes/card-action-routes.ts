import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { z } from 'zod';
import { refusalText } from '../../../app/error-messages.js';
import type { OutboundCard } from '../../../ports/messenger.js';
import { answerInvoke, answerWithCard, answerWithMessage, cardMessage } from '../card-activity.js';
import { cardClick } from '../card-click.js';
import { connectorFailure } from '../connector-errors.js';
import type { TeamsDeps } from '../teams-turn.js';
import { isPersonal } from '../teams-turn.js';
import type { TurnRouter } from '../turn-router.js';

const Data = z.record(z.string(), z.unknown());

/** The `adaptiveCard/action` invoke of Universal Actions. Teams merges the card's inputs into `data`. */
const ExecuteValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().min(1).max(64), data: Data.default({}) }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** The Action.Submit fallback (older clients): a message whose value is the data, inputs and the verb. */
const SubmitValueSchema = Data.and(z.object({ verb: z.string().min(1).max(64) }));

const isExecuteInvoke = (context: TurnContext) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action';
const isSubmitFallback = (context: TurnContext) =>
  context.activity.type === ActivityTypes.Message && SubmitValueSchema.safeParse(context.activity.value).success;

/**
 * Card clicks. teams-ai's actionExecute() (PEP Bot's router once) would also update the whole message for everyone
 * whenever the returned card has a refresh block (the invitation and the live action list), on
 * every automatic refresh too; the fan-out already updates shared cards, so the invoke is answered
 * here, for the person who clicked only.
 *
 * A refused click in a group chat is answered with text, which Teams shows to the person who
 * clicked alone (learn.microsoft.com, Universal Actions: "The User Specific Card returned by the
 * bot is sent only to the specific client that requested for it"); the card stays as everyone
 * sees it, theirs included, instead of becoming an error card they can no longer act from.
 */
export function registerCardActionRoutes(router: TurnRouter, deps: TeamsDeps): void {
  router.invoke(
    isExecuteInvoke,
    async (context) => {
      const value = ExecuteValueSchema.safeParse(context.activity.value);
      if (!value.success) {
        await answerInvoke(context, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'That card action could not be read.' } });
        return;
      }
      const { action, trigger } = value.data;
      const answer = await cardClick(deps, context, action.verb, action.data);
      // A refresh Teams makes on its own (someone opened the chat) must not replace a card with a refusal.
      if (answer.refusal && trigger === 'automatic') await answerWithMessage(context, 'This card is up to date.');
      else if (answer.refusal && !isPersonal(context)) await answerWithMessage(context, refusalText(answer.refusal));
      else await answerWithCard(context, answer.card);
    },
  );

  router.on(isSubmitFallback, async (context) => {
    const { verb, ...payload } = SubmitValueSchema.parse(context.activity.value);
    const answer = await cardClick(deps, context, verb, payload);
    // A shared card is redrawn for everyone only when the meeting changed; anything else is the clicker's alone.
    if (isPersonal(context) || answer.changed) await replaceOrSend(deps, context, cardMessage(answer.card));
    else await sendPrivately(deps, context, answer.card);
  });
}

/**
 * Action.Submit has no private answer in a group chat: the card goes to the person's 1:1 chat
 * with PEP Bot, or, if they have none, as a new message in the chat, leaving the clicked card alone.
 */
async function sendPrivately(deps: TeamsDeps, context: TurnContext, card: OutboundCard): Promise<void> {
  const aad = context.activity.from.aadObjectId;
  const sent = aad ? await deps.messenger.sendToPersonalChat({ teamsAadObjectId: aad }, card) : undefined;
  if (!sent?.delivered) await context.sendActivity(cardMessage(card));
}

/** Action.Submit has no in-place answer: update the clicked message, or send the card if that fails. */
async function replaceOrSend(deps: TeamsDeps, context: TurnContext, message: ReturnType<typeof cardMessage>): Promise<void> {
  const { replyToId } = context.activity;
  if (replyToId) {
    try {
      await context.updateActivity({ ...message, id: replyToId });
      return;
    } catch (error) {
      // Too old, or not the bot's to edit: the card then arrives as a new message.
      deps.logger.warn({ activityId: context.activity.id, failure: connectorFailure(error) }, 'teams card update failed; sending it as a new message');
    }
  }
  await context.sendActivity(message);
}
