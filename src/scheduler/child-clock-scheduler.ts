import type { Agenda, Job } from 'agenda';
import type { StatutoryStatus } from '../domain/child/statutory-clock.js';
import type { Clock } from '../ports/clock.js';
import { childClockWork, CHILD_CLOCK_JOB, ChildClockWorkSchema } from './child-clock-work.js';
import type { ChildClockWork } from './child-clock-work.js';
import { deliverOnce } from './deliver-once.js';
import type { AttemptResult } from './deliver-once.js';
import type { Delivery } from '../ports/messenger.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import { childAuditKey } from '../domain/child/child-record.js';
import type { SchedulerLogger } from './scheduler-ports.js';

/** What the composition gives the clock: where a child stands now, and how its notices go out. */
export interface ChildClockPorts {
  /** The child's statutory status now; undefined for a child with no record. */
  statusOf: (childRef: string) => Promise<StatutoryStatus | undefined>;
  /** Sends the nudge or breach notice (organiser and officers); a throw or a retryable failure is retried. */
  notify: (work: ChildClockWork) => Promise<Delivery>;
}

export interface ChildClockDeps extends ChildClockPorts {
  agenda: Agenda;
  ledger: DeliveryLedger;
  clock: Clock;
  runAt: (dueInstant: string) => Date;
  maxRetries: number;
  logger: SchedulerLogger;
}

/** A job woken this much before its instant (clock skew between workers) runs anyway. */
const EARLY_TOLERANCE_MS = 60_000;

/**
 * The statutory clock's jobs. Like a meeting's nudges: a sync makes the child's jobs match what
 * the clock wants now, and a job that wakes asks again before it sends, once, through the ledger.
 */
export function childClockScheduler(deps: ChildClockDeps) {
  const wanted = async (childRef: string): Promise<ChildClockWork[]> => {
    const status = await deps.statusOf(childRef);
    return status ? childClockWork(childRef, status) : [];
  };

  async function syncChild(childRef: string): Promise<{ scheduled: number; cancelled: number }> {
    const planned = await wanted(childRef);
    const plannedKeys = new Set(planned.map((work) => work.key));
    const settled = await deps.ledger.settledKeys(childAuditKey(childRef));
    const { jobs } = await deps.agenda.queryJobs({ name: CHILD_CLOCK_JOB, data: { childRef } });
    const kept = new Set<string>();
    const unwanted = jobs.filter((job) => {
      const key = ChildClockWorkSchema.safeParse(job.data).data?.key;
      const keep = key !== undefined && plannedKeys.has(key) && !kept.has(key) && (job.nextRunAt !== null || job.lockedAt !== undefined);
      if (keep) kept.add(key);
      return !keep && job.lockedAt === undefined;
    });
    if (unwanted.length > 0) await deps.agenda.cancel({ ids: unwanted.map((job) => job._id) });
    const missing = planned.filter((work) => !kept.has(work.key) && !settled.has(work.key));
    for (const work of missing) {
      await deps.agenda.create(CHILD_CLOCK_JOB, work).unique({ 'data.key': work.key }, { insertOnly: true }).schedule(deps.runAt(work.dueInstant)).save();
    }
    return { scheduled: missing.length, cancelled: unwanted.length };
  }

  async function run(job: Job): Promise<void> {
    const work = ChildClockWorkSchema.parse(job.attrs.data);
    const fields = { key: work.key, childRef: work.childRef, jobId: String(job.attrs._id) };
    if (!(await wanted(work.childRef)).some((planned) => planned.key === work.key)) {
      deps.logger.info(fields, 'statutory clock work dropped: no longer due (a PEP was held or the date moved)');
      await syncChild(work.childRef);
      return;
    }
    if (Date.parse(work.dueInstant) - deps.clock.now().getTime() > EARLY_TOLERANCE_MS) {
      job.schedule(deps.runAt(work.dueInstant));
      return;
    }
    const outcome = await deliverOnce({
      ledger: deps.ledger,
      key: work.key,
      failuresSoFar: job.attrs.failCount ?? 0,
      maxRetries: deps.maxRetries,
      attempt: async (): Promise<AttemptResult> => {
        const sent = await deps.notify(work);
        return sent.delivered ? { ok: true, ...(sent.ref ? { ref: sent.ref } : {}) } : { ok: false, reason: sent.reason, retryable: sent.retryable };
      },
      giveUp: (reason) => deps.logger.error({ ...fields, reason }, 'statutory clock notice could not be delivered'),
    });
    deps.logger.info({ ...fields, outcome }, 'statutory clock work done');
  }

  return { syncChild, run };
}
