import type { Database } from 'better-sqlite3';

export interface SchedulerMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The scheduler's tables, beside the store's in the same file but with their own list, so the
 * two evolve independently. Applied in order, each once; never edit one that has shipped.
 * Instants are milliseconds since the epoch: they sort and compare as numbers.
 */
export const SCHEDULER_MIGRATIONS: readonly SchedulerMigration[] = [
  {
    version: 1,
    name: 'agenda jobs',
    sql: `
      CREATE TABLE agenda_jobs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        priority INTEGER NOT NULL DEFAULT 0,
        type TEXT NOT NULL CHECK (type IN ('normal', 'single')),
        next_run_at INTEGER,
        locked_at INTEGER,
        last_run_at INTEGER,
        last_finished_at INTEGER,
        failed_at INTEGER,
        fail_count INTEGER,
        fail_reason TEXT,
        -- Agenda accepts a number of milliseconds or a human/cron string: ANY keeps which it was.
        repeat_interval ANY,
        repeat_timezone TEXT,
        repeat_at TEXT,
        data TEXT,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        progress REAL,
        fork INTEGER NOT NULL DEFAULT 0 CHECK (fork IN (0, 1)),
        last_modified_by TEXT,
        debounce_started_at INTEGER,
        start_date INTEGER,
        end_date INTEGER,
        skip_days TEXT
      ) STRICT;
      -- .every() keeps one job per name: the upsert's conflict target.
      CREATE UNIQUE INDEX agenda_jobs_single ON agenda_jobs (name) WHERE type = 'single';
      CREATE INDEX agenda_jobs_next ON agenda_jobs (name, disabled, next_run_at, priority);
      CREATE INDEX agenda_jobs_locked ON agenda_jobs (locked_at) WHERE locked_at IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'indexes for the hot job queries',
    // Every nudge job has the same name, so the name index narrowed nothing: each save's unique
    // check and each meeting's look-up read every job. The expressions are exactly those
    // job-filters.ts writes for INDEXED_DATA_PATHS (SQLite matches them as text);
    // test/scheduler/job-query-plans.test.ts fails if a hot query stops using an index.
    sql: `
      CREATE INDEX agenda_jobs_data_key ON agenda_jobs (json_extract(data, '$."key"'));
      CREATE INDEX agenda_jobs_data_meeting ON agenda_jobs (json_extract(data, '$."meetingId"'));
      -- Due and free to take: the next job comes off the front, never stepping over locked ones.
      -- The random id last: jobs due at one instant go in no particular order (see job-queries.ts).
      CREATE INDEX agenda_jobs_due ON agenda_jobs (name, next_run_at, priority DESC, id) WHERE locked_at IS NULL AND disabled = 0;
      -- Locks of a name, oldest first: the ones whose worker died.
      CREATE INDEX agenda_jobs_locked_by_name ON agenda_jobs (name, locked_at) WHERE locked_at IS NOT NULL;
    `,
  },
];

/** IMMEDIATE takes the write lock first, so two processes starting on one file apply each migration once. */
export function applySchedulerMigrations(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS scheduler_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const appliedVersions = db.prepare<[], number>('SELECT version FROM scheduler_migrations').pluck();
  const record = db.prepare<[number, string, string]>('INSERT INTO scheduler_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    const applied = new Set(appliedVersions.all());
    for (const migration of SCHEDULER_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
