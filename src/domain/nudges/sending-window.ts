import { DateTime } from 'luxon';
import { boundedMemo } from '../memo.js';
import { addCalendarDays, bankHolidaysEdition, isBankHoliday, weekdayOf } from './calendar.js';
import { atLocalTime, isoDateOf, toInstant } from './instants.js';
import type { NudgePreferences } from './preferences.js';
import type { NudgeSettings, QuietHours } from './settings.js';

const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

/** When one person may be nudged: the organisation's settings with their own choices on top. */
export interface SendingWindow {
  timeZone: string;
  timeOfDay: string;
  quietHours: QuietHours;
  days: ReadonlySet<number>;
  bankHolidays: boolean;
  /** Equal for two windows that allow exactly the same times. */
  key: string;
}

export function sendingWindow(timeZone: string, settings: NudgeSettings, preferences: NudgePreferences = {}): SendingWindow {
  const timeOfDay = preferences.timeOfDay ?? settings.sendTime;
  const quietHours = preferences.quietHours ?? settings.quietHours;
  const days = new Set(preferences.days ?? MONDAY_TO_FRIDAY);
  const bankHolidays = preferences.bankHolidays ?? false;
  const key = [timeZone, timeOfDay, quietHours.start, quietHours.end, [...days].sort().join(','), bankHolidays].join('|');
  return { timeZone, timeOfDay, quietHours, days, bankHolidays, key };
}

export const isSendingDay = (isoDate: string, window: SendingWindow): boolean =>
  window.days.has(weekdayOf(isoDate)) && (window.bankHolidays || !isBankHoliday(isoDate));

const minutesOf = (timeOfDay: string): number => Number(timeOfDay.slice(0, 2)) * 60 + Number(timeOfDay.slice(3, 5));

const minuteOfDay = (time: DateTime): number => time.hour * 60 + time.minute + time.second / 60 + time.millisecond / 60_000;

function isQuiet(time: DateTime, quiet: QuietHours): boolean {
  const now = minuteOfDay(time);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  // 18:00–08:00 wraps past midnight; 12:00–13:00 does not.
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** A time the person chose is theirs: it is allowed even inside the quiet hours. */
const isChosenTime = (time: DateTime, window: SendingWindow): boolean =>
  time.toFormat('HH:mm:ss.SSS') === `${window.timeOfDay}:00.000`;

function endOfQuiet(time: DateTime, quiet: QuietHours, timeZone: string): DateTime {
  const endsToday = minuteOfDay(time) < minutesOf(quiet.end);
  const day = isoDateOf(time);
  return atLocalTime(endsToday ? day : addCalendarDays(day, 1), quiet.end, timeZone);
}

/** Every day moves at least one step on, so a window with one sending day a week ends in a few dozen steps. */
const MAX_STEPS = 200;

export class NoSendingTimeError extends Error {
  override readonly name = 'NoSendingTimeError';
}

/**
 * The first moment at or after `instant` when the window allows a nudge: not on a day the
 * person does not take nudges (weekends and bank holidays by default), not in quiet hours.
 * All wall-clock reasoning happens in the window's time zone, so it holds across DST changes.
 */
export function nextAllowedSendingTime(instant: string, window: SendingWindow): string {
  let time: DateTime = DateTime.fromISO(instant, { zone: window.timeZone });
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (!isSendingDay(isoDateOf(time), window)) {
      time = time.plus({ days: 1 }).startOf('day');
    } else if (isChosenTime(time, window) || !isQuiet(time, window.quietHours)) {
      return toInstant(time);
    } else {
      time = endOfQuiet(time, window.quietHours, window.timeZone);
    }
  }
  throw new NoSendingTimeError(`No allowed sending time within ${MAX_STEPS} steps of ${instant}.`);
}

/** The first day from `isoDate` on (step 1) or before it (step -1) on which the person takes nudges. */
function sendingDayFrom(isoDate: string, window: SendingWindow, step: 1 | -1): string {
  let day = isoDate;
  while (!isSendingDay(day, window)) day = addCalendarDays(day, step);
  return day;
}

/**
 * Every action of a meeting asks this for the same few days and windows, and the zoned date
 * arithmetic behind it is most of what planning costs.
 */
const daySendingTimes = boundedMemo<string>(10_000);

/**
 * A day-based nudge: the person's time of day on that date or, if they take no nudges that day,
 * on their next day (09:00 on the Monday, not 08:00 when the quiet hours end).
 */
export const sendOnDay = (isoDate: string, window: SendingWindow): string =>
  daySendingTimes.get(`${bankHolidaysEdition()}|${window.key}|${isoDate}`, () => {
    const day = sendingDayFrom(isoDate, window, 1);
    return nextAllowedSendingTime(toInstant(atLocalTime(day, window.timeOfDay, window.timeZone)), window);
  });

/** The last day before `isoDate` on which the person takes nudges (a Friday for a Monday meeting). */
export const lastSendingDayBefore = (isoDate: string, window: SendingWindow): string =>
  sendingDayFrom(addCalendarDays(isoDate, -1), window, -1);
