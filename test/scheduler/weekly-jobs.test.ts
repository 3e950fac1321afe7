import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agenda } from 'agenda';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/scheduler/start-scheduler.js';
import type { WeeklyJob } from '../../src/scheduler/weekly-jobs.js';
import { defineWeeklyJobs, weeklyCron } from '../../src/scheduler/weekly-jobs.js';
import { SqliteBackend } from '../../src/scheduler/sqlite-backend/sqlite-backend.js';
import type { HeldRecord } from '../../src/domain/data-protection/held-records.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { testClock } from './fixtures/harness.js';

/**
 * A weekly job (the caseload digest) kept as one repeating job in the scheduler's store, due at
 * the next set day and time in its time zone, and moved, not doubled, when a restart changes it.
 */
describe('weekly jobs', () => {
  let folder: string;
  let store: StoreWithChildren;
  const jobsFile = () => join(folder, 'jobs.sqlite');

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pep-weekly-'));
    store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite') });
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function runWith(job: WeeklyJob): Promise<void> {
    const scheduler = await startScheduler({
      jobs: { kind: 'sqlite', filename: jobsFile() },
      store,
      clock: testClock('2026-03-23T08:00:00Z'),
      sender: () => Promise.reject(new Error('not expected')),
      onUndeliverable: () => undefined,
      prepareNextMeeting: () => Promise.resolve(),
      weekly: [job],
    });
    await scheduler.stop();
  }

  const rows = () => {
    const db = new Database(jobsFile(), { readonly: true });
    try {
      return db.prepare("SELECT next_run_at, repeat_interval, repeat_timezone FROM agenda_jobs WHERE name = 'caseload-digest'").all() as { next_run_at: number; repeat_interval: string; repeat_timezone: string }[];
    } finally {
      db.close();
    }
  };

  /** The next time it is `weekday` at `time` in London, after now (Agenda's own clock is the real one). */
  const nextLondon = (weekday: number, hour: number, minute: number): number => {
    let at = DateTime.now().setZone('Europe/London').set({ hour, minute, second: 0, millisecond: 0 });
    while (at.weekday !== weekday || at.toMillis() <= Date.now()) at = at.plus({ days: 1 }).set({ hour, minute });
    return at.toMillis();
  };

  it("hands each run its own job store's failed jobs (the retention run removes those that gave up)", async () => {
    const backend = new SqliteBackend({ filename: jobsFile() });
    await backend.connect();
    const failedAt = new Date('2026-01-01T00:00:00Z');
    const failed = await backend.repository.saveJob({ name: 'pep-nudge', priority: 0, type: 'normal', nextRunAt: null, data: {}, failedAt, lastFinishedAt: failedAt }, undefined);
    const agenda = new Agenda({ backend, processEvery: 50 });
    try {
      const seen = new Promise<HeldRecord[]>((resolve) =>
        defineWeeklyJobs(agenda, [{ name: 'data-retention', weekday: 'daily', time: '02:30', timeZone: 'Europe/London', run: async ({ failedJobs }) => resolve(await failedJobs.heldRecords({ before: '2026-02-01T00:00:00Z', limit: 10 })) }], { info: () => undefined, warn: () => undefined, error: () => undefined }),
      );
      await agenda.start();
      await agenda.now('data-retention');
      expect(await seen).toEqual([{ key: String(failed._id), at: failedAt.toISOString() }]);
    } finally {
      await agenda.stop(false);
      await backend.disconnect();
    }
  });

  it('is written as a cron line for the day and time', () => {
    expect(weeklyCron({ weekday: 'monday', time: '08:00' })).toBe('0 8 * * 1');
    expect(weeklyCron({ weekday: 'sunday', time: '19:45' })).toBe('45 19 * * 0');
    expect(weeklyCron({ weekday: 'daily', time: '02:30' })).toBe('30 2 * * *');
  });

  it('is kept once, due at the next set day and time in London, and moved when the setting changes', async () => {
    const job = { name: 'caseload-digest', weekday: 'monday', time: '08:00', timeZone: 'Europe/London', run: async () => undefined } as const;
    await runWith(job);
    expect(rows()).toEqual([{ next_run_at: nextLondon(1, 8, 0), repeat_interval: '0 8 * * 1', repeat_timezone: 'Europe/London' }]);
    await runWith({ ...job, weekday: 'friday', time: '16:30' });
    expect(rows()).toEqual([{ next_run_at: nextLondon(5, 16, 30), repeat_interval: '30 16 * * 5', repeat_timezone: 'Europe/London' }]);
  });
});
