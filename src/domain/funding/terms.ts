import type { Term } from './funding-request.js';

/**
 * The academic year and term a day falls in, as PP+ spend is counted: the year starts on
 * 1 September; autumn is September to December, spring January to March, summer April to August.
 * (Term dates proper are the statutory clock's calendar setting; money is counted by these fixed
 * months so a council's holiday dates never move spend between terms.)
 */
export function academicTermOf(isoDate: string): { academicYear: string; term: Term } {
  const [year, month] = isoDate.slice(0, 7).split('-').map(Number) as [number, number];
  const startYear = month >= 9 ? year : year - 1;
  const term: Term = month >= 9 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
  return { academicYear: `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`, term };
}
