import type { AgendaBackend } from 'agenda';
import { SqliteJobRepository } from './sqlite-job-repository.js';

/**
 * Agenda's backend for the embedded mode: jobs in the same SQLite file as the store, through a
 * connection of its own. No notification channel: Agenda polls every processEvery, which is ample
 * for nudges measured in hours. No job log either (Agenda's `logging` stays off).
 */
export class SqliteBackend implements AgendaBackend {
  readonly name = 'SQLite';
  readonly ownsConnection = true;
  readonly repository: SqliteJobRepository;

  constructor(options: { filename: string }) {
    this.repository = new SqliteJobRepository(options.filename);
  }

  connect(): Promise<void> {
    return this.repository.connect();
  }

  disconnect(): Promise<void> {
    return this.repository.disconnect();
  }
}
