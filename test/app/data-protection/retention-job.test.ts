import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retentionJob } from '../../../src/app/data-protection/retention-job.js';
import { loadConfig } from '../../../src/config.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import { failedJobs } from '../../../src/scheduler/failed-jobs.js';
import type { SqliteBackend } from '../../../src/scheduler/sqlite-backend/sqlite-backend.js';
import { weeklyCron } from '../../../src/scheduler/weekly-jobs.js';
import { settableClock } from '../../contract/settable-clock.js';
import { tempSqliteStoreWithJobs } from '../../support/sqlite-temp-store.js';

const settingsFile = (content: unknown): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'council-')), 'council.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('retention settings and the daily job', () => {
  const clock = settableClock('2026-06-01T00:00:00Z');
  let store: StoreWithChildren;
  let remove: () => Promise<void>;
  let jobs: SqliteBackend;
  beforeEach(async () => ({ store, jobs, remove } = await tempSqliteStoreWithJobs(clock)));
  afterEach(async () => remove());

  it('has a documented default for every kind, and a council sets its own', () => {
    expect(loadConfig({}).council.retention).toMatchObject({ meetings: 2555, auditEntries: 2920, secureLinks: 30, idempotency: 30, deliveries: 90, cardReferences: 400, children: 730, failedJobs: 30, dailyAt: '02:30' });
    expect(loadConfig({ COUNCIL_SETTINGS: settingsFile({ retention: { cardReferences: 10 } }) }).council.retention.cardReferences).toBe(10);
  });

  it('refuses audit entries kept for less time than meetings, naming the setting', () => {
    expect(() => loadConfig({ COUNCIL_SETTINGS: settingsFile({ retention: { meetings: 100, auditEntries: 50 } }) })).toThrow(/retention\.auditEntries/);
  });

  it('runs every day at the set time, removing what has expired, failed jobs of the scheduler it is handed too, and logging the totals', async () => {
    const config = loadConfig({ COUNCIL_SETTINGS: settingsFile({ retention: { cardReferences: 10, dailyAt: '03:15' } }) });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const job = retentionJob({ store, clock, newId: () => 'id' }, config, logger);
    expect(weeklyCron(job)).toBe('15 3 * * *');

    clock.set('2026-05-01T00:00:00Z');
    await store.putValue('card-ref', 'old', {});
    const failedAt = new Date('2026-04-01T00:00:00Z');
    const failed = await jobs.repository.saveJob({ name: 'nudge', priority: 0, type: 'normal', nextRunAt: null, data: {}, failedAt, lastFinishedAt: failedAt, failCount: 1 }, undefined);
    clock.set('2026-06-01T00:00:00Z');
    await job.run({ failedJobs: failedJobs(jobs.repository) });
    expect(await store.getValue('card-ref', 'old')).toBeUndefined();
    expect(await jobs.repository.getJobById(String(failed._id))).toBeNull();
    expect(lines.map((line) => JSON.parse(line) as { msg: string; records: number })).toEqual([expect.objectContaining({ msg: 'retention run done', records: 2 })]);
  });
});
