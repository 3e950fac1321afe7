import type { TurnContext } from 'botbuilder';
import { TeamsInfo } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import type { ConversationDirectory, TeamsPerson } from './conversation-directory.js';
import { connectorFailure } from './connector-errors.js';

const Address = z.email();

/** The addresses Teams' roster gives for a member: mail and UPN, when they are real addresses (a guest's UPN is not). */
function addressesOf(member: { email?: string; userPrincipalName?: string }): string[] {
  const found = [member.email, member.userPrincipalName].filter((a): a is string => Address.safeParse(a).success).map((a) => a.toLowerCase());
  return [...new Set(found)];
}

/**
 * Who is behind an activity or a mention. The object id comes from the activity Teams signed; the
 * addresses from Teams' own roster (TeamsInfo.getMember): never from anything the person typed or
 * a card carried. Each person's record is kept so proactive sends can find their 1:1 chat.
 */
export class TeamsPeople {
  constructor(
    private readonly directory: ConversationDirectory,
    private readonly logger: Logger,
  ) {}

  /** The sender, or undefined when Teams did not say who it is (no object id: a bot or a system event). */
  async sender(context: TurnContext): Promise<TeamsPerson | undefined> {
    const { from, conversation } = context.activity;
    const aadObjectId = from?.aadObjectId;
    if (!aadObjectId || !from.id) return undefined;
    const personal = conversation?.conversationType === 'personal';
    const known = await this.directory.personByAad(aadObjectId);
    const upToDate = known && known.emails.length > 0 && (!personal || known.personalConversationId === conversation.id);
    if (upToDate) return known;
    const roster = await this.rosterEntry(context, from.id);
    const person: TeamsPerson = {
      aadObjectId,
      userId: from.id,
      emails: roster ? addressesOf(roster) : (known?.emails ?? []),
      personalConversationId: personal ? conversation.id : known?.personalConversationId,
    };
    await this.directory.rememberPerson(person);
    return person;
  }

  /** Someone @mentioned in the conversation, looked up in its roster. */
  async member(context: TurnContext, userId: string): Promise<Pick<TeamsPerson, 'aadObjectId' | 'userId' | 'emails'> | undefined> {
    const roster = await this.rosterEntry(context, userId);
    if (!roster?.aadObjectId) return undefined;
    return { aadObjectId: roster.aadObjectId, userId, emails: addressesOf(roster) };
  }

  /** A roster lookup that fails (a guest Teams will not describe, a throttled call) degrades to "unknown". */
  private async rosterEntry(context: TurnContext, userId: string) {
    try {
      return await TeamsInfo.getMember(context, userId);
    } catch (error) {
      this.logger.warn({ failure: connectorFailure(error), conversationId: context.activity.conversation?.id }, 'teams roster lookup failed');
      return undefined;
    }
  }
}
