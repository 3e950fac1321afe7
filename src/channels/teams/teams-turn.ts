import type { TurnContext } from 'botbuilder';
import type { Chat, CardDelivery } from '../../app/delivery.js';
import type { AppDeps } from '../../app/deps.js';
import type { Meeting } from '../../domain/model.js';
import type { Logger } from '../../observability/logger.js';
import type { ConversationDirectory, TeamsPerson } from './conversation-directory.js';
import type { TeamsMessenger } from './teams-messenger.js';
import type { TeamsPeople } from './teams-people.js';

/** What every Teams route needs, handed in by createTeamsChannel. */
export interface TeamsDeps {
  app: AppDeps;
  delivery: CardDelivery;
  people: TeamsPeople;
  directory: ConversationDirectory;
  /** For what goes to one person's 1:1 chat from a turn in a group chat. */
  messenger: TeamsMessenger;
  logger: Logger;
  /** Anonymous local mode (the Agents Playground): the organiser may preview every reminder now. */
  localTrial: boolean;
}

export const chatOf = (context: TurnContext): Chat => ({ channel: 'teams', conversationId: context.activity.conversation.id });

/** Group chats, meeting chats and team channels: anything but the 1:1 chat with the bot. */
export const isPersonal = (context: TurnContext): boolean => context.activity.conversation?.conversationType === 'personal';

/** Bot Framework retries an activity with the same id; with the person, a retry applies once. */
export const idempotencyKey = (context: TurnContext, person: TeamsPerson): string => `teams:${context.activity.id ?? ''}:${person.aadObjectId}`;

/** The meeting this chat was linked to, if any. */
export async function linkedMeeting(deps: TeamsDeps, context: TurnContext): Promise<Meeting | undefined> {
  const meetingId = await deps.delivery.meetingOfChat(chatOf(context));
  return meetingId ? deps.app.store.getMeeting(meetingId) : undefined;
}
