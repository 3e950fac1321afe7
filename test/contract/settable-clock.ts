import type { Clock } from '../../src/ports/clock.js';

/** A clock the contract sets, so it can check the instants a store stamps. */
export interface SettableClock extends Clock {
  set(instant: string): void;
}

export function settableClock(start: string): SettableClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (instant) => {
      now = new Date(instant);
    },
  };
}
