import type { TurnContext } from 'botbuilder';
import { ActivityTypes, TurnContext as Turn } from 'botbuilder';
import { welcomeCard } from '../../../app/views/message-cards.js';
import { cardMessage } from '../card-activity.js';
import { storableReference } from '../conversation-directory.js';
import type { TeamsDeps } from '../teams-turn.js';
import { isPersonal } from '../teams-turn.js';
import type { TurnRouter } from '../turn-router.js';
import { ofType } from '../turn-router.js';

const botIn = (context: TurnContext, members: { id: string }[] | undefined) => (members ?? []).some((m) => m.id === context.activity.recipient?.id);

/** A conversationUpdate that adds (or removes) anyone; a turn with neither goes on to the other routes. */
const membersChanged =
  (field: 'membersAdded' | 'membersRemoved') =>
  (context: TurnContext): boolean =>
    context.activity.type === ActivityTypes.ConversationUpdate && (context.activity[field]?.length ?? 0) > 0;

const isInstallationRemove = (context: TurnContext) =>
  context.activity.type === ActivityTypes.InstallationUpdate && String(context.activity.action ?? '').startsWith('remove');

/**
 * Every activity refreshes the stored reference of its conversation (Teams may move a chat to
 * another serviceUrl), and a 1:1 activity records whose chat it is: that is what lets invitations
 * and reminders reach people later. Removal forgets the conversation, so sends there report it.
 */
export function registerInstallRoutes(router: TurnRouter, deps: TeamsDeps): void {
  router.before(async (context) => {
    if (isInstallationRemove(context) || botIn(context, context.activity.membersRemoved)) return true;
    const reference = storableReference(Turn.getConversationReference(context.activity));
    if (reference) await deps.directory.rememberConversation(reference);
    if (isPersonal(context)) await deps.people.sender(context);
    return true;
  });

  // Teams sends both conversationUpdate and installationUpdate on install: the welcome goes with the first only.
  router.on(membersChanged('membersAdded'), async (context) => {
    if (botIn(context, context.activity.membersAdded)) await context.sendActivity(cardMessage(welcomeCard()));
  });

  router.on(membersChanged('membersRemoved'), async (context) => {
    if (botIn(context, context.activity.membersRemoved)) await forget(deps, context);
  });

  router.on(ofType(ActivityTypes.InstallationUpdate), async (context) => {
    if (isInstallationRemove(context)) await forget(deps, context);
  });
}

async function forget(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const conversationId = context.activity.conversation.id;
  await deps.directory.forgetConversation(conversationId);
  const remover = context.activity.from?.aadObjectId;
  if (isPersonal(context) && remover) await deps.directory.forgetPersonalChat(remover);
  deps.logger.info({ conversationId }, 'teams: bot removed from a conversation');
}
