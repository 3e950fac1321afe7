import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { queryFilter, uniqueFilter } from '../../src/scheduler/sqlite-backend/job-filters.js';
import { EXPIRED_LOCK_SQL, LOCK_NEXT_JOB_SQL, NEXT_DUE_JOB_SQL, findUniqueSql, selectJobsSql } from '../../src/scheduler/sqlite-backend/job-queries.js';
import { SCHEDULER_MIGRATIONS, applySchedulerMigrations } from '../../src/scheduler/sqlite-backend/migrations.js';
import { JOB_NAMES, meetingKeyPrefix } from '../../src/scheduler/scheduled-work.js';
import { LEDGER_NAMESPACE } from '../../src/scheduler/delivery-ledger.js';
import { prefixEnd } from '../../src/stores/sqlite/key-value-rows.js';
import { applyMigrations } from '../../src/stores/sqlite/migrations.js';
import { prepareStatements } from '../../src/stores/sqlite/statements.js';

/**
 * The scheduler's hot queries must find their rows through an index: a SCAN of agenda_jobs on
 * each of them made planning grow with the square of the jobs (issue 13). The plans are asked
 * of SQLite for the very SQL the backend runs, on a table holding enough rows that the planner
 * has a choice to make.
 */
const NOW = 1_774_353_600_000;
const HOT_QUERIES: { name: string; sql: string; params: unknown[]; indexes: string[] }[] = (() => {
  const unique = uniqueFilter(JOB_NAMES.nudge, { 'data.key': 'meeting-7/action_overdue/act-1/p-teacher/2026-03-23' });
  const meeting = queryFilter({ names: Object.values(JOB_NAMES), data: { meetingId: 'meeting-7' } });
  const next = { name: JOB_NAMES.nudge, nextScanAt: NOW, lockDeadline: NOW - 600_000, lockTime: NOW, modifiedBy: 'bench' };
  return [
    { name: 'save with a unique key', sql: findUniqueSql(unique), params: unique.params, indexes: ['agenda_jobs_data_key'] },
    { name: "a meeting's jobs", sql: selectJobsSql(meeting, 'ORDER BY next_run_at DESC NULLS LAST LIMIT ? OFFSET ?'), params: [...meeting.params, -1, 0], indexes: ['agenda_jobs_data_meeting'] },
    { name: "counting a meeting's jobs", sql: `SELECT COUNT(*) FROM (${selectJobsSql(meeting)})`, params: meeting.params, indexes: ['agenda_jobs_data_meeting'] },
    { name: 'next job to run (due)', sql: NEXT_DUE_JOB_SQL, params: [{ name: next.name, nextScanAt: next.nextScanAt }], indexes: ['agenda_jobs_due'] },
    { name: 'next job to run (expired locks)', sql: EXPIRED_LOCK_SQL, params: [{ name: next.name, lockDeadline: next.lockDeadline }], indexes: ['agenda_jobs_locked_by_name'] },
    { name: 'next job to run, locked', sql: LOCK_NEXT_JOB_SQL, params: [next], indexes: ['agenda_jobs_due', 'agenda_jobs_locked_by_name'] },
  ];
})();

function seed(db: SqliteDatabase): void {
  const insert = db.prepare(`INSERT INTO agenda_jobs (id, name, type, next_run_at, locked_at, data) VALUES (?, ?, 'normal', ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < 2_000; i += 1) {
      const data = JSON.stringify({ key: `meeting-${i % 400}/nudge-${i}`, meetingId: `meeting-${i % 400}` });
      insert.run(`job-${i}`, i % 10 === 0 ? JOB_NAMES['next-meeting'] : JOB_NAMES.nudge, NOW + (i - 1_000) * 1_000, i % 3 === 0 ? NOW - i : null, data);
    }
  })();
  db.exec('ANALYZE');
}

const planOf = (db: SqliteDatabase, sql: string, params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);

/** The plan's lines that read agenda_jobs in full, e.g. "SCAN agenda_jobs". */
const scans = (plan: string[]): string[] => plan.filter((detail) => /^SCAN agenda_jobs\b/.test(detail));

/** The indexes the plan searches agenda_jobs with, e.g. "SEARCH agenda_jobs USING INDEX agenda_jobs_due (name=? AND next_run_at<?)". */
const searchedIndexes = (plan: string[]): string[] => plan.flatMap((detail) => /^SEARCH agenda_jobs USING (?:COVERING )?INDEX (\w+)/.exec(detail)?.[1] ?? []);

describe('the scheduler’s hot queries use indexes', () => {
  let db: SqliteDatabase | undefined;
  afterEach(() => db?.close());

  it.each(HOT_QUERIES)('$name: SEARCH through its index, no SCAN of agenda_jobs', ({ sql, params, indexes }) => {
    db = new Database(':memory:');
    applySchedulerMigrations(db);
    seed(db);
    const plan = planOf(db, sql, params);
    expect(scans(plan), plan.join('\n')).toEqual([]);
    // The name index alone would pass as a SEARCH while reading every nudge job.
    expect(searchedIndexes(plan), plan.join('\n')).toEqual(expect.arrayContaining(indexes));
  });

  it('without the indexes of migration 2 the same queries scan, so the check above can fail', () => {
    db = new Database(':memory:');
    for (const migration of SCHEDULER_MIGRATIONS.filter((m) => m.version < 2)) db.exec(migration.sql);
    seed(db);
    const failing = HOT_QUERIES.filter(({ sql, params, indexes }) => {
      const plan = planOf(db!, sql, params);
      return scans(plan).length > 0 || !indexes.every((index) => searchedIndexes(plan).includes(index));
    });
    expect(failing.map((query) => query.name)).toEqual(HOT_QUERIES.map((query) => query.name));
    const scanning = HOT_QUERIES.filter(({ sql, params }) => scans(planOf(db!, sql, params)).length > 0).map((query) => query.name);
    expect(scanning).toEqual(expect.arrayContaining(['save with a unique key', "a meeting's jobs"]));
  });

  it("the delivery ledger's listing of a meeting reads only that meeting's range of keys", () => {
    db = new Database(':memory:');
    applyMigrations(db);
    const prefix = meetingKeyPrefix('meeting-7');
    const plan = planOf(db, prepareStatements(db).keyValues.list.source, [{ namespace: LEDGER_NAMESPACE, prefix, end: prefixEnd(prefix) }]);
    // Bounded on both sides: without `key<?` it read on to the namespace's last key, every meeting after this one.
    expect(plan).toEqual([expect.stringMatching(/^SEARCH key_values USING (?:INDEX|PRIMARY KEY) .*\(namespace=\? AND key>\? AND key<\?\)$/)]);
  });
});
