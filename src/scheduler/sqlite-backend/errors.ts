/** The SQLite backend's refusals, each a class so callers and tests can tell them apart. */

export class SqliteBackendNotConnectedError extends Error {
  override readonly name = 'SqliteBackendNotConnectedError';

  constructor() {
    super('The SQLite scheduler backend is not connected: call connect() first, and do not use it after disconnect().');
  }
}

/** saveJobState on a job that is gone (removed while it ran, for instance). */
export class JobNotFoundError extends Error {
  override readonly name = 'JobNotFoundError';

  constructor(id: string, jobName: string) {
    super(`Job ${id} (${jobName}) cannot be updated: it is no longer in the database.`);
  }
}

/** An Agenda feature or query shape this backend does not implement, named rather than ignored. */
export class UnsupportedJobOptionError extends Error {
  override readonly name = 'UnsupportedJobOptionError';
}

/** A row that does not match the table's schema: written by hand or by another release. */
export class StoredJobError extends Error {
  override readonly name = 'StoredJobError';
}
