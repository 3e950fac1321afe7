import { addCalendarDays, isWorkingDay } from '../nudges/calendar.js';
import type { Term } from './calendar-settings.js';

/**
 * School days from the council's term dates: a working day (Monday to Friday, less England and
 * Wales bank holidays, as src/domain/nudges/calendar.ts knows them) inside a term and outside its
 * half-term. A date beyond every configured term (the council has not published that year yet)
 * counts as a school day if it is a working day, so a due date is never pushed out to infinity.
 */

const termOf = (date: string, terms: readonly Term[]): Term | undefined => terms.find((term) => term.start <= date && date <= term.end);

const beyondTerms = (date: string, terms: readonly Term[]): boolean => terms.length === 0 || date > (terms.at(-1)?.end ?? '') || date < (terms[0]?.start ?? '');

export function isSchoolHoliday(date: string, terms: readonly Term[]): boolean {
  if (beyondTerms(date, terms)) return false;
  const term = termOf(date, terms);
  return !term || (term.halfTermStart <= date && date <= term.halfTermEnd);
}

export const isSchoolDay = (date: string, terms: readonly Term[]): boolean => isWorkingDay(date) && !isSchoolHoliday(date, terms);

/** The date `count` school days after `date` (the day itself does not count, as with working days). */
export function addSchoolDays(date: string, count: number, terms: readonly Term[]): string {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addCalendarDays(day, 1);
    if (isSchoolDay(day, terms)) left -= 1;
  }
  return day;
}

/** The last school day strictly before `date`. */
export function lastSchoolDayBefore(date: string, terms: readonly Term[]): string {
  let day = addCalendarDays(date, -1);
  while (!isSchoolDay(day, terms)) day = addCalendarDays(day, -1);
  return day;
}

/** The first day of the school holiday that `date` falls in, or undefined in term time (weekends and bank holidays in term are not holidays). */
export function holidayStartOf(date: string, terms: readonly Term[]): string | undefined {
  if (!isSchoolHoliday(date, terms)) return undefined;
  let day = date;
  while (isSchoolHoliday(addCalendarDays(day, -1), terms)) day = addCalendarDays(day, -1);
  return day;
}

/** The end of the first half of the first term that starts after `date`, as its last school day before half-term. */
export function firstHalfEndOfTermAfter(date: string, terms: readonly Term[]): string | undefined {
  const next = terms.find((term) => term.start > date);
  return next ? lastSchoolDayBefore(next.halfTermStart, terms) : undefined;
}
