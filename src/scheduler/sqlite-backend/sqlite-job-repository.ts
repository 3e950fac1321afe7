import { computeJobState } from 'agenda';
import type {
  JobId,
  JobParameters,
  JobRepository,
  JobRepositoryOptions,
  JobsOverview,
  JobsQueryOptions,
  JobsResult,
  JobWithState,
  RemoveJobsOptions,
} from 'agenda';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { JobNotFoundError, SqliteBackendNotConnectedError } from './errors.js';
import { orderBy, queryFilter, selectionFilter, whereClause } from './job-filters.js';
import type { SqlFilter, SqlValue } from './job-filters.js';
import { jobFromRow, stateColumns, toMillis } from './job-rows.js';
import { LOCK_NEXT_JOB_SQL, selectJobsSql } from './job-queries.js';
import { applySchedulerMigrations } from './migrations.js';
import { prepared } from './prepared.js';
import { saveJob } from './save-job.js';

/** How long a write waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

const ids = (jobIds: readonly (JobId | string)[]): string[] => jobIds.map(String);
const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/**
 * Agenda's JobRepository on a SQLite file, on its own connection beside the store's. better-sqlite3
 * is synchronous and every method is one statement or one IMMEDIATE transaction, so each is
 * atomic even with other processes on the same file: a job is locked by exactly one worker, and a
 * worker that died leaves a lock that expires (lockedAt older than the lock lifetime) and is taken again.
 */
export class SqliteJobRepository implements JobRepository {
  #db: SqliteDatabase | undefined;

  constructor(private readonly filename: string) {}

