import { DateTime } from 'luxon';
import { boundedMemo } from '../memo.js';

/** Instants leave the policy as UTC ISO strings ("2026-03-30T08:00:00Z"), like the rest of the model. */
export function toInstant(time: DateTime): string {
  const iso = time.toUTC().toISO({ suppressMilliseconds: true });
  if (iso === null) throw new RangeError(`Not a valid time: ${time.invalidExplanation ?? 'unknown reason'}`);
  return iso;
}

/** The calendar day of a time, in its own zone. */
export function isoDateOf(time: DateTime): string {
  const date = time.toISODate();
  if (date === null) throw new RangeError(`Not a valid date: ${time.invalidExplanation ?? 'unknown reason'}`);
  return date;
}

/** A wall-clock time ("09:00") on a calendar day where the meeting is held. */
export const atLocalTime = (isoDate: string, timeOfDay: string, timeZone: string): DateTime =>
  DateTime.fromISO(`${isoDate}T${timeOfDay}`, { zone: timeZone });

/** Asked for every action's due day on every plan: a handful of distinct days, each worked out once. */
const localDayStarts = boundedMemo<string>(10_000);

export const startOfLocalDay = (isoDate: string, timeZone: string): string =>
  localDayStarts.get(`${timeZone}|${isoDate}`, () => toInstant(DateTime.fromISO(isoDate, { zone: timeZone })));
