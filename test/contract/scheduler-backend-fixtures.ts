import type { JobParameters } from 'agenda';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;

export const inMs = (ms: number): Date => new Date(Date.now() + ms);

/** A plain one-off job, due a minute ago unless told otherwise. */
export const aJob = (overrides: Partial<JobParameters> = {}): JobParameters => ({
  name: 'contract-job',
  priority: 0,
  nextRunAt: inMs(-MINUTE),
  type: 'normal',
  data: {},
  ...overrides,
});

/** Polls until the check passes or the deadline is reached: no fixed sleeps. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 5 * SECOND): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
