import type { CloudAdapter, TurnContext } from 'botbuilder';
import { ActivityTypes, INVOKE_RESPONSE_KEY } from 'botbuilder';
import { describeError } from '../../app/error-messages.js';
import { errorCard } from '../../app/views/message-cards.js';
import { answerWithCard, cardMessage } from './card-activity.js';
import { connectorFailure } from './connector-errors.js';
import { registerCardActionRoutes } from './routes/card-action-routes.js';
import { registerComposeExtensionRoutes } from './routes/compose-extension-routes.js';
import { registerInstallRoutes } from './routes/install-routes.js';
import { registerMeetingRoutes } from './routes/meeting-routes.js';
import { registerMessageRoutes } from './routes/message-routes.js';
import type { TeamsDeps } from './teams-turn.js';
import { TurnRouter } from './turn-router.js';
import { replyFailed } from './undelivered-replies.js';

/**
 * The Teams application: routes in the order they are tried, and the adapter's last resort for a
 * turn that fails. The Action.Submit fallback is a message too, so it comes before typed commands.
 * Mentions are left in the text: command-text.ts rewrites them (the bot's removed, others numbered).
 */
export function createTeamsApplication(adapter: CloudAdapter, deps: TeamsDeps): TurnRouter {
  const router = new TurnRouter();
  registerInstallRoutes(router, deps);
  registerCardActionRoutes(router, deps);
  registerComposeExtensionRoutes(router, deps);
  registerMeetingRoutes(router, deps);
  registerMessageRoutes(router, deps);
  adapter.onTurnError = (context, error) => onTurnError(deps, context, error);
  return router;
}

/**
 * The last resort for an error a route did not expect: logged with ids only, and the person gets
 * the "something went wrong on our side" card rather than silence or a 500 Teams would retry.
 * When the error is a reply the connector would not take, the card would go the same way (and
 * wait as long): that reply is already logged as undelivered, so nothing more is sent.
 */
async function onTurnError(deps: TeamsDeps, context: TurnContext, error: Error): Promise<void> {
  const { type, name, id } = context.activity;
  deps.logger.error({ activityType: type, invoke: name, activityId: id, failure: connectorFailure(error) }, 'teams turn failed');
  if (replyFailed(context) && type !== ActivityTypes.Invoke) return;
  const card = errorCard(describeError(error));
  try {
    if (type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) await answerWithCard(context, card);
    else if (type === ActivityTypes.Message) await context.sendActivity(cardMessage(card));
  } catch (replyError) {
    deps.logger.error({ activityId: id, failure: connectorFailure(replyError) }, 'teams error reply failed');
  }
}
