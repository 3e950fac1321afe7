import type { JobRepository, JobWithState, JobsQueryOptions } from 'agenda';
import type { HeldRecord } from '../domain/data-protection/held-records.js';
import type { FailedJobStore } from '../ports/retention-store.js';

type GivenUp = JobWithState & { failedAt: Date };

/**
 * Failed by Agenda's own reckoning (computeJobState: not running, failed no earlier than it last
 * finished) and with no next run: the backoff has no retry left, or there was none.
 */
const givenUp = (job: JobWithState): job is GivenUp => job.state === 'failed' && job.nextRunAt == null && job.failedAt instanceof Date;

/**
 * The retention run's view of failed jobs, through Agenda v6's JobRepository (our SQLite backend
 * and @agendajs/mongo-backend alike): queryJobs with `state: 'failed'` to list them, removeJobs by
 * id to remove them. Agenda filters a state in memory after reading the jobs, so each page reads
 * them all: the run is daily, and the store holds the jobs still to run, not those that ran.
 * Nothing revives a job that gave up (a re-plan saves a new job, with a new id), and removal asks
 * again first, so a job given a next run meanwhile is left.
 */
export function failedJobs(jobs: Pick<JobRepository, 'queryJobs' | 'removeJobs'>): FailedJobStore {
  const listGivenUp = async (options: JobsQueryOptions = {}): Promise<GivenUp[]> => (await jobs.queryJobs({ ...options, state: 'failed' })).jobs.filter(givenUp);

  return {
    async heldRecords({ before, after = '', limit }) {
      const cutoff = Date.parse(before);
      const records: HeldRecord[] = (await listGivenUp())
        .filter((job) => job.failedAt.getTime() < cutoff)
        .map((job) => ({ key: String(job._id), at: job.failedAt.toISOString() }))
        .filter((record) => record.key > after);
      return records.sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, limit);
    },
    async removeHeld(keys) {
      if (keys.length === 0) return 0;
      const still = await listGivenUp({ ids: [...keys] });
      return still.length === 0 ? 0 : jobs.removeJobs({ ids: still.map((job) => job._id) });
    },
  };
}
