import { execute, message } from '../../test/channels/teams/support/activities.js';
import { DANA } from '../../test/channels/teams/support/teams-harness.js';
import type { LoadSpec } from '../load/load-spec.js';
import type { Stage } from './stage.js';
import { SIGNING_SECRET, SLACK_DANA, SLACK_PATH, SLACK_SAM, TEAMS_PATH } from './stage.js';
import { aWorkingDayAhead } from '../../test/support/typed-dates.js';
import { installBankHolidays } from '../../src/bank-holidays.js';

// The action scenario counts working days for its due dates, as PEP Bot does: every bench using it needs them.
installBankHolidays();

/** What people do, as load: each returns the requests of one LoadSpec, to PEP Bot or to a bare app. */
type Requests = Pick<LoadSpec, 'path' | 'requests'>;

/** Sam types `/pep <text>` in the bot's DM, as many times as the rate asks. */
export const slackCommand = (stage: Stage, ...texts: string[]): Requests => ({
  path: SLACK_PATH,
  requests: {
    kind: 'slack-command',
    signingSecret: SIGNING_SECRET,
    texts,
    userId: SLACK_SAM.id,
    userName: 'sam',
    channelId: 'D0SAM',
    responseUrlBase: stage.slackApi.responseUrl('bench-'),
  },
});

/** Sam captures an action for Dana in the meeting under way: a real write, each with its own text. */
export const slackActionCapture = (stage: Stage): Requests =>
  slackCommand(stage, `action <@${SLACK_DANA.id}|dana> send the bench report {n} by ${aWorkingDayAhead()}`);

/** Dana types "help" in her 1:1 chat with the bot. */
export const teamsHelp = (stage: Stage): Requests => ({
  path: TEAMS_PATH,
  requests: { kind: 'teams-activity', activities: [message(DANA, { serviceUrl: stage.connector.serviceUrl }, 'help')] },
});

/**
 * Dana answers her invitations with the card's Action.Execute buttons, going round every seeded
 * meeting, accepting on one pass and saying "tentative" on the next: every click changes a meeting.
 */
export const teamsRsvpClicks = (stage: Stage): Requests => ({
  path: TEAMS_PATH,
  requests: {
    kind: 'teams-activity',
    activities: (['accept', 'tentative'] as const).flatMap((answer) =>
      stage.teamsMeetingIds.map((meetingId) => execute(DANA, { serviceUrl: stage.connector.serviceUrl }, 'rsvp', { meetingId, participantId: 'p-dana', answer })),
    ),
  },
});
