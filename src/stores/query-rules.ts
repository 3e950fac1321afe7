import { z } from 'zod';
import { byInstant, millis } from '../domain/dates.js';
import { refuse } from '../domain/errors.js';
import type { ActionStatus, Meeting } from '../domain/model.js';

/** Actions that still need someone to act: a blocked action is still owed. */
export const DUE_STATUSES: readonly ActionStatus[] = ['open', 'blocked'];

const Instant = z.iso.datetime({ offset: true });

/**
 * Instants may carry any offset (…T01:00:00+01:00 is …T00:00:00Z), so stores compare them as
 * milliseconds since the epoch, never as strings. Once checked, an instant is in the date-time
 * format Date.parse reads exactly as luxon does (to the millisecond), at a fraction of the cost:
 * each save queues messages stamped with a new instant, which luxon's cache never holds.
 */
export function instantMillis(instant: string): number {
  if (!Instant.safeParse(instant).success) {
    refuse('VALIDATION.INVALID_INPUT', `"${instant}" is not an ISO 8601 instant with a time zone offset.`, { instant });
  }
  const parsed = Date.parse(instant);
  return Number.isNaN(parsed) ? millis(instant) : parsed;
}

/** Meeting lists are chronological in every store; the id breaks ties so the order is stable. */
export const byStartThenId = (a: Meeting, b: Meeting): number =>
  byInstant(a.startsAt, b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
