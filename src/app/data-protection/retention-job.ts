import type { Config } from '../../config.js';
import type { Logger } from '../../observability/logger.js';
import type { FailedJobStore } from '../../ports/retention-store.js';
import type { AppDeps } from '../deps.js';
import { runRetention } from './retention-run.js';

export const RETENTION_JOB = 'data-retention';

/**
 * The retention run as the scheduler runs it, every day at the council's `retention.dailyAt` (a
 * WeeklyJob with weekday `daily`, src/scheduler/weekly-jobs.ts). Meeting changes carry their audit
 * entries; the totals go to the log and the data protection log; ids only, never personal data.
 * The scheduler hands it its job store's failed jobs, which the run removes too.
 */
export function retentionJob(deps: Pick<AppDeps, 'store' | 'clock' | 'newId'>, config: Pick<Config, 'council' | 'timeZone'>, logger: Logger) {
  return {
    name: RETENTION_JOB,
    weekday: 'daily',
    time: config.council.retention.dailyAt,
    timeZone: config.timeZone,
    run: async ({ failedJobs }: { failedJobs: FailedJobStore }) => {
      const report = await runRetention({ ...deps, failedJobs, settings: config.council.retention }, { dryRun: false });
      logger.info({ component: 'retention', at: report.at, records: report.items.length }, 'retention run done');
    },
  } as const;
}
