import type { HeldRecord, RecordSource } from '../domain/data-protection/held-records.js';

/** Sources whose records the store itself removes; closed meetings and secure links change through saveMeeting, with an audit entry. */
export type RemovableSource = Exclude<RecordSource, 'closed-meeting' | 'secure-link'>;

/**
 * What the retention run (src/app/data-protection/retention-run.ts) asks of a store: its records a
 * page at a time, and removal by key. Both stores pass test/contract/store-contract-retention.ts.
 */
export interface RetentionStore {
  /**
   * The source's records in key order, after `after`, at most `limit`. Every record dated before
   * `before` is listed (a store may list later ones too: the pure policy decides what has expired).
   * Pending outbox rows are never listed.
   */
  heldRecords(source: RecordSource, page: { before: string; after?: string; limit: number }): Promise<HeldRecord[]>;
  /**
   * Removes the records with these keys and says how many went. An anonymised meeting goes with
   * its whole audit trail, its outbox rows and its index rows, in one unit of work; a child with
   * their whole audit trail, in one unit of work, and only while none of their meetings is left.
   */
  removeHeld(source: RemovableSource, keys: readonly string[]): Promise<number>;
  /**
   * Empties the `data` of these audit entries of the meeting (to `{ redacted: reason }`); the
   * entries stay, in order, with their id, time, actor, type and summary. Returns how many changed.
   */
  redactAudit(meetingId: string, eventIds: readonly string[], reason: 'erasure' | 'retention'): Promise<number>;
  /**
   * Makes what was removed or replaced unreadable in the store's files too (SQLite: the write-ahead
   * log is checkpointed and truncated; freed pages are zeroed as they are freed, secure_delete).
   */
  forgetRemoved(): Promise<void>;
}

/**
 * The scheduler's jobs that failed and gave up (no next run: no retry is coming) as the retention
 * run sees them: keyed by job id, dated by when they last failed, in key order as heldRecords
 * lists. A job that failed but will be retried, or is running, is never listed nor removed. Both
 * scheduler backends pass test/contract/scheduler-backend-repository.ts (src/scheduler/failed-jobs.ts).
 */
export interface FailedJobStore {
  heldRecords(page: { before: string; after?: string; limit: number }): Promise<HeldRecord[]>;
  /** Removes those of these jobs that are still failed with no next run; says how many went. */
  removeHeld(keys: readonly string[]): Promise<number>;
}