  private get db(): SqliteDatabase {
    if (!this.#db) throw new SqliteBackendNotConnectedError();
    return this.#db;
  }

  async connect(): Promise<void> {
    if (this.#db) return;
    const db = new Database(this.filename, { timeout: BUSY_TIMEOUT_MS });
    try {
      // First, so even switching the journal mode waits for another process opening the file.
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      applySchedulerMigrations(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;
  }

  async disconnect(): Promise<void> {
    this.#db?.close();
    this.#db = undefined;
  }

  private select(filter: SqlFilter, tail = '', tailParams: SqlValue[] = []): JobParameters[] {
    return prepared(this.db, selectJobsSql(filter, tail)).all(...filter.params, ...tailParams).map(jobFromRow);
  }

  private count(filter: SqlFilter): number {
    const row = prepared(this.db, `SELECT COUNT(*) AS n FROM agenda_jobs ${whereClause(filter)}`).get(...filter.params) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  async queryJobs(options: JobsQueryOptions = {}): Promise<JobsResult> {
    const { state, skip = 0, limit = 0 } = options;
    const now = new Date();
    const filter = queryFilter(options);
    const withState = (job: JobParameters): JobWithState => ({ ...job, _id: job._id as JobId, state: computeJobState(job, now) });
    if (!state) {
      // Without a state filter the page can be cut in SQL; LIMIT -1 means no limit.
      const page = this.select(filter, `ORDER BY ${orderBy(options.sort)} LIMIT ? OFFSET ?`, [limit > 0 ? limit : -1, skip]);
      // An uncut page is every match: counting them again would read them twice.
      const whole = limit <= 0 && skip === 0;
      return { jobs: page.map(withState), total: whole ? page.length : this.count(filter) };
    }
    // The state is computed from several fields, so it is filtered here, then paged.
    const matching = this.select(filter, `ORDER BY ${orderBy(options.sort)}`)
      .map(withState)
      .filter((job) => (state === 'paused' ? job.disabled === true : job.state === state));
    return { jobs: matching.slice(skip, limit > 0 ? skip + limit : undefined), total: matching.length };
  }

  async getJobsOverview(): Promise<JobsOverview[]> {
    const now = new Date();
    const overviews = new Map<string, JobsOverview>();
    for (const job of this.select({ conditions: [], params: [] }, 'ORDER BY name')) {
      const overview = overviews.get(job.name) ?? { name: job.name, total: 0, running: 0, scheduled: 0, queued: 0, completed: 0, failed: 0, repeating: 0, paused: 0 };
      overview.total += 1;
      overview[computeJobState(job, now)] += 1;
      if (job.disabled) overview.paused += 1;
      overviews.set(job.name, overview);
    }
    return [...overviews.values()];
  }

  async getDistinctJobNames(): Promise<string[]> {
    return this.db.prepare<[], string>('SELECT DISTINCT name FROM agenda_jobs ORDER BY name').pluck().all();
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    const row = this.db.prepare('SELECT * FROM agenda_jobs WHERE id = ?').get(id);
    return row === undefined ? null : jobFromRow(row);
  }

  async getQueueSize(): Promise<number> {
    return this.count({ conditions: ['next_run_at < ?'], params: [Date.now()] });
  }

  private updateSelected(options: RemoveJobsOptions, statement: (where: string) => string): number {
    const filter = selectionFilter(options);
    if (!filter) return 0;
    return this.db.prepare(statement(whereClause(filter))).run(...filter.params).changes;
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    return this.updateSelected(options, (where) => `DELETE FROM agenda_jobs ${where}`);
  }

  async disableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.updateSelected(options, (where) => `UPDATE agenda_jobs SET disabled = 1 ${where}`);
  }

  async enableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.updateSelected(options, (where) => `UPDATE agenda_jobs SET disabled = 0 ${where}`);
  }

  async purgeAllJobs(): Promise<number> {
    return this.db.prepare('DELETE FROM agenda_jobs').run().changes;
  }

  async saveJob<DATA = unknown>(job: JobParameters<DATA>, options: JobRepositoryOptions | undefined): Promise<JobParameters<DATA>> {
    return saveJob(this.db, job as JobParameters, options?.lastModifiedBy, new Date()) as JobParameters<DATA>;
  }

  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) throw new JobNotFoundError('(no id)', job.name);
    const columns = stateColumns(job, options?.lastModifiedBy);
    const set = Object.keys(columns).map((column) => `${column} = @${column}`).join(', ');
    const { changes } = prepared(this.db, `UPDATE agenda_jobs SET ${set} WHERE id = @id AND name = @name`).run({ ...columns, id: String(job._id), name: job.name });
    if (changes !== 1) throw new JobNotFoundError(String(job._id), job.name);
  }

  /** Locks the job only if it is still as the caller saw it: unlocked, enabled, due at the same time. */
  async lockJob(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<JobParameters | undefined> {
    if (!job._id) return undefined;
    const row = this.db
      .prepare(
        `UPDATE agenda_jobs SET locked_at = ?, last_modified_by = ?
         WHERE id = ? AND name = ? AND locked_at IS NULL AND next_run_at IS ? AND disabled = 0 RETURNING *`,
      )
      .get(Date.now(), options?.lastModifiedBy ?? null, String(job._id), job.name, toMillis(job.nextRunAt));
    return row === undefined ? undefined : jobFromRow(row);
  }

  /** A running one-off job has no nextRunAt; its lock is left for the run to clear. */
  async unlockJob(job: JobParameters): Promise<void> {
    if (!job._id) return;
    this.db.prepare('UPDATE agenda_jobs SET locked_at = NULL WHERE id = ? AND next_run_at IS NOT NULL').run(String(job._id));
  }

  async unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    if (jobIds.length === 0) return;
    this.db.prepare(`UPDATE agenda_jobs SET locked_at = NULL WHERE id IN (${placeholders(jobIds.length)})`).run(...ids(jobIds));
  }

  /** Finds and locks one job: unlocked and due by the next scan, or with a lock that expired. */
  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const row = prepared(this.db, LOCK_NEXT_JOB_SQL).get({
      lockTime: (now ?? new Date()).getTime(),
      modifiedBy: options?.lastModifiedBy ?? null,
      name: jobName,
      nextScanAt: nextScanAt.getTime(),
      lockDeadline: lockDeadline.getTime(),
    });
    return row === undefined ? undefined : jobFromRow(row);
  }
}
