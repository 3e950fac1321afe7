import { describe, expect, it } from 'vitest';
import { ENGLAND_DEFAULT_TERMS } from '../../../src/domain/child/calendar-settings.js';
import { addSchoolDays, firstHalfEndOfTermAfter, holidayStartOf, isSchoolDay } from '../../../src/domain/child/school-days.js';

const terms = ENGLAND_DEFAULT_TERMS;

describe('school days from the term dates', () => {
  it('are term-time weekdays outside half-term and bank holidays', () => {
    expect(isSchoolDay('2026-10-23', terms)).toBe(true);
    expect(isSchoolDay('2026-10-26', terms)).toBe(false); // autumn half-term
    expect(isSchoolDay('2026-05-04', terms)).toBe(false); // early May bank holiday, in term
    expect(isSchoolDay('2026-08-03', terms)).toBe(false); // summer holiday
    expect(isSchoolDay('2026-10-24', terms)).toBe(false); // Saturday
  });

  it('count across a half-term: 10 school days from Friday 23 October 2026 end on Friday 13 November', () => {
    expect(addSchoolDays('2026-10-23', 10, terms)).toBe('2026-11-13');
  });

  it('beyond every listed term count as working days, so a due date is never out of reach', () => {
    expect(addSchoolDays('2028-08-01', 10, terms)).toBe('2028-08-15');
    expect(addSchoolDays('2025-08-01', 2, terms)).toBe('2025-08-05');
  });

  it('know where a holiday starts and where the first half of the next term ends', () => {
    expect(holidayStartOf('2026-12-30', terms)).toBe('2026-12-19');
    expect(holidayStartOf('2026-12-18', terms)).toBeUndefined();
    expect(firstHalfEndOfTermAfter('2026-12-01', terms)).toBe('2027-02-12');
    expect(firstHalfEndOfTermAfter('2028-06-01', terms)).toBeUndefined();
  });
});
