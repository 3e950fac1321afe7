import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE, writtenDay } from '../domain/dates.js';

/**
 * Dates are formatted here, once, rather than with the Adaptive Cards DATE()/TIME() functions:
 * Slack and the plain-text fallback could not evaluate those, and every reader is in the UK.
 */
const LOCALE = 'en-GB';

/** "Friday 13 March 2026": the domain writes days the same way in its own messages. */
export const formatDay = writtenDay;

/** "Tuesday 10 March 2026, 10:00 to 11:00", with the zone named only when it is not UK time. */
export function formatMeetingTime(startsAt: string, durationMinutes: number, timeZone: string): string {
  const start = DateTime.fromISO(startsAt, { setZone: true }).setZone(timeZone).setLocale(LOCALE);
  const end = start.plus({ minutes: durationMinutes });
  const zone = timeZone === DEFAULT_TIME_ZONE ? '' : ` (${start.toFormat('ZZZZ')})`;
  return `${start.toFormat('cccc d LLLL yyyy, HH:mm')} to ${end.toFormat('HH:mm')}${zone}`;
}

/** Choice titles must fit Slack's 75-character option text; the value still carries the full id. */
export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
