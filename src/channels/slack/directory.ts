import { webApi } from '@slack/bolt';
import type { IdentifyParticipant, Organiser } from '../../app/create-meeting-from-form.js';
import type { NewParticipant } from '../../domain/commands.js';
import type { Logger } from '../../observability/logger.js';
import type { WebClient } from './web-client.js';

const MAX_NAME = 120;

/**
 * Who people are in this workspace. The organiser's name and email come from their Slack profile
 * (users.info); a participant typed on the form as "name, email, role" is matched to a workspace
 * member by email (users.lookupByEmail), so the invitation reaches them as a Slack DM and their
 * clicks, which carry only their Slack id, find them. A failed lookup never blocks the meeting:
 * the person stays as typed and shows as unreachable on the organiser's summary.
 */
export class SlackDirectory {
  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
  ) {}

  async organiser(slackUserId: string, fallbackName: string): Promise<Organiser> {
    try {
      const { user } = await this.client.users.info({ user: slackUserId });
      const name = user?.profile?.real_name || user?.real_name || fallbackName;
      return { name: name.slice(0, MAX_NAME), slackUserId, email: user?.profile?.email || undefined, preferredChannel: 'slack' };
    } catch (error) {
      this.logger.warn({ err: error, slackUserId }, 'users.info failed: the organiser is named by their Slack handle');
      return { name: fallbackName.slice(0, MAX_NAME), slackUserId, preferredChannel: 'slack' };
    }
  }

  readonly identify: IdentifyParticipant = async (participant: NewParticipant) => {
    if (!participant.email || participant.slackUserId) return participant;
    try {
      const { user } = await this.client.users.lookupByEmail({ email: participant.email });
      if (!user?.id || user.deleted || user.is_bot) return participant;
      return { ...participant, slackUserId: user.id, preferredChannel: participant.preferredChannel ?? 'slack' };
    } catch (error) {
      const notMember = error instanceof webApi.WebAPIPlatformError && error.data.error === 'users_not_found';
      // Someone outside the workspace is expected (a carer with no Slack); anything else is worth a look.
      if (!notMember) this.logger.warn({ err: error, role: participant.role }, 'users.lookupByEmail failed: the participant is invited without Slack');
      return participant;
    }
  };
}
