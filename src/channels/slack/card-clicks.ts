import type { App } from '@slack/bolt';
import type { CardActionResult } from '../../app/card-actions.js';
import { handleCardAction } from '../../app/card-actions.js';
import { mergeSubmission, slackStateToInputs, verbFromActionId } from '../../cards/index.js';
import type { HandlerDeps } from './handler-deps.js';
import type { BlockActions } from './payloads.js';
import { BlockActionsSchema, ButtonValueSchema, isDirectMessage, readPayload } from './payloads.js';
import { answering, answerSaved, inPlace, onlyYou } from './replies.js';
import { slackMessage } from './render.js';
import type { Respond } from './response-url.js';

/** URL buttons report their click too; Slack has already opened the link. */
const OPEN_URL = 'open.url';

/**
 * A button on any card. Acknowledged at once; then the shared core applies it for the person
 * Slack says clicked (never anyone named in the card's data), and the message is redrawn with
 * the card the core returns. The key is the click's action_ts and the person, so a double-click
 * or a replayed request is applied once.
 */
export function registerCardClicks(app: App, deps: HandlerDeps): void {
  app.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await ack();
    const click = readPayload(BlockActionsSchema, body, deps.logger, 'block_actions');
    const action = click?.actions[0];
    if (!click || !action || verbFromActionId(action.action_id) === OPEN_URL) return;
    const ids = { userId: click.user.id, conversationId: click.container.channel_id, actionId: action.action_id };
    const respond = click.response_url ? deps.respond(click.response_url) : undefined;
    deps.background.run('card click', ids, async () => {
      // The button's own data under what was typed into the card, as every channel hands it on.
      const payload = mergeSubmission(ButtonValueSchema.parse(action.value ?? '{}'), slackStateToInputs(click.state?.values ?? {}));
      const verb = verbFromActionId(action.action_id);
      await answering(deps, respond, payload, async () => {
        const actor = { kind: 'slack' as const, slackUserId: click.user.id };
        const result = await handleCardAction(deps.app, { verb, payload, actor, channel: 'slack', idempotencyKey: `slack:${action.action_ts}:${click.user.id}` });
        await answerSaved(deps, () => redraw(deps, click, result, respond), result.change?.meeting.id);
      });
    });
  });
}

/**
 * Where the answer goes. A direct message is the person's own: its card is replaced in place. A
 * card in a shared chat is replaced only when the meeting changed (everyone should see the new
 * state); a refusal, or a form re-shown with someone's typing and problems, goes to that person
 * alone. An error card (a button with nothing to type into was refused) never replaces the card
 * it came from, which is still right. An ephemeral card can only be replaced through the response URL.
 */
async function redraw(deps: HandlerDeps, click: BlockActions, result: CardActionResult, respond: Respond | undefined): Promise<void> {
  const { channel_id: channel, message_ts: ts, is_ephemeral: ephemeral } = click.container;
  const shared = channel !== undefined && !isDirectMessage(channel);
  // Shown to the clicker alone, below the card, which stays as everyone else sees it.
  const aside = result.refusal !== undefined || (shared && !result.change && !ephemeral);
  if (!aside && !ephemeral && channel && ts) {
    await deps.client.chat.update({ channel, ts, ...slackMessage(result.card) });
    return;
  }
  if (!respond) {
    deps.logger.warn({ containerType: click.container.type }, 'a card click came without a response URL, so its answer cannot be shown');
    return;
  }
  await respond(aside ? onlyYou(result.card) : inPlace(result.card));
}
