import type { Agenda, JobWithState } from 'agenda';
import { z } from 'zod';
import { laterTurn } from '../app/later-turn.js';
import type { Meeting } from '../domain/model.js';
import type { Clock } from '../ports/clock.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import type { Planner } from './planner.js';
import { JOB_NAMES } from './scheduled-work.js';
import type { SchedulerStore } from './scheduler-ports.js';

export interface SyncOutcome {
  scheduled: number;
  cancelled: number;
}

export interface NudgeScheduler {
  /** Makes the meeting's jobs match what the policy wants now. Call it after every saved change. */
  syncMeeting(meeting: Meeting): Promise<SyncOutcome>;
}

export interface NudgeSchedulerDeps {
  agenda: Agenda;
  store: SchedulerStore;
  ledger: DeliveryLedger;
  clock: Clock;
  plan: Planner;
  runAt: (dueInstant: string) => Date;
}

const JobKeySchema = z.object({ key: z.string().min(1) });

/**
 * Jobs saved between two turns of the event loop. The SQLite backend is synchronous, so a plan of
 * thousands of jobs would otherwise run as one long chain of microtasks: no request answered and
 * no due nudge sent until the whole plan is in.
 */
const SAVES_PER_TURN = 100;

/** Waiting to run, or running now; a finished or given-up job is neither. */
const isLive = (job: JobWithState): boolean => job.nextRunAt !== null || job.lockedAt !== undefined;

/**
 * Re-plans a meeting's jobs from the policy: a moved due date, a done action or a cancelled
 * meeting removes the jobs nobody wants any more and adds the new ones; work already settled in
 * the ledger is not scheduled again. Syncs of one meeting run one after another, so a slow sync
 * of an old version cannot undo a newer one; and the newer of the given and the stored meeting is
 * planned, so a caller holding a stale copy cannot either.
 */
export function nudgeScheduler(deps: NudgeSchedulerDeps): NudgeScheduler {
  const queues = new Map<string, Promise<void>>();
  let savedThisTurn = 0;

  const newer = (given: Meeting, stored: Meeting | undefined): Meeting => (stored && stored.version > given.version ? stored : given);

  /**
   * Another process may save a newer version while this one plans an older; its own re-plan may
   * then finish before this one's cancellations, which would undo it. Reading the version again
   * after the changes, and planning once more if it moved, leaves the jobs of the newest version
   * whichever process finishes last.
   */
  async function sync(given: Meeting): Promise<SyncOutcome> {
    let meeting = newer(given, await deps.store.getMeeting(given.id));
    const total: SyncOutcome = { scheduled: 0, cancelled: 0 };
    for (;;) {
      const outcome = await planJobs(meeting);
      total.scheduled += outcome.scheduled;
      total.cancelled += outcome.cancelled;
      const stored = await deps.store.getMeeting(meeting.id);
      if (!stored || stored.version <= meeting.version) return total;
      meeting = stored;
    }
  }

  async function planJobs(meeting: Meeting): Promise<SyncOutcome> {
    const planned = await deps.plan(meeting, deps.clock.now());
    const plannedKeys = new Set(planned.map((work) => work.key));
    const settled = await deps.ledger.settledKeys(meeting.id);
    const { jobs } = await deps.agenda.queryJobs({ names: Object.values(JOB_NAMES), data: { meetingId: meeting.id } });

    const kept = new Set<string>();
    const unwanted = jobs.filter((job) => {
      const key = JobKeySchema.safeParse(job.data).data?.key;
      const keep = key !== undefined && plannedKeys.has(key) && !kept.has(key) && isLive(job);
      if (keep) kept.add(key);
      // A job running now is left to finish: its run reads the plan again and sends nothing unwanted, and Agenda removes it when done.
      // Removed under it, Agenda's save of its outcome fails as a scheduler error.
      return !keep && job.lockedAt === undefined;
    });
    if (unwanted.length > 0) await deps.agenda.cancel({ ids: unwanted.map((job) => job._id) });

    const missing = planned.filter((work) => !kept.has(work.key) && !settled.has(work.key));
    for (const work of missing) {
      // insertOnly: a concurrent sync (another process) that got there first wins, once.
      await deps.agenda
        .create(JOB_NAMES[work.work], work)
        .unique({ 'data.key': work.key }, { insertOnly: true })
        .schedule(deps.runAt(work.dueInstant))
        .save();
      savedThisTurn += 1;
      if (savedThisTurn >= SAVES_PER_TURN) {
        savedThisTurn = 0;
        await laterTurn();
      }
    }
    return { scheduled: missing.length, cancelled: unwanted.length };
  }

  return {
    syncMeeting(meeting) {
      const previous = queues.get(meeting.id) ?? Promise.resolve();
      const run = previous.then(() => sync(meeting));
      // The queue only waits for its turn: each sync's outcome, failure included, goes to its own caller.
      const turn = run.then(
        () => undefined,
        () => undefined,
      );
      queues.set(meeting.id, turn);
      void turn.then(() => {
        if (queues.get(meeting.id) === turn) queues.delete(meeting.id);
      });
      return run;
    },
  };
}
