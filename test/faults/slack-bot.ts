import { SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import type { Meeting, Participant } from '../../src/domain/model.js';
import { openStore } from '../../src/stores/open-store.js';
import type { Typed } from '../channels/slack/slack-scenes.js';
import { type } from '../channels/slack/slack-scenes.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import type { SlackAnswer } from '../channels/slack/signed-requests.js';
import { SlackApiStub } from '../channels/slack/slack-api-stub.js';
import type { SlackUser } from '../channels/slack/slack-api-stub.js';
import { CHRIS, DANA, SAM, SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import type { BotHome } from '../support/bot-process.js';
import { botHome } from '../support/bot-process.js';
import { aMeeting } from '../support/meeting-fixture.js';

/**
 * The fault suite's Slack side: PEP Bot as a real process (test/support/bot-process.ts) with
 * Slack configured, Slack's Web API and its response URLs on a loopback SlackApiStub, and
 * requests signed as Slack signs them. The bot's port and DATA_DIR survive kills and restarts,
 * so the sender, the stub and the links stay valid across them.
 *
 *   const side = await slackBot();                 // stub up, nothing started yet
 *   await seedMeeting(side.home.dataDir, meeting);  // before the first start
 *   const run = await side.home.start();
 *   const typed = await typeIn(side, SAM, 'D0SAM', 'status');   // status 0 when the bot died mid-request
 *   side.stub.respondedTo(typed.responseId);        // what the typist was shown
 *   await side.close();
 */
export interface SlackBot {
  stub: SlackApiStub;
  home: BotHome;
  slack: SlackSender;
  close(): Promise<void>;
}

export const SLACK_USERS: readonly SlackUser[] = [SAM, DANA, CHRIS];

/** The environment that turns Slack on, pointed at `apiUrl`. */
export const slackEnv = (apiUrl: string): Record<string, string> => ({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: apiUrl });

export async function slackBot(env: Record<string, string> = {}, users: readonly SlackUser[] = SLACK_USERS): Promise<SlackBot> {
  const stub = new SlackApiStub(users);
  await stub.start();
  const home = await botHome({ ...slackEnv(stub.apiUrl), ...env });
  return {
    stub,
    home,
    slack: new SlackSender(`${home.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET),
    async close() {
      await home.close();
      await stub.stop();
    },
  };
}

/**
 * /pep typed by `user`; a request the bot died in the middle of answers status 0. It keeps its
 * response URL: the bot may have recorded the command before it died, and a restart answers it there.
 */
export async function typeIn(side: Pick<SlackBot, 'slack' | 'stub'>, user: SlackUser, conversationId: string, text: string): Promise<Typed> {
  const cutOff = (): SlackAnswer => ({ status: 0, body: '', ms: 0 });
  return type({ stub: side.stub, slack: { command: (fields, options) => side.slack.command(fields, options).catch(cutOff) } }, user, conversationId, text);
}

export const slackPerson = (user: SlackUser, id: string, role: Participant['role']): Participant => ({
  id,
  name: user.name,
  initials: user.name
    .split(' ')
    .map((word) => word[0])
    .join(''),
  role,
  email: user.email,
  slackUserId: user.id,
  preferredChannel: 'slack',
});

/** A meeting under way now, organised by Sam on Slack with Dana (teacher) and Chris (carer) on Slack too, and no actions yet. */
export function meetingUnderWay(now = new Date()): Meeting {
  const startedAt = new Date(now.getTime() - 30 * 60_000).toISOString();
  return aMeeting({
    organiserId: 'p-sam',
    startsAt: startedAt,
    participants: [slackPerson(SAM, 'p-sam', 'social_worker'), slackPerson(DANA, 'p-dana', 'designated_teacher'), slackPerson(CHRIS, 'p-chris', 'carer')],
    agenda: { items: [{ id: 'ag-previous', title: 'Previous actions', addedBy: 'p-sam', suggested: false }], signOffs: [], lockedAt: startedAt },
    actions: [],
    createdAt: startedAt,
    updatedAt: startedAt,
  });
}

/** Writes meetings into a DATA_DIR before the bot first starts on it. */
/** A bot with a meeting under way already in its store, as the slash-command fault tests start. */
export async function slackBotWithMeetingUnderWay(): Promise<{ side: SlackBot; meetingId: string }> {
  const side = await slackBot();
  const meeting = meetingUnderWay();
  await seedMeeting(side.home.dataDir, meeting);
  return { side, meetingId: meeting.id };
}

export async function seedMeeting(dataDir: string, ...meetings: Meeting[]): Promise<void> {
  const store = await openStore({ dataDir });
  await store.init();
  try {
    for (const meeting of meetings) await store.createMeeting(meeting, { events: [] });
  } finally {
    await store.close();
  }
}

/** A meeting as the bot left it in a DATA_DIR; read only while no bot runs on it. */
export async function storedMeeting(dataDir: string, id: string): Promise<Meeting | undefined> {
  const store = await openStore({ dataDir });
  await store.init();
  try {
    return await store.getMeeting(id);
  } finally {
    await store.close();
  }
}
