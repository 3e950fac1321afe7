import type { Job } from 'agenda';
import type { Meeting } from '../domain/model.js';
import type { Clock } from '../ports/clock.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import { deliverWhenDue } from './deliver-once.js';
import type { AttemptResult, DeliverOnceOutcome } from './deliver-once.js';
import type { Planner } from './planner.js';
import { ScheduledWorkSchema, plannedNudgeOf } from './scheduled-work.js';
import type { ScheduledWork } from './scheduled-work.js';
import type { NudgeSender, PrepareNextMeeting, SchedulerLogger, SchedulerStore, UndeliverableHandler } from './scheduler-ports.js';

export interface ScheduledWorkJobDeps {
  store: SchedulerStore;
  ledger: DeliveryLedger;
  clock: Clock;
  plan: Planner;
  runAt: (dueInstant: string) => Date;
  resync: (meeting: Meeting) => Promise<unknown>;
  sender: NudgeSender;
  onUndeliverable: UndeliverableHandler;
  prepareNextMeeting: PrepareNextMeeting;
  maxRetries: number;
  logger: SchedulerLogger;
  /** Told each settled outcome, for the progress lines in the log. */
  progress: (outcome: DeliverOnceOutcome) => void;
}

interface Performance {
  attempt: () => Promise<AttemptResult>;
  giveUp: (reason: string) => Promise<void> | void;
}

function perform(work: ScheduledWork, meeting: Meeting, deps: ScheduledWorkJobDeps): Performance {
  if (work.work === 'next-meeting') {
    return {
      attempt: async () => {
        await deps.prepareNextMeeting(work.meetingId);
        return { ok: true };
      },
      giveUp: (reason) => deps.logger.error({ key: work.key, meetingId: work.meetingId, reason }, 'the next PEP could not be prepared'),
    };
  }
  const nudge = plannedNudgeOf(work);
  return {
    attempt: async () => {
      const delivery = await deps.sender(nudge, meeting);
      return delivery.delivered ? { ok: true, ref: delivery.ref } : { ok: false, reason: delivery.reason, retryable: delivery.retryable };
    },
    giveUp: (reason) => deps.onUndeliverable(nudge, reason),
  };
}

/**
 * What runs when a job wakes: it trusts nothing in the job but ids. It reads the meeting again
 * and asks the policy again, because the action may have been done, moved or the meeting
 * cancelled since the job was planned; only then does it deliver, once, through the ledger.
 */
export function scheduledWorkJob(deps: ScheduledWorkJobDeps): (job: Job) => Promise<void> {
  return async (job) => {
    const work = ScheduledWorkSchema.parse(job.attrs.data);
    const fields = { key: work.key, meetingId: work.meetingId, jobId: String(job.attrs._id) };
    const meeting = await deps.store.getMeeting(work.meetingId);
    if (!meeting) {
      deps.logger.warn(fields, 'scheduled work dropped: the meeting no longer exists');
      return;
    }
    const now = deps.clock.now();
    if (!(await deps.plan(meeting, now)).some((planned) => planned.key === work.key)) {
      deps.logger.info(fields, 'scheduled work dropped: no longer planned');
      await deps.resync(meeting);
      return;
    }
    const outcome = await deliverWhenDue(job, { instant: work.dueInstant, now, runAt: deps.runAt }, {
      ledger: deps.ledger,
      key: work.key,
      maxRetries: deps.maxRetries,
      ...perform(work, meeting, deps),
    });
    if (!outcome) return;
    deps.logger.info({ ...fields, outcome }, 'scheduled work done');
    deps.progress(outcome);
    // A digest that has gone makes room for the one after next.
    if (work.work === 'nudge' && work.kind === 'weekly_digest') await deps.resync(meeting);
  };
}
