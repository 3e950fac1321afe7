import type { Clock } from '../ports/clock.js';

/**
 * Agenda keeps time by the system clock; the policy by the injected Clock. A due instant becomes
 * the Agenda run time that is as far from the system's now as the instant is from the Clock's.
 * In production both are the system clock and this is the instant itself; a test with a fixed
 * Clock gets its due work at once and its future work out of the way.
 */
export const agendaTime =
  (clock: Clock) =>
  (dueInstant: string): Date =>
    new Date(Date.now() + (Date.parse(dueInstant) - clock.now().getTime()));
