import type { DeliverOnceOutcome } from './deliver-once.js';
import type { SchedulerLogger } from './scheduler-ports.js';

/**
 * A line in the log every `every` pieces of work done, with the running totals and the pace since
 * the line before, so an operator watching a large catch-up (thousands of overdue nudges going
 * out at the platforms' rate limits) sees it move and can tell how long is left.
 */
export function progressLog(logger: SchedulerLogger, every: number, now: () => number = () => performance.now()) {
  const totals: Record<DeliverOnceOutcome, number> = { delivered: 0, undeliverable: 0, 'already-settled': 0 };
  let done = 0;
  let lineAt = now();
  return (outcome: DeliverOnceOutcome): void => {
    totals[outcome] += 1;
    done += 1;
    if (done % every !== 0) return;
    const at = now();
    const perSecond = Math.round((every / Math.max(at - lineAt, 1)) * 1000 * 10) / 10;
    lineAt = at;
    logger.info({ done, ...totals, perSecond }, `scheduled work: ${done} done (${totals.delivered} delivered), ${perSecond} per second`);
  };
}
