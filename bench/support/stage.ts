import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { SlackApiStub } from '../../test/channels/slack/slack-api-stub.js';
import { CHRIS as SLACK_CHRIS, DANA as SLACK_DANA, SAM as SLACK_SAM, SIGNING_SECRET } from '../../test/channels/slack/slack-harness.js';
import type { ConnectorStub } from '../../test/channels/teams/support/connector-stub.js';
import { startConnectorStub } from '../../test/channels/teams/support/connector-stub.js';
import { CHRIS, DANA, EVE, SAM } from '../../test/channels/teams/support/teams-harness.js';
import { meetingUnderWay, seedMeeting } from '../../test/faults/slack-bot.js';
import { aMeeting } from '../../test/support/meeting-fixture.js';
import type { ServerProcess } from './server-process.js';
import { freePort, startServerProcess } from './server-process.js';

/**
 * Everything a load figure needs, on loopback: the fake Slack Web API (which also takes the
 * response_url posts) and the fake Bot Framework connector in this process; PEP Bot from `dist/`
 * with Slack and anonymous Teams on, and the bare Bolt and botbuilder apps, each in its own
 * process; a DATA_DIR seeded before PEP Bot starts with a Slack meeting under way (where
 * `/pep action` lands) and Teams meetings awaiting answers (where RSVP clicks land).
 */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SLACK_PATH = '/slack/events';
export const TEAMS_PATH = '/api/messages';
/** Teams meetings Dana is invited to; RSVP clicks go round them. */
export const TEAMS_MEETINGS = 100;

export { SIGNING_SECRET, SLACK_SAM, SLACK_DANA };

export interface Stage {
  slackApi: SlackApiStub;
  connector: ConnectorStub;
  pep: ServerProcess;
  bolt: ServerProcess;
  botbuilder: ServerProcess;
  /** The Slack meeting under way, organised by Sam in Slack. */
  slackMeetingId: string;
  teamsMeetingIds: string[];
  /** Where the servers write heap snapshots (SIGUSR2). */
  diagnosticDir: string;
  /** Stops every server, then reads what PEP Bot stored: proof that the writes were made. */
  afterwards<T>(read: (store: MeetingStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `npm run bench` builds once and says so; a bench file run alone builds for itself. */
export function ensureBuilt(): void {
  if (process.env.PEP_BENCH_BUILT === '1') return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  process.env.PEP_BENCH_BUILT = '1';
}

/** A meeting three weeks ahead organised by Sam in Teams, Dana (Teams) invited and not yet answered. */
function teamsMeetingAwaitingAnswers(index: number): Meeting {
  const startsAt = new Date(Date.now() + 21 * 86_400_000).toISOString();
  const teams = (member: typeof SAM, id: string, role: string) => ({
    id,
    name: member.name,
    initials: member.name
      .split(' ')
      .map((word) => word[0])
      .join(''),
    role,
    email: member.email,
    teamsUserId: member.id,
    teamsAadObjectId: member.aadObjectId,
    preferredChannel: 'teams',
  });
  return aMeeting({
    id: `bench-teams-${index}`,
    status: 'invited',
    startsAt,
    organiserId: 'p-sam',
    participants: [teams(SAM, 'p-sam', 'social_worker'), teams(DANA, 'p-dana', 'designated_teacher'), teams(CHRIS, 'p-chris', 'carer')] as Meeting['participants'],
    agenda: { items: [{ id: 'ag-previous', title: 'Previous actions', addedBy: 'p-sam', suggested: false }], signOffs: [] },
    actions: [],
  });
}

export async function startStage(): Promise<Stage> {
  ensureBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pep-bench-'));
  const diagnosticDir = mkdtempSync(path.join(tmpdir(), 'pep-bench-heap-'));
  const slackApi = new SlackApiStub([SLACK_SAM, SLACK_DANA, SLACK_CHRIS]);
  await slackApi.start();
  const connector = await startConnectorStub();
  for (const member of [SAM, DANA, CHRIS, EVE]) connector.roster.set(member.id, member);

  const slackMeeting = meetingUnderWay();
  const teamsMeetings = Array.from({ length: TEAMS_MEETINGS }, (_, i) => teamsMeetingAwaitingAnswers(i));
  await seedMeeting(dataDir, slackMeeting, ...teamsMeetings);

  const slackEnv = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_API_URL: slackApi.apiUrl };
  const started: ServerProcess[] = [];
  const start = async (options: Parameters<typeof startServerProcess>[0]) => {
    const server = await startServerProcess(options);
    started.push(server);
    return server;
  };
  try {
    const pepPort = await freePort();
    const pep = await start({
      name: 'PEP Bot',
      script: path.join(REPO_ROOT, 'dist/main.js'),
      // From the DATA_DIR, where no .env is: only what is set here applies.
      cwd: dataDir,
      env: {
        ...slackEnv,
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: `http://127.0.0.1:${pepPort}`,
        TEAMS_ANONYMOUS: '1',
        LOG_LEVEL: 'info',
      },
      // To profile PEP Bot under a bench's load: PEP_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
      nodeArgs: process.env.PEP_BENCH_NODE_ARGS?.split(' ').filter(Boolean),
      port: pepPort,
      diagnosticDir,
      ready: (line) => line.includes('"msg":"listening"'),
    });
    const listening = (line: string) => line.includes('"msg":"listening"');
    const bolt = await start({ name: 'bare Bolt', script: path.join(REPO_ROOT, 'bench/bare/bolt.mjs'), cwd: REPO_ROOT, env: slackEnv, port: await freePort(), diagnosticDir, ready: listening });
    const botbuilder = await start({ name: 'bare botbuilder', script: path.join(REPO_ROOT, 'bench/bare/botbuilder.mjs'), cwd: REPO_ROOT, env: {}, port: await freePort(), diagnosticDir, ready: listening });
    return {
      slackApi,
      connector,
      pep,
      bolt,
      botbuilder,
      slackMeetingId: slackMeeting.id,
      teamsMeetingIds: teamsMeetings.map((m) => m.id),
      diagnosticDir,
      async afterwards(read) {
        for (const server of started) await server.stop();
        const store = await openStore({ dataDir });
        await store.init();
        try {
          return await read(store);
        } finally {
          await store.close();
        }
      },
      async close() {
        for (const server of started) await server.stop();
        await connector.close();
        await slackApi.stop();
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(diagnosticDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const server of started) await server.stop();
    await connector.close();
    await slackApi.stop();
    throw error;
  }
}
