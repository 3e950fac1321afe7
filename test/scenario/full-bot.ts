import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChannelConfigs } from '../../src/channel-setup.js';
import { loadConfig } from '../../src/config.js';
import { SqliteJobRepository } from '../../src/scheduler/sqlite-backend/sqlite-job-repository.js';
import type { RunningBot } from '../../src/start-bot.js';
import { startBot } from '../../src/start-bot.js';
import { defaultSqliteFilename } from '../../src/stores/sqlite/default-file.js';
import type { SettableClock } from '../contract/settable-clock.js';
import { settableClock } from '../contract/settable-clock.js';
import { captureLog } from '../server/harness.js';

/**
 * PEP Bot as `npm start` runs it, with the settings a new user has: nothing set but a free port
 * and a temp data folder (so PUBLIC_BASE_URL is http://127.0.0.1:PORT, no SMTP, no Microsoft app
 * id), plus whatever a scenario adds (Slack's tokens). Only the clock is the test's, so a
 * reminder can come due without waiting days.
 */
export interface FullBot {
  bot: RunningBot;
  url: string;
  clock: SettableClock;
  logs: () => Array<Record<string, unknown>>;
  /**
   * Time passes: the clock moves on, and so does every job still to run. The scheduler hands
   * Agenda system times worked out from the clock when it planned (src/scheduler/agenda-time.ts),
   * so the clock alone would leave a reminder days away; each waiting job comes as much closer.
   */
  moveClockTo(instant: string): Promise<void>;
  /** Waits until every channel has finished the work its acknowledgements started. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export async function startFullBot(options: { now: string; env?: Record<string, string> }): Promise<FullBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pep-scenario-'));
  const env = { PORT: String(await freePort()), DATA_DIR: dataDir, ...options.env };
  const clock = settableClock(options.now);
  const log = captureLog();
  const bot = await startBot({
    config: loadConfig(env),
    channelConfigs: loadChannelConfigs(env),
    logger: log.logger,
    clock,
    schedulerTuning: { processEveryMs: 50, retryDelayMs: 50 },
  });
  const settle = async () => {
    // Work after one acknowledgement can start work in another channel (a click on the web moves the organiser's Teams card).
    for (let round = 0; round < 3; round += 1) await Promise.all(bot.app.channels.map((c) => c.idle?.()));
  };
  const moveClockTo = async (instant: string) => {
    const shiftMs = Date.parse(instant) - clock.now().getTime();
    clock.set(instant);
    // A connection of the test's own, as test/scheduler/fixtures/harness.ts makes jobs due.
    const jobs = new SqliteJobRepository(defaultSqliteFilename(dataDir));
    await jobs.connect();
    try {
      const waiting = (await jobs.queryJobs()).jobs.filter((job) => job.nextRunAt && job.nextRunAt.getTime() > Date.now() && job.lockedAt === undefined);
      for (const job of waiting) await jobs.saveJob({ ...job, nextRunAt: new Date(job.nextRunAt!.getTime() - shiftMs) }, undefined);
    } finally {
      await jobs.disconnect();
    }
  };
  return {
    bot,
    url: bot.address.url,
    clock,
    moveClockTo,
    logs: log.records,
    settle,
    async close() {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
