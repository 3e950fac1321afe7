import type { DebounceOptions, JobParameters } from 'agenda';

/**
 * A debounced unique job as it is to be saved, the way Agenda's official backends do it:
 * trailing (the default) pushes the run to `delay` after the latest save, unless the window
 * opened more than `maxWait` ago, when it runs now; leading keeps the first save's run time
 * and only takes the new data.
 */
export function debounced(job: JobParameters, debounce: DebounceOptions, existing: JobParameters | undefined, now: Date): JobParameters {
  const leading = debounce.strategy === 'leading';
  if (existing === undefined) {
    return leading ? { ...job, debounceStartedAt: now } : { ...job, nextRunAt: new Date(now.getTime() + debounce.delay), debounceStartedAt: now };
  }
  const startedAt = existing.debounceStartedAt ?? now;
  if (leading) return { ...job, nextRunAt: existing.nextRunAt ?? null, debounceStartedAt: startedAt };
  if (debounce.maxWait && now.getTime() - startedAt.getTime() >= debounce.maxWait) {
    return { ...job, nextRunAt: now, debounceStartedAt: undefined };
  }
  return { ...job, nextRunAt: new Date(now.getTime() + debounce.delay), debounceStartedAt: startedAt };
}
