import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { asTyped } from '../../../app/chat/chat-people.js';
import { handleChatCommand } from '../../../app/chat/handle-chat-command.js';
import { describeError } from '../../../app/error-messages.js';
import { confirmationCard, errorCard } from '../../../app/views/message-cards.js';
import { meetingFormCard } from '../../../app/views/preparation-cards.js';
import type { IdentityQuery } from '../../../domain/identity.js';
import type { Meeting } from '../../../domain/model.js';
import type { OutboundCard } from '../../../ports/messenger.js';
import { cardMessage } from '../card-activity.js';
import { UNKNOWN_SENDER } from '../card-click.js';
import { commandText } from '../command-text.js';
import { connectorFailure } from '../connector-errors.js';
import { chooseIdentity, identitiesOf } from '../identity-choice.js';
import type { TeamsDeps } from '../teams-turn.js';
import { chatOf, idempotencyKey, isPersonal, linkedMeeting } from '../teams-turn.js';
import type { TurnRouter } from '../turn-router.js';
import { ofType } from '../turn-router.js';

/** The one command that is Teams' own: the new-meeting form, which holds names and so stays in the 1:1 chat. */
export const NEW_MEETING = /^new(\s+meeting)?$/i;
/** Linking makes a chat the meeting chat: a 1:1 chat with the bot never is one. */
const LINK = /^link\b/i;

const NEW_IN_PERSONAL_CHAT = confirmationCard(
  'Create the meeting in your chat with PEP Bot',
  'The new-meeting form asks for the child’s details and the participants, which do not belong in a group chat. Open your 1:1 chat with PEP Bot and type "new".',
);
const LINK_IN_GROUP_CHAT = confirmationCard(
  'Link the meeting from its group chat',
  'Add PEP Bot to the group or meeting chat where the PEP meeting is discussed, then type "@PEP Bot link" and the PEP reference there.',
);

/**
 * Typed commands, in the 1:1 chat and (when the bot is @mentioned) in group and meeting chats:
 * "new", then everything the shared chat commands understand.
 */
export function registerMessageRoutes(router: TurnRouter, deps: TeamsDeps): void {
  router.on(ofType(ActivityTypes.Message), async (context) => {
    const reply = await answerCommand(deps, context);
    if (reply) await context.sendActivity(cardMessage(reply));
  });
}

async function answerCommand(deps: TeamsDeps, context: TurnContext): Promise<OutboundCard | undefined> {
  try {
    const person = await deps.people.sender(context);
    if (!person) return UNKNOWN_SENDER;
    const { text, mentioned } = commandText(context.activity);
    if (NEW_MEETING.test(text)) return isPersonal(context) ? meetingFormCard() : NEW_IN_PERSONAL_CHAT;
    if (LINK.test(text) && isPersonal(context)) return LINK_IN_GROUP_CHAT;
    const meeting = await linkedMeeting(deps, context);
    const actor = await chooseIdentity(identitiesOf(person), { meeting, store: deps.app.store });
    const mentions = await Promise.all(mentioned.map(async ({ userId, name }) => ({ ...(await mentionIdentity(deps, context, userId, meeting)), name })));
    const result = await handleChatCommand(deps.app, deps.delivery, {
      text: text || 'help',
      mentions,
      actor,
      chat: chatOf(context),
      isGroupChat: !isPersonal(context),
      commandPrefix: '',
      idempotencyKey: idempotencyKey(context, person),
      localPreview: deps.localTrial,
      linked: meeting,
    });
    return result.reply;
  } catch (error) {
    deps.logger.error({ activityId: context.activity.id, failure: connectorFailure(error) }, 'teams command failed');
    const typed = commandText(context.activity);
    return errorCard({ ...describeError(error), kept: { text: asTyped(typed.text, typed.mentioned) } });
  }
}

/** The person behind an @mention, as the meeting knows them; their Teams id if the roster has no more. */
async function mentionIdentity(deps: TeamsDeps, context: TurnContext, userId: string, meeting: Meeting | undefined): Promise<IdentityQuery> {
  const member = await deps.people.member(context, userId);
  if (!member) return { kind: 'teams', teamsUserId: userId };
  return chooseIdentity(identitiesOf(member), { meeting, store: deps.app.store });
}
