import type Holidays from 'date-holidays';
import { useBankHolidays } from './domain/nudges/calendar.js';
import { packageRequire } from './package-root.js';

/**
 * England and Wales bank holidays from date-holidays, whose data ships inside the package, so no
 * lookup leaves the process. Its data for every country costs a third of a second and about 25 MB,
 * so it is required on the first date asked about, not at start-up (test/server/lazy-loading.test.ts).
 * Observances such as Mother's Day are not days off: only public and bank holidays count.
 */
let englandAndWales: Holidays | undefined;

function englandAndWalesBankHolidays(year: number): ReadonlySet<string> {
  englandAndWales ??= new (packageRequire('date-holidays') as typeof Holidays)('GB', 'ENG', { types: ['public', 'bank'] });
  // Holiday.date is "YYYY-MM-DD hh:mm:ss" in the country's own time: the calendar day we want.
  return new Set(englandAndWales.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
}

/** Gives the domain's working-day rules their bank holidays; every entry point calls it once. */
export function installBankHolidays(): void {
  useBankHolidays(englandAndWalesBankHolidays);
}
