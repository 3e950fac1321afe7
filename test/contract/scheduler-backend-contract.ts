import type { AgendaBackend, JobRepository } from 'agenda';
import { afterEach, beforeEach, describe } from 'vitest';
import { agendaContract } from './scheduler-backend-agenda.js';
import { repositoryContract } from './scheduler-backend-repository.js';

export interface SchedulerBackendContractOptions {
  name: string;
  /** A new, unconnected backend on an empty database of its own; the suite connects it. */
  create: () => Promise<AgendaBackend>;
  /** Disconnects the backend (it may be disconnected already) and removes its database. */
  cleanup: (backend: AgendaBackend) => Promise<void>;
  /** Why the suite cannot run here: the reason becomes part of the suite's name. */
  skip?: string;
  /**
   * How the backend keeps what a failing handler threw: 'text' (a column of text, SQLite) or
   * 'as thrown' (the value itself, MongoDB's documents).
   */
  failReasons: FailReasonStorage;
}

export type FailReasonStorage = 'text' | 'as thrown';

export interface BackendUnderTest {
  backend: AgendaBackend;
  repository: JobRepository;
}

/**
 * The contract every Agenda backend we run on passes, in the shape of agenda v6's shared
 * suites: each backend's test file is one call. It pins down what the scheduler relies on
 * (locking, lock expiry, next-job order, repeat, disable/enable, remove, unique jobs), first
 * through the JobRepository, then through a real Agenda.
 */
export function schedulerBackendContract({ name, create, cleanup, skip, failReasons }: SchedulerBackendContractOptions): void {
  const title = skip === undefined ? name : `${name} — SKIPPED: ${skip}`;

  describe.skipIf(skip !== undefined)(title, () => {
    let current: BackendUnderTest | undefined;
    const subject = (): BackendUnderTest => {
      if (!current) throw new Error('The backend was not created: see the beforeEach failure.');
      return current;
    };

    beforeEach(async () => {
      const backend = await create();
      await backend.connect();
      current = { backend, repository: backend.repository };
    });

    afterEach(async () => {
      if (current) await cleanup(current.backend);
      current = undefined;
    });

    repositoryContract(subject, failReasons);
    agendaContract(subject, failReasons);
  });
}
