import type { Agenda } from 'agenda';
import type { FailedJobStore } from '../ports/retention-store.js';
import { failedJobs } from './failed-jobs.js';
import type { SchedulerLogger } from './scheduler-ports.js';

/** What the scheduler hands a weekly job when it runs: its own job store's failed jobs (for the retention run). */
export interface WeeklyJobContext {
  failedJobs: FailedJobStore;
}

/**
 * Work that runs once a week at a set day and time in a time zone (the caseload digest), as one
 * repeating Agenda job kept in the same job store as the nudges: every process defines it, one
 * runs it each week (Agenda's lock), and a restart keeps the same job rather than adding another.
 */
export interface WeeklyJob {
  name: string;
  /** `daily` runs it every day at `time` (the retention run). */
  weekday: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday' | 'daily';
  /** HH:MM */
  time: string;
  timeZone: string;
  run(context: WeeklyJobContext): Promise<void>;
}

const CRON_DAYS = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, daily: '*' } as const;

/** "minute hour * * weekday", the cron line Agenda repeats on. */
export function weeklyCron(job: Pick<WeeklyJob, 'weekday' | 'time'>): string {
  const [hour, minute] = job.time.split(':').map(Number);
  return `${minute} ${hour} * * ${CRON_DAYS[job.weekday]}`;
}

/** Before agenda.start(): what each weekly job does. A failure is logged and tried again next week. */
export function defineWeeklyJobs(agenda: Agenda, jobs: readonly WeeklyJob[], logger: SchedulerLogger): void {
  const context: WeeklyJobContext = { failedJobs: failedJobs(agenda.db) };
  for (const job of jobs) {
    agenda.define(job.name, async () => {
      try {
        await job.run(context);
      } catch (error) {
        logger.error({ err: error, job: job.name }, 'weekly job failed: it runs again next week');
      }
    });
  }
}

/** After agenda.start(): (re)sets each job's day and time, so a changed setting takes effect on restart. */
export async function scheduleWeeklyJobs(agenda: Agenda, jobs: readonly WeeklyJob[]): Promise<void> {
  for (const job of jobs) await agenda.every(weeklyCron(job), job.name, undefined, { timezone: job.timeZone, skipImmediate: true });
}
