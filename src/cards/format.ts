import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE, writtenDay } from '../domain/dates.js';
import { boundedMemo } from '../domain/memo.js';

/**
 * Dates are formatted here, once, rather than with the Adaptive Cards DATE()/TIME() functions:
 * Slack and the plain-text fallback could not evaluate those, and every reader is in the UK.
 */
const LOCALE = 'en-GB';

/** "Friday 13 March 2026": the domain writes days the same way in its own messages. */
export const formatDay = writtenDay;

/** "Tuesday 10 March 2026, 10:00 to 11:00", with the zone named only when it is not UK time. */
export const formatMeetingTime = (startsAt: string, durationMinutes: number, timeZone: string): string =>
  meetingTimes.get(`${timeZone}|${durationMinutes}|${startsAt}`, () => {
    const start = DateTime.fromISO(startsAt, { setZone: true }).setZone(timeZone).setLocale(LOCALE);
    const end = start.plus({ minutes: durationMinutes });
    const zone = timeZone === DEFAULT_TIME_ZONE ? '' : ` (${start.toFormat('ZZZZ')})`;
    return `${start.toFormat('cccc d LLLL yyyy, HH:mm')} to ${end.toFormat('HH:mm')}${zone}`;
  });

/** Every card about a meeting says when it is: zoned formatting costs more than the rest of drawing such a card. */
const meetingTimes = boundedMemo<string>(1_000);

export interface HeldTimes {
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  startedAt?: string | undefined;
  concludedAt?: string | undefined;
}

/**
 * When a meeting was actually held: from its start to its close, which need not be the booked
 * time. Meetings started before the start was recorded say when they closed, or, older still,
 * when they were booked for.
 */
export function formatHeldTime(m: HeldTimes): string {
  const local = (instant: string) => DateTime.fromISO(instant, { setZone: true }).setZone(m.timeZone).setLocale(LOCALE);
  const zone = (at: DateTime) => (m.timeZone === DEFAULT_TIME_ZONE ? '' : ` (${at.toFormat('ZZZZ')})`);
  const day = 'cccc d LLLL yyyy';
  if (!m.concludedAt) return formatMeetingTime(m.startedAt ?? m.startsAt, m.durationMinutes, m.timeZone);
  const end = local(m.concludedAt);
  if (!m.startedAt) return `${end.toFormat(day)}, closed at ${end.toFormat('HH:mm')}${zone(end)}`;
  const start = local(m.startedAt);
  const until = start.hasSame(end, 'day') ? end.toFormat('HH:mm') : end.toFormat(`${day}, HH:mm`);
  return `${start.toFormat(`${day}, HH:mm`)} to ${until}${zone(start)}`;
}

/** Choice titles must fit Slack's 75-character option text; the value still carries the full id. */
export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
