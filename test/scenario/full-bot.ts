import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelBackoff } from '../../src/channel-readiness.js';
import { loadChannelConfigs } from '../../src/channel-setup.js';
import { loadConfig } from '../../src/config.js';
import { PLAYGROUND_BOT_ENV } from '../../scripts/teams-playground.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { RunningBot } from '../../src/start-bot.js';
import { startBot } from '../../src/start-bot.js';
import type { SettableClock } from '../contract/settable-clock.js';
import { settableClock } from '../contract/settable-clock.js';
import Database from 'better-sqlite3';
import { defaultSqliteFilename } from '../../src/stores/sqlite/default-file.js';
import { captureLog } from '../server/harness.js';
import { freePort } from '../support/bot-process.js';

/**
 * PEP Bot as `npm run playground` runs it, with the settings a new user has: nothing set but a
 * free port, a temp data folder and the Playground's TEAMS_ANONYMOUS=1 (so PUBLIC_BASE_URL is
 * http://127.0.0.1:PORT, no SMTP, no Microsoft app id, Teams without tokens), plus whatever a
 * scenario adds (Slack's tokens). Only the clock is the test's, so a reminder can come due
 * without waiting days.
 */
export interface FullBot {
  bot: RunningBot;
  url: string;
  clock: SettableClock;
  logs: () => Array<Record<string, unknown>>;
  /** Scheduled jobs due by now or running: 0 once everything the clock made due has been sent. */
  jobsDue(): number;
  /** Waits until every channel has finished the work its acknowledgements started. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

function withJobs<T>(jobsFile: string, use: (db: Database.Database) => T): T {
  const db = new Database(jobsFile);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/**
 * Agenda wakes a job by the system clock, at the instant as far from the system's now as its due
 * instant was from the bot's clock when it was planned (src/scheduler/agenda-time.ts). Moving the
 * bot's clock forward moves every waiting job as far forward in time, as days passing would.
 */
export function jobsFollowTheClock(clock: SettableClock, jobsFile: string): SettableClock {
  return {
    now: clock.now,
    set(instant) {
      const moved = Date.parse(instant) - clock.now().getTime();
      clock.set(instant);
      withJobs(jobsFile, (db) => db.prepare('UPDATE agenda_jobs SET next_run_at = next_run_at - ? WHERE next_run_at IS NOT NULL AND locked_at IS NULL').run(moved));
    },
  };
}

const jobsDue = (jobsFile: string): number =>
  withJobs(jobsFile, (db) => db.prepare<[number], number>('SELECT COUNT(*) FROM agenda_jobs WHERE next_run_at <= ? OR locked_at IS NOT NULL').pluck().get(Date.now()) ?? 0);

export interface FullBotOptions {
  now: string;
  env?: Record<string, string>;
  channelBackoff?: ChannelBackoff;
  /** The store the bot uses, made on the data folder's default file (a fault test caps its connection). */
  store?: (filename: string) => StoreWithChildren;
}

export async function startFullBot(options: FullBotOptions): Promise<FullBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pep-scenario-'));
  const env = { PORT: String(await freePort()), DATA_DIR: dataDir, ...PLAYGROUND_BOT_ENV, ...options.env };
  const jobsFile = defaultSqliteFilename(dataDir);
  const clock = jobsFollowTheClock(settableClock(options.now), jobsFile);
  const log = captureLog();
  const bot = await startBot({
    config: loadConfig(env),
    channelConfigs: loadChannelConfigs(env),
    logger: log.logger,
    clock,
    schedulerTuning: { processEveryMs: 50, retryDelayMs: 50 },
    channelBackoff: options.channelBackoff,
    store: options.store?.(defaultSqliteFilename(dataDir)),
  });
  const settle = async () => {
    // Work after a Slack acknowledgement saves changes, and the changes queue messages: both finish.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(bot.app.channels.map((c) => c.idle?.()));
      await bot.app.outbox.drain();
    }
  };
  return {
    bot,
    url: bot.address.url,
    clock,
    logs: log.records,
    jobsDue: () => jobsDue(jobsFile),
    settle,
    async close() {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
