import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/app/create-meeting.js';
import { CardDelivery } from '../../src/app/delivery.js';
import type { DeliveryEvent } from '../../src/app/delivery.js';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import { nudgeSender } from '../../src/app/nudge-cards.js';
import { createSlackChannel, SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import type { SlackChannel } from '../../src/channels/slack/index.js';
import { createTeamsChannel } from '../../src/channels/teams/index.js';
import type { TeamsChannel } from '../../src/channels/teams/index.js';
import type { Meeting } from '../../src/domain/model.js';
import type { Messenger } from '../../src/ports/messenger.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { startScheduler } from '../../src/scheduler/start-scheduler.js';
import type { RunningScheduler } from '../../src/scheduler/start-scheduler.js';
import { defaultSqliteFilename } from '../../src/stores/sqlite/default-file.js';
import { openStore } from '../../src/stores/open-store.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import { SlackApiStub, buttons, readText } from '../channels/slack/slack-api-stub.js';
import type { Block } from '../channels/slack/slack-api-stub.js';
import { CHRIS as SLACK_CHRIS, DANA as SLACK_DANA, OLLY, SAM as SLACK_SAM, SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { installed } from '../channels/teams/support/activities.js';
import type { ConnectorCall, ConnectorStub } from '../channels/teams/support/connector-stub.js';
import { startConnectorStub } from '../channels/teams/support/connector-stub.js';
import { CHRIS as TEAMS_CHRIS, DANA as TEAMS_DANA, EVE, SAM as TEAMS_SAM, personalChat } from '../channels/teams/support/teams-harness.js';
import { counterIds } from '../domain/scenario.js';
import { eventually, testClock } from '../scheduler/fixtures/harness.js';
import { captureLog, startServer } from '../server/harness.js';
import type { RunningServer } from '../server/harness.js';

/**
 * Issue 6, "Done when": a due action produces a Slack DM and a Teams DM. Production's pieces,
 * wired as src/compose.ts wires them: one SQLite store and job file in a temp dir, the real
 * scheduler (Agenda on the embedded SQLite backend), the CardDelivery with nudgeSender, and the
 * real Slack (Bolt) and Teams (CloudAdapter) channels on one HTTP server. Only Slack's Web API
 * and the Bot Framework connector are loopback stand-ins.
 */

/** Wednesday 25 November 2026, 10:00 in London: the meeting is held and the actions captured. */
const HELD_AT = '2026-11-25T10:00:00Z';
/** Friday 27 November 2026 (a working day, no bank holiday), 09:00:30 in London (GMT): the "due today" reminders are due. */
const DUE_DAY = '2026-11-27T09:00:30Z';
/** How often Agenda looks for due jobs here (production: 10 s). */
const POLL_MS = 100;
const NUDGE_VERBS = ['nudge.done', 'nudge.moreTime', 'nudge.blocked'];

const input = {
  type: 'createMeeting',
  child: { ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe', yearGroup: 7, school: 'Hillside Academy' },
  startsAt: '2026-12-04T10:00:00Z',
  location: { kind: 'online', url: 'https://teams.example.org/meet/abc' },
  organiser: { name: 'Sam Social', role: 'social_worker', email: 'sam@la.example.org', slackUserId: SLACK_SAM.id },
  participants: [
    { name: 'Dana Teacher', role: 'designated_teacher', email: 'dana@school.example.org', teamsAadObjectId: TEAMS_DANA.aadObjectId },
    { name: 'Chris Carer', role: 'carer', email: 'chris@home.example.org', slackUserId: SLACK_CHRIS.id },
    { name: 'Jordan Doe', role: 'child' },
  ],
};

interface World {
  dir: string;
  clock: ReturnType<typeof testClock>;
  store: MeetingStore;
  deps: AppDeps;
  delivery: CardDelivery;
  reports: DeliveryEvent[];
  slackApi: SlackApiStub;
  connector: ConnectorStub;
  slack: SlackChannel;
  teams: TeamsChannel;
  server: RunningServer;
  slackSender: SlackSender;
  channelLog: ReturnType<typeof captureLog>;
  schedulerProblems: string[];
  scheduler?: RunningScheduler;
}

let world: World | undefined;

async function startWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-e2e-nudges-'));
  const clock = testClock(HELD_AT);
  const store = await openStore({ dataDir: dir, clock });
  await store.init();
  const slackApi = new SlackApiStub([SLACK_SAM, SLACK_DANA, SLACK_CHRIS, OLLY]);
  await slackApi.start();
  const connector = await startConnectorStub();
  for (const member of [TEAMS_SAM, TEAMS_DANA, TEAMS_CHRIS, EVE]) connector.roster.set(member.id, member);

  // As composeApp does: the delivery first, the channels' messengers joining it after.
  const deps: AppDeps = { store, clock, newId: counterIds('e2e'), defaultTimeZone: 'Europe/London' };
  const messengers: Messenger[] = [];
  const reports: DeliveryEvent[] = [];
  const delivery = new CardDelivery({ store, messengers, report: (event) => reports.push(event) });
  const channelLog = captureLog();
  const teams = createTeamsChannel({ config: { mode: 'anonymous' }, deps, delivery, logger: channelLog.logger });
  const slack = createSlackChannel({
    config: { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', appToken: undefined, apiUrl: slackApi.apiUrl },
    deps,
    delivery,
    logger: channelLog.logger,
  });
  messengers.push(teams.messenger, slack.messenger);
  await teams.start();
  await slack.start();
  const server = await startServer({ store, mount: [teams.module, slack.module], shutdownTimeoutMs: 5_000 });
  return {
    dir,
    clock,
    store,
    deps,
    delivery,
    reports,
    slackApi,
    connector,
    slack,
    teams,
    server,
    slackSender: new SlackSender(`${server.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET),
    channelLog,
    schedulerProblems: [],
  };
}

async function stopWorld(w: World): Promise<void> {
  await w.scheduler?.stop();
  await w.server.server.stop();
  await w.slack.stop();
  await w.connector.close();
  await w.slackApi.stop();
  await w.store.close();
  rmSync(w.dir, { recursive: true, force: true });
}

/** The scheduler as composeApp starts it, on the same SQLite file, polling fast for the test. */
async function startTheScheduler(w: World): Promise<RunningScheduler> {
  const note = (level: string) => (fields: Record<string, unknown>, message: string) => void w.schedulerProblems.push(`${level}: ${message} ${JSON.stringify(fields)}`);
  const scheduler = await startScheduler({
    jobs: { kind: 'sqlite', filename: defaultSqliteFilename(w.dir) },
    store: w.store,
    clock: w.clock,
    sender: nudgeSender(w.delivery, w.deps),
    onUndeliverable: (nudge, reason) => void w.schedulerProblems.push(`undeliverable: ${nudge.kind} to ${nudge.recipientParticipantId}: ${reason}`),
    prepareNextMeeting: () => Promise.reject(new Error('no next meeting is due in this test')),
    logger: { info: () => undefined, warn: note('warn'), error: note('error') },
    tuning: { processEveryMs: POLL_MS, lockLifetimeMs: 10_000, retryDelayMs: 200, maxRetries: 2, stopTimeoutMs: 5_000 },
  });
  w.scheduler = scheduler;
  // As composeApp does: every saved change replans the meeting's nudges.
  w.deps.onMeetingSaved = async (meeting) => {
    await scheduler.syncMeeting(meeting);
  };
  return scheduler;
}

/** POSTs an activity to /api/messages as Teams would (anonymous mode: no token). */
async function postToTeams(w: World, activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${w.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await response.text();
  return response.status;
}

/** Created, invited, agenda locked, started, and one action each for Chris (Slack) and Dana (Teams), due Friday. */
async function meetingWithTwoActions(w: World): Promise<Meeting> {
  const created = await createMeeting(w.deps, { command: input, channel: 'slack' });
  const id = (role: string) => created.participants.find((p) => p.role === role)!.id;
  const run = async (command: Record<string, unknown>) =>
    (await executeCommand(w.deps, { meetingId: created.id, command: command as never, actorId: created.organiserId, channel: 'slack' })).meeting;
  await run({ type: 'sendInvitations' });
  await run({ type: 'lockAgenda' });
  await run({ type: 'startMeeting' });
  await run({ type: 'captureAction', ownerId: id('carer'), description: 'Bring the reading log to school', dueDate: '2026-11-27' });
  return run({ type: 'captureAction', ownerId: id('designated_teacher'), description: 'Send the reading report', dueDate: '2026-11-27' });
}

/** Every Action.Execute verb in an Adaptive Card, however deeply nested (show-cards included). */
function verbsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(verbsIn);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'Action.Execute' && typeof record.verb === 'string' ? [record.verb] : [];
  return own.concat(Object.values(record).flatMap(verbsIn));
}

const teamsNudges = (w: World, conversationId: string): ConnectorCall[] =>
  w.connector.calls.filter((c) => c.kind === 'send' && c.conversationId === conversationId && verbsIn(c.activity.attachments).includes('nudge.done'));
const slackNudges = (w: World, channel: string) =>
  w.slackApi.posted(channel).filter((c) => buttons((c.args.blocks as Block[] | undefined) ?? []).some((b) => b.verb === 'nudge.done'));

beforeEach(async () => {
  world = await startWorld();
});

afterEach(async () => {
  const w = world;
  world = undefined;
  if (w) await stopWorld(w);
});

describe('issue 6: a due action reaches its owner as a DM on their own channel', () => {
  it('the scheduler sends one Slack DM and one Teams DM with the reminder card (Done / more time / blocked); "Done" clicked in Slack is saved', async () => {
    const w = world!;
    // Dana has installed PEP Bot in Teams: her 1:1 conversation reference is stored.
    expect(await postToTeams(w, installed(TEAMS_DANA, { serviceUrl: w.connector.serviceUrl }))).toBe(200);

    const meeting = await meetingWithTwoActions(w);
    const [chrisAction, danaAction] = meeting.actions;
    expect(meeting.status).toBe('in_progress');
    expect([chrisAction!.dueDate, danaAction!.dueDate]).toEqual(['2026-11-27', '2026-11-27']);

    w.clock.set(DUE_DAY);
    const scheduler = await startTheScheduler(w);
    const synced = await scheduler.syncMeeting(meeting);
    expect(synced.scheduled).toBeGreaterThanOrEqual(2);

    // Slack: chat.postMessage to Chris's user id, answered in the app's DM with him.
    const slackDm = await eventually(() => {
      const [posted] = slackNudges(w, SLACK_CHRIS.id);
      expect(posted).toBeDefined();
      return posted!;
    }, 20_000);
    expect(slackDm.result).toMatchObject({ ok: true, channel: 'D0CHRIS' });
    const slackBlocks = slackDm.args.blocks as Block[];
    expect(buttons(slackBlocks).map((b) => b.verb)).toEqual(NUDGE_VERBS);
    expect(buttons(slackBlocks).map((b) => b.title)).toEqual(['Done', 'Ask for more time', 'Tell the organiser']);
    expect(readText(slackBlocks)).toContain('Bring the reading log to school');
    expect(String(slackDm.args.text)).toContain('due today');

    // Teams: a proactive message into Dana's 1:1 chat with the bot, carrying the Adaptive Card.
    const teamsDm = await eventually(() => {
      const [sent] = teamsNudges(w, personalChat(TEAMS_DANA));
      expect(sent).toBeDefined();
      return sent!;
    }, 20_000);
    const attachment = teamsDm.activity.attachments![0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.type).toBe('AdaptiveCard');
    expect(new Set(verbsIn(attachment.content))).toEqual(new Set(NUDGE_VERBS));
    expect(JSON.stringify(attachment.content)).toContain('Send the reading report');
    expect(teamsDm.activity.summary).toBe('Reminder: an action for JD (PEP-2026-0042) is due.');

    // Each went to its owner only, and only once, even after more polling and a fresh sync.
    expect(await scheduler.syncMeeting((await w.store.getMeeting(meeting.id))!)).toMatchObject({ scheduled: 0 });
    await new Promise((resolve) => setTimeout(resolve, 6 * POLL_MS));
    expect(slackNudges(w, SLACK_CHRIS.id)).toHaveLength(1);
    expect(teamsNudges(w, personalChat(TEAMS_DANA))).toHaveLength(1);
    expect(w.slackApi.callsOf('chat.postMessage').filter((c) => buttons((c.args.blocks as Block[] | undefined) ?? []).some((b) => b.verb === 'nudge.done'))).toHaveLength(1);
    expect(w.connector.calls.filter((c) => verbsIn(c.activity.attachments).includes('nudge.done'))).toHaveLength(1);
    expect(w.reports).toEqual([]);

    // Chris clicks "Done" in Slack: a signed request through the real Bolt receiver.
    const message = w.slackApi.messageWith(SLACK_CHRIS.id, 'nudge.done');
    const done = buttons(message.blocks).find((b) => b.verb === 'nudge.done')!;
    const answer = await w.slackSender.interaction({
      type: 'block_actions',
      team: { id: 'T0TEAM' },
      user: { id: SLACK_CHRIS.id, username: 'chris', team_id: 'T0TEAM' },
      api_app_id: 'A0PEP',
      trigger_id: 'trigger.e2e-1',
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      channel: { id: message.channel },
      message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
      response_url: w.slackApi.responseUrl('click-e2e-1'),
      state: { values: {} },
      actions: [{ type: 'button', action_id: done.action_id, block_id: done.block_id ?? 'b', value: done.value, text: { type: 'plain_text', text: done.title }, action_ts: '1700000000.e2e1' }],
    });
    expect(answer.status).toBe(200);
    await eventually(async () => {
      await w.slack.idle();
      const stored = (await w.store.getMeeting(meeting.id))!;
      expect(stored.actions.find((a) => a.id === chrisAction!.id)).toMatchObject({ status: 'done' });
      expect(stored.actions.find((a) => a.id === danaAction!.id)).toMatchObject({ status: 'open' });
      // The reminder in Chris's DM is updated in place to say so.
      const shown = w.slackApi.messages().find((m) => m.channel === message.channel && m.ts === message.ts)!;
      expect(readText(shown.blocks)).toMatch(/done/i);
      expect(buttons(shown.blocks).map((b) => b.verb)).not.toContain('nudge.done');
    }, 10_000);

    expect(w.schedulerProblems).toEqual([]);
    const errors = w.channelLog.records().filter((r) => r.level === 'error' || r.level === 'fatal');
    expect(errors).toEqual([]);
  }, 60_000);
});
