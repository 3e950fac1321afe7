import type { Config } from '../../config.js';
import type { Logger } from '../../observability/logger.js';
import type { CardDelivery } from '../delivery.js';
import type { AppDeps } from '../deps.js';
import { caseloadReader } from './load-caseload.js';
import { sendCaseloadDigest } from './send-caseload-digest.js';

export const CASELOAD_DIGEST_JOB = 'caseload-digest';

/** The digest as the scheduler runs it (a WeeklyJob, src/scheduler/weekly-jobs.ts): on the day and at the time in the council's caseload settings. */
export function caseloadDigestJob(deps: AppDeps, delivery: CardDelivery, config: Pick<Config, 'council' | 'timeZone' | 'publicBaseUrl'>, logger: Logger) {
  const { digest } = config.council.caseload;
  return {
    name: CASELOAD_DIGEST_JOB,
    weekday: digest.weekday,
    time: digest.time,
    timeZone: config.timeZone,
    run: async () => {
      await sendCaseloadDigest({
        loadRows: caseloadReader(deps, config.council.calendar, config.timeZone),
        officers: config.council.officers,
        delivery,
        clock: deps.clock,
        timeZone: config.timeZone,
        caseloadUrl: `${config.publicBaseUrl}/caseload`,
        logger: logger.child({ component: 'caseload-digest' }),
      });
    },
  };
}
