import { DateTime } from 'luxon';
import { isWorkingDay } from '../../src/domain/nudges/calendar.js';

/** A working day two weeks or more ahead, as a person would type it ("30 December 2026"). */
export function aWorkingDayAhead(): string {
  let day = DateTime.utc().plus({ days: 14 });
  while (!isWorkingDay(day.toISODate()!)) day = day.plus({ days: 1 });
  return day.toFormat('d LLLL yyyy');
}
