import { whereClause } from './job-filters.js';
import type { SqlFilter } from './job-filters.js';

/**
 * The SQL of the scheduler's hot queries, in one place so that test/scheduler/job-query-plans.test.ts
 * asks SQLite for the plan of exactly what runs.
 */

export const selectJobsSql = (filter: SqlFilter, tail = ''): string => `SELECT * FROM agenda_jobs ${whereClause(filter)} ${tail}`;

/** The job a unique() constraint names, if it exists: the oldest, should two processes ever have raced. */
export const findUniqueSql = (filter: SqlFilter): string => selectJobsSql(filter, 'ORDER BY rowid LIMIT 1');

/** Soonest first, then the higher priority: the order jobs are handed to workers. */
const NEXT_JOB_ORDER = 'next_run_at ASC NULLS LAST, priority DESC';

/**
 * Unlocked and due by the next scan. The NULLS clause is left out: a due job has a run time, and
 * it would cost the index its order. Among jobs due at the same instant the random id decides,
 * not the order they were saved in: a meeting's nudges are saved together, and one person's five
 * reminders sent back to back would run into Slack's limit of a message a second to a channel,
 * whose 429 holds up every other send.
 */
export const NEXT_DUE_JOB_SQL = `SELECT id, next_run_at, priority FROM agenda_jobs
  WHERE name = @name AND locked_at IS NULL AND disabled = 0 AND next_run_at <= @nextScanAt
  ORDER BY next_run_at ASC, priority DESC, id LIMIT 1`;

/** Locked so long ago (before lockDeadline) that its worker must have died. */
export const EXPIRED_LOCK_SQL = `SELECT id, next_run_at, priority FROM agenda_jobs
  WHERE name = @name AND disabled = 0 AND locked_at <= @lockDeadline
  ORDER BY ${NEXT_JOB_ORDER} LIMIT 1`;

/**
 * Finds and locks one job in a single statement. The two kinds are asked for apart and the
 * sooner taken: one condition with an OR between them could use no index and read every job.
 */
export const LOCK_NEXT_JOB_SQL = `UPDATE agenda_jobs SET locked_at = @lockTime, last_modified_by = @modifiedBy
  WHERE id = (
    SELECT id FROM (SELECT * FROM (${NEXT_DUE_JOB_SQL}) UNION ALL SELECT * FROM (${EXPIRED_LOCK_SQL}))
    ORDER BY ${NEXT_JOB_ORDER} LIMIT 1
  )
  RETURNING *`;
