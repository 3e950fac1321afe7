import { inspect } from 'node:util';
import { toJobId } from 'agenda';
import type { JobParameters } from 'agenda';
import { z } from 'zod';
import { StoredJobError } from './errors.js';

const Millis = z.number().int().nullable();
const Flag = z.union([z.literal(0), z.literal(1)]);

const JobRowSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  priority: z.number().int(),
  type: z.enum(['normal', 'single']),
  next_run_at: Millis,
  locked_at: Millis,
  last_run_at: Millis,
  last_finished_at: Millis,
  failed_at: Millis,
  fail_count: z.number().int().nullable(),
  fail_reason: z.string().nullable(),
  repeat_interval: z.union([z.string(), z.number()]).nullable(),
  repeat_timezone: z.string().nullable(),
  repeat_at: z.string().nullable(),
  data: z.string().nullable(),
  disabled: Flag,
  progress: z.number().nullable(),
  fork: Flag,
  last_modified_by: z.string().nullable(),
  debounce_started_at: Millis,
  start_date: Millis,
  end_date: Millis,
  skip_days: z.string().nullable(),
});

const SkipDaysSchema = z.array(z.number().int().min(0).max(6));

const date = (millis: number | null): Date | undefined => (millis === null ? undefined : new Date(millis));
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function parseJson(text: string, what: string, id: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoredJobError(`The ${what} of job ${id} is not valid JSON.`, { cause: error });
  }
}

/** A row read back, checked against the table's shape, as Agenda's JobParameters (absent fields stay undefined). */
export function jobFromRow(value: unknown): JobParameters {
  const parsed = JobRowSchema.safeParse(value);
  if (!parsed.success) throw new StoredJobError(`A stored job does not match its schema: ${z.prettifyError(parsed.error)}`);
  const row = parsed.data;
  return {
    _id: toJobId(row.id),
    name: row.name,
    priority: row.priority,
    type: row.type,
    nextRunAt: row.next_run_at === null ? null : new Date(row.next_run_at),
    lockedAt: date(row.locked_at),
    lastRunAt: date(row.last_run_at),
    lastFinishedAt: date(row.last_finished_at),
    failedAt: date(row.failed_at),
    failCount: orUndefined(row.fail_count),
    failReason: orUndefined(row.fail_reason),
    repeatInterval: orUndefined(row.repeat_interval),
    repeatTimezone: orUndefined(row.repeat_timezone),
    repeatAt: orUndefined(row.repeat_at),
    data: row.data === null ? undefined : parseJson(row.data, 'data', row.id),
    disabled: row.disabled === 1,
    progress: orUndefined(row.progress),
    fork: row.fork === 1,
    lastModifiedBy: orUndefined(row.last_modified_by),
    debounceStartedAt: date(row.debounce_started_at),
    startDate: date(row.start_date),
    endDate: date(row.end_date),
    skipDays: row.skip_days === null ? undefined : SkipDaysSchema.parse(parseJson(row.skip_days, 'skipDays', row.id)),
  };
}

/** Agenda hands dates as Date, but a job built from stored JSON may carry an ISO string. */
export const toMillis = (value: Date | string | null | undefined): number | null =>
  value === null || value === undefined ? null : new Date(value).getTime();

/**
 * Agenda keeps an Error's message but anything else a handler throws as it is (an object,
 * undefined); the column holds text, and a value SQLite cannot bind would leave the job locked.
 */
function failReasonText(job: JobParameters): string | null {
  const reason: unknown = job.failReason;
  if (typeof reason === 'string') return reason;
  if ((reason === undefined || reason === null) && job.failedAt === undefined) return null;
  return inspect(reason);
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The columns a caller of saveJob owns; the processor's (lock, runs, progress) it leaves alone. */
export function ownedColumns(job: JobParameters, lastModifiedBy: string | undefined) {
  return {
    name: job.name,
    priority: job.priority,
    type: job.type,
    next_run_at: toMillis(job.nextRunAt),
    repeat_interval: job.repeatInterval ?? null,
    repeat_timezone: job.repeatTimezone ?? null,
    repeat_at: job.repeatAt ?? null,
    data: json(job.data),
    disabled: job.disabled === true ? 1 : 0,
    fork: job.fork === true ? 1 : 0,
    fail_count: job.failCount ?? null,
    fail_reason: failReasonText(job),
    failed_at: toMillis(job.failedAt),
    last_modified_by: lastModifiedBy ?? null,
    debounce_started_at: toMillis(job.debounceStartedAt),
    start_date: toMillis(job.startDate),
    end_date: toMillis(job.endDate),
    skip_days: json(job.skipDays),
  };
}
export type OwnedColumns = ReturnType<typeof ownedColumns>;

/** Every column of a new row: a job can arrive already locked or run, e.g. when copied between queues. */
export const insertColumns = (id: string, job: JobParameters, lastModifiedBy: string | undefined) => ({
  id,
  ...ownedColumns(job, lastModifiedBy),
  locked_at: toMillis(job.lockedAt),
  last_run_at: toMillis(job.lastRunAt),
  last_finished_at: toMillis(job.lastFinishedAt),
  progress: job.progress ?? null,
});

/** The processor's columns, written by saveJobState after each run. */
export const stateColumns = (job: JobParameters, lastModifiedBy: string | undefined) => ({
  locked_at: toMillis(job.lockedAt),
  next_run_at: toMillis(job.nextRunAt),
  last_run_at: toMillis(job.lastRunAt),
  last_finished_at: toMillis(job.lastFinishedAt),
  progress: job.progress ?? null,
  fail_reason: failReasonText(job),
  fail_count: job.failCount ?? null,
  failed_at: toMillis(job.failedAt),
  last_modified_by: lastModifiedBy ?? null,
});
