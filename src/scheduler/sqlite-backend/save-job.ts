import { randomUUID } from 'node:crypto';
import type { JobParameters } from 'agenda';
import type { Database } from 'better-sqlite3';
import { debounced } from './debounce.js';
import { uniqueFilter } from './job-filters.js';
import { findUniqueSql } from './job-queries.js';
import { prepared } from './prepared.js';
import { insertColumns, jobFromRow, ownedColumns, toMillis } from './job-rows.js';
import type { OwnedColumns } from './job-rows.js';

type Columns = Record<string, unknown>;

const assignments = (columns: Columns, except: readonly string[] = []): string =>
  Object.keys(columns)
    .filter((column) => !except.includes(column))
    .map((column) => `${column} = @${column}`)
    .join(', ');

function insert(db: Database, job: JobParameters, lastModifiedBy: string | undefined): JobParameters {
  const columns = insertColumns(randomUUID(), job, lastModifiedBy);
  const names = Object.keys(columns);
  const row = prepared(db, `INSERT INTO agenda_jobs (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')}) RETURNING *`).get(columns);
  return jobFromRow(row);
}

function updateOwned(db: Database, id: string, columns: OwnedColumns): JobParameters | undefined {
  const row = prepared(db, `UPDATE agenda_jobs SET ${assignments(columns, ['name'])} WHERE id = @id AND name = @name RETURNING *`).get({ ...columns, id });
  return row === undefined ? undefined : jobFromRow(row);
}

/**
 * .every() saves a 'single' job: one per name, updated in place. A caller's nextRunAt already in
 * the past does not replace a scheduled one, so restarting a process does not run it early.
 */
function upsertSingle(db: Database, job: JobParameters, lastModifiedBy: string | undefined, now: Date): JobParameters {
  const columns = insertColumns(randomUUID(), job, lastModifiedBy);
  const names = Object.keys(columns);
  const nextRunAt = toMillis(job.nextRunAt);
  const keepScheduled = nextRunAt !== null && nextRunAt <= now.getTime();
  const updated = ['priority', 'repeat_interval', 'repeat_timezone', 'repeat_at', 'data', 'disabled', 'fork', 'last_modified_by', 'start_date', 'end_date', 'skip_days'];
  const row = db
    .prepare(
      `INSERT INTO agenda_jobs (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})
       ON CONFLICT (name) WHERE type = 'single' DO UPDATE SET
         ${updated.map((column) => `${column} = excluded.${column}`).join(', ')},
         next_run_at = ${keepScheduled ? 'COALESCE(agenda_jobs.next_run_at, excluded.next_run_at)' : 'excluded.next_run_at'}
       RETURNING *`,
    )
    .get(columns);
  return jobFromRow(row);
}

/**
 * Insert-if-absent or upsert on a unique() constraint, inside one write transaction so it holds
 * across processes; a debounced save always updates (insertOnly gives way, as in Agenda's backends).
 */
function saveUnique(db: Database, job: JobParameters, unique: Record<string, unknown>, lastModifiedBy: string | undefined, now: Date): JobParameters {
  const debounce = job.uniqueOpts?.debounce;
  const filter = uniqueFilter(job.name, unique);
  const findExisting = prepared(db, findUniqueSql(filter));
  return db
    .transaction((): JobParameters => {
      const existing = findExisting.get(...filter.params);
      const found = existing === undefined ? undefined : jobFromRow(existing);
      const toSave = debounce ? debounced(job, debounce, found, now) : job;
      if (found === undefined) return insert(db, toSave, lastModifiedBy);
      if (job.uniqueOpts?.insertOnly && !debounce) return found;
      return updateOwned(db, String(found._id), ownedColumns(toSave, lastModifiedBy)) ?? found;
    })
    .immediate();
}

/** JobRepository.saveJob: update by id, upsert a 'single' job, honour unique(), or insert. */
export function saveJob(db: Database, job: JobParameters, lastModifiedBy: string | undefined, now: Date): JobParameters {
  if (job._id) return updateOwned(db, String(job._id), ownedColumns(job, lastModifiedBy)) ?? job;
  if (job.type === 'single') return upsertSingle(db, job, lastModifiedBy, now);
  if (job.unique) return saveUnique(db, job, job.unique, lastModifiedBy, now);
  return insert(db, job, lastModifiedBy);
}
