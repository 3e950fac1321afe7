import { randomUUID } from 'node:crypto';
import { Agenda, InMemoryNotificationChannel, exponential } from 'agenda';
import type { Job } from 'agenda';
import { installBankHolidays } from '../bank-holidays.js';
import { NudgeSettingsSchema } from '../domain/nudges/index.js';
import type { NudgeSettingsInput, PlannedNudge } from '../domain/nudges/index.js';
import type { Meeting } from '../domain/model.js';
import type { Clock } from '../ports/clock.js';
import { agendaTime } from './agenda-time.js';
import { childClockScheduler } from './child-clock-scheduler.js';
import type { ChildClockPorts } from './child-clock-scheduler.js';
import { CHILD_CLOCK_JOB } from './child-clock-work.js';
import { deliveryLedger } from './delivery-ledger.js';
import { openJobBackend } from './job-backend.js';
import type { JobStoreConfig } from './job-backend.js';
import { nudgeScheduler } from './nudge-scheduler.js';
import type { NudgeScheduler } from './nudge-scheduler.js';
import { planner } from './planner.js';
import { progressLog } from './progress-log.js';
import { preferencesFromStore } from './preferences-source.js';
import type { PreferencesSource } from './preferences-source.js';
import { trackRuns } from './run-tracker.js';
import { JOB_NAMES, plannedNudgeOf } from './scheduled-work.js';
import { scheduledWorkJob } from './scheduled-work-job.js';
import type { WeeklyJob } from './weekly-jobs.js';
import { defineWeeklyJobs, scheduleWeeklyJobs } from './weekly-jobs.js';
import type { NudgeSender, PrepareNextMeeting, SchedulerLogger, SchedulerStore, UndeliverableHandler } from './scheduler-ports.js';

export interface SchedulerTuning {
  /** How often Agenda looks for due jobs. */
  processEveryMs: number;
  /** How long a job stays locked to one worker; a crashed worker's jobs run again after it. */
  lockLifetimeMs: number;
  /** Jobs of one kind running at once in this process. */
  concurrency: number;
  /** First delay before retrying a retryable failure; it doubles with each retry. */
  retryDelayMs: number;
  /** Retries before a retryable failure is reported as undeliverable. */
  maxRetries: number;
  /** How long stop() waits for sends under way. */
  stopTimeoutMs: number;
  /**
   * Jobs of one kind this process holds locked at once, running or next in line. Agenda's local
   * queue costs time in proportion to its length for each job it hands out, so a catch-up of
   * thousands of due jobs locked at once would grow with their square.
   */
  lockLimit: number;
  /** A progress line in the log every this many pieces of work done. */
  progressEvery: number;
}

/** Retries at 1, 2, 4, 8 and 16 minutes: a 429 or a timeout has half an hour to clear. */
export const DEFAULT_TUNING: SchedulerTuning = {
  processEveryMs: 10_000,
  lockLifetimeMs: 10 * 60_000,
  concurrency: 5,
  retryDelayMs: 60_000,
  maxRetries: 5,
  stopTimeoutMs: 10_000,
  lockLimit: 20,
  progressEvery: 100,
};

export interface StartSchedulerOptions {
  jobs: JobStoreConfig;
  /** The open MeetingStore: meetings are read from it and the delivery ledger kept in it. */
  store: SchedulerStore;
  clock: Clock;
  sender: NudgeSender;
  onUndeliverable: UndeliverableHandler;
  prepareNextMeeting: PrepareNextMeeting;
  logger?: SchedulerLogger;
  settings?: NudgeSettingsInput;
  /** Defaults to the store's `nudge-preferences` entries. */
  preferences?: PreferencesSource;
  tuning?: Partial<SchedulerTuning>;
  /** The statutory clock's nudges and breach notices, per child; without it, syncChild plans nothing. */
  childClock?: ChildClockPorts;
  /** Work done once a week at a set time (the caseload digest). */
  weekly?: readonly WeeklyJob[];
}

export interface RunningScheduler extends NudgeScheduler {
  /** Makes the child's statutory clock jobs match their status now. Call it after every change to the child or their meetings. */
  syncChild(childRef: string): Promise<{ scheduled: number; cancelled: number }>;
  /** The meeting's nudges still to go: what the policy plans now, less what the ledger has settled. */
  planned(meeting: Meeting): Promise<PlannedNudge[]>;
  /** Stops taking jobs, lets sends under way finish (up to stopTimeoutMs), closes the job connection. Safe to call twice. */
  stop(): Promise<void>;
}

/** Errors and warnings still reach stderr when no logger is given; routine news does not. */
const stderrLogger: SchedulerLogger = {
  info: () => undefined,
  warn: (fields, message) => console.warn(message, fields),
  error: (fields, message) => console.error(message, fields),
};

