import { boundedMemo } from '../memo.js';

/**
 * The bank holidays of one year in England and Wales (substitute days included), as "YYYY-MM-DD":
 * a port. The rules come from a library whose data costs a third of a second and tens of megabytes
 * to load, so the edge supplies them (src/bank-holidays.ts), loading it on the first date asked about.
 */
export type BankHolidays = (year: number) => ReadonlySet<string>;

const notInstalled: BankHolidays = () => {
  throw new Error('No bank holidays: call installBankHolidays() (src/bank-holidays.ts) before working days are counted');
};
let bankHolidaysSource = notInstalled;
const bankHolidaysByYear = new Map<number, ReadonlySet<string>>();
let edition = 0;

/** Working days in England and Wales: Monday to Friday, less the bank holidays `source` gives. */
export function useBankHolidays(source: BankHolidays): void {
  bankHolidaysSource = source;
  bankHolidaysByYear.clear();
  edition += 1;
}

/** Changes whenever the bank holidays do, so answers remembered from the old ones can be told apart. */
export const bankHolidaysEdition = (): number => edition;

function bankHolidaysOf(year: number): ReadonlySet<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    days = bankHolidaysSource(year);
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

/*
 * A calendar day has no time zone: plain UTC day arithmetic on "YYYY-MM-DD" is exact and far
 * cheaper than a zoned DateTime, and planning walks many days for each action.
 */
const DAY_MS = 86_400_000;

function utcMidnight(isoDate: string): number {
  const millis = Date.parse(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(millis)) throw new RangeError(`Not a valid date: ${isoDate}`);
  return millis;
}

/** ISO weekday, Monday 1 to Sunday 7. */
export const weekdayOf = (isoDate: string): number => ((new Date(utcMidnight(isoDate)).getUTCDay() + 6) % 7) + 1;

export const isBankHoliday = (isoDate: string): boolean => bankHolidaysOf(new Date(utcMidnight(isoDate)).getUTCFullYear()).has(isoDate);

export const isWorkingDay = (isoDate: string): boolean => weekdayOf(isoDate) <= 5 && !isBankHoliday(isoDate);

export const addCalendarDays = (isoDate: string, days: number): string => new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);

/** Each action asks for its reminder and escalation days: the same few dates and counts, over and over. */
const workingDayAnswers = boundedMemo<string>(10_000);

/**
 * The date `count` working days after (or, when negative, before) `isoDate`. The start day
 * itself does not count, whether or not it is a working day: two working days before Monday is
 * the Thursday before.
 */
export const addWorkingDays = (isoDate: string, count: number): string =>
  workingDayAnswers.get(`${edition}|${isoDate}|${count}`, () => {
    const step = Math.sign(count);
    let day = isoDate;
    for (let left = Math.abs(count); left > 0; ) {
      day = addCalendarDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  });
