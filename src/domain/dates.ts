import { DateTime } from 'luxon';
import { boundedMemo } from './memo.js';

/** PEP dates are calendar days in the meeting's time zone (Europe/London unless configured). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** A task due on a day is overdue once that day has ended where the meeting is held. */
export function endOfLocalDay(isoDate: string, timeZone: string): string {
  const day = DateTime.fromISO(isoDate, { zone: timeZone });
  return day.plus({ days: 1 }).startOf('day').toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/**
 * Milliseconds since the epoch. Rules compare instants through this, never as ISO text: the same
 * instant is written with or without milliseconds, in UTC or with an offset, and the text of
 * "09:00:00.500Z" sorts before "09:00:00Z".
 */
export const millis = (instant: string): number => parsedInstants.get(instant, () => parseInstant(instant));

function parseInstant(instant: string): number {
  const time = DateTime.fromISO(instant, { setZone: true });
  if (!time.isValid) throw new RangeError(`Not an instant: "${instant}" (${time.invalidExplanation ?? 'unknown reason'})`);
  return time.toMillis();
}

/**
 * Planning compares the same few instants over and over (every sort of a meeting's nudges), and
 * parsing ISO text is most of its cost.
 */
const parsedInstants = boundedMemo<number>(10_000);

/** Earliest first, for sort(). */
export const byInstant = (a: string, b: string): number => millis(a) - millis(b);

export const localDate = (instant: string, timeZone: string): string =>
  localDates.get(`${timeZone}|${instant}`, () => DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toISODate() ?? '');

/** Each plan reads the meeting's start and every invitation's day again. */
const localDates = boundedMemo<string>(10_000);

export const isValidTimeZone = (zone: string): boolean => DateTime.local().setZone(zone).isValid;

/** "Friday 13 March 2026": a calendar day (already in the meeting's time zone) as people read it. */
export const writtenDay = (isoDate: string): string =>
  writtenDays.get(isoDate, () => DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-GB' }).toFormat('cccc d LLLL yyyy'));

/** Every card of actions writes each one's due day: a few distinct days, each formatted once. */
const writtenDays = boundedMemo<string>(10_000);
