import type { Agenda } from 'agenda';

/**
 * Counts jobs between Agenda's 'start' and 'complete' events, so stopping can wait for a send
 * under way to finish and be recorded before the connections close.
 */
export function trackRuns(agenda: Agenda) {
  let running = 0;
  const waiters = new Set<() => void>();
  agenda.on('start', () => {
    running += 1;
  });
  agenda.on('complete', () => {
    running -= 1;
    if (running === 0) for (const wake of waiters) wake();
  });

  return {
    /** Resolves true once nothing runs, or false when the timeout comes first. */
    idle(timeoutMs: number): Promise<boolean> {
      if (running === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (idle: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(idle);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(wake);
      });
    },
    get running(): number {
      return running;
    },
  };
}