export async function startScheduler(options: StartSchedulerOptions): Promise<RunningScheduler> {
  // Planning counts working days: a process that runs only the scheduler needs the bank holidays too.
  installBankHolidays();
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const logger = options.logger ?? stderrLogger;
  const { clock, store } = options;
  const settings = NudgeSettingsSchema.parse(options.settings ?? {});
  const plan = planner(settings, options.preferences ?? preferencesFromStore(store));
  const ledger = deliveryLedger(store, clock);
  const runAt = agendaTime(clock);

  const opened = await openJobBackend(options.jobs);
  // Agenda looks for due jobs on each poll and when told of one. Told in this process, of every
  // job saved here, a nudge due now goes as soon as its job is saved, not at the next poll: the
  // first nudges of a long plan are sent while the rest is still being planned.
  const wake = new InMemoryNotificationChannel();
  const agenda = new Agenda({
    backend: opened.backend,
    notificationChannel: wake,
    name: `pep-bot-${randomUUID().slice(0, 8)}`,
    processEvery: tuning.processEveryMs,
    defaultLockLifetime: tuning.lockLifetimeMs,
    defaultConcurrency: tuning.concurrency,
  });
  agenda.on('error', (error) => logger.error({ err: error }, 'scheduler error'));
  agenda.on('fail', (error: Error, job) =>
    logger.warn({ job: job.attrs.name, jobId: String(job.attrs._id), failCount: job.attrs.failCount, reason: error.message }, 'scheduled job failed'),
  );
  agenda.on('retry exhausted', (error, job) =>
    logger.error({ job: job.attrs.name, jobId: String(job.attrs._id), reason: error.message }, 'scheduled job gave up: the next sync of its meeting plans it again'),
  );
  const runs = trackRuns(agenda);
  // With lockLimit jobs in hand, Agenda takes more only on a poll or a notification: one after each
  // run keeps the queue topped up, so due work flows at the sender's pace rather than a batch a poll.
  // On the next turn, when the finished job no longer counts against the limit.
  agenda.on('complete', (job: Job) =>
    setImmediate(() => {
      if (wake.state !== 'connected' || job.attrs._id === undefined) return;
      void wake.publish({ jobId: job.attrs._id, jobName: job.attrs.name, nextRunAt: new Date(), priority: job.attrs.priority, timestamp: new Date() }).catch((error: unknown) => logger.error({ err: error }, 'scheduler could not ask for the next job'));
    }),
  );

  const scheduler = nudgeScheduler({ agenda, store, ledger, clock, plan, runAt });
  const handler = scheduledWorkJob({
    store,
    ledger,
    clock,
    plan,
    runAt,
    resync: (meeting) => scheduler.syncMeeting(meeting),
    sender: options.sender,
    onUndeliverable: options.onUndeliverable,
    prepareNextMeeting: options.prepareNextMeeting,
    maxRetries: tuning.maxRetries,
    logger,
    progress: progressLog(logger, tuning.progressEvery),
  });
  // The ledger, not Agenda's row, remembers what was sent: finished jobs are removed.
  const definition = {
    backoff: exponential({ delay: tuning.retryDelayMs, factor: 2, maxRetries: tuning.maxRetries }),
    removeOnComplete: true,
    lockLimit: tuning.lockLimit,
  };
  for (const name of Object.values(JOB_NAMES)) agenda.define(name, handler, definition);
  const childClock = options.childClock
    ? childClockScheduler({ ...options.childClock, agenda, ledger, clock, runAt, maxRetries: tuning.maxRetries, logger })
    : undefined;
  if (childClock) agenda.define(CHILD_CLOCK_JOB, childClock.run, definition);
  defineWeeklyJobs(agenda, options.weekly ?? [], logger);

  try {
    await agenda.start();
    await scheduleWeeklyJobs(agenda, options.weekly ?? []);
  } catch (error) {
    await opened.close();
    throw error;
  }

  async function stop(): Promise<void> {
    // Jobs locked but not started are unlocked for the next start; one-off jobs already running keep going.
    await agenda.stop(false);
    if (!(await runs.idle(tuning.stopTimeoutMs))) {
      logger.warn({ running: runs.running }, 'scheduler stopped with sends under way: their jobs run again after the lock lifetime');
    }
    await opened.close();
  }
  let stopping: Promise<void> | undefined;

  async function planned(meeting: Meeting): Promise<PlannedNudge[]> {
    const settled = await ledger.settledKeys(meeting.id);
    const work = await plan(meeting, clock.now());
    return work.flatMap((item) => (item.work === 'nudge' && !settled.has(item.key) ? [plannedNudgeOf(item)] : []));
  }

  return {
    planned,
    syncMeeting: (meeting) => scheduler.syncMeeting(meeting),
    syncChild: async (childRef) => (childClock ? childClock.syncChild(childRef) : { scheduled: 0, cancelled: 0 }),
    stop: () => (stopping ??= stop()),
  };
}
