import { afterEach, describe, expect, it } from 'vitest';
import { installBankHolidays } from '../../../src/bank-holidays.js';
import { useBankHolidays } from '../../../src/domain/nudges/calendar.js';
import { addWorkingDays, isBankHoliday, isWorkingDay } from '../../../src/domain/nudges/index.js';

describe('England and Wales working days', () => {
  it.each([
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day, substitute day (26th is a Saturday)'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2027-03-29', 'Easter Monday'],
  ])('knows %s is a bank holiday (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it('does not count observances, ordinary weekdays or weekends as bank holidays', () => {
    expect(isBankHoliday('2026-03-15')).toBe(false); // Mother's Day: a Sunday observance
    expect(isBankHoliday('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-26')).toBe(false);
  });

  it('counts working days over Christmas in both directions, not counting the start day', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-29', -2)).toBe('2026-12-23');
    expect(addWorkingDays('2026-03-23', -2)).toBe('2026-03-19');
    expect(addWorkingDays('2026-03-21', 0)).toBe('2026-03-21');
  });

  it('puts 15 school days before a review on 20 January 2027 on 29 December 2026', () => {
    expect(addWorkingDays('2027-01-20', -15)).toBe('2026-12-29');
  });

  describe('with another source of bank holidays', () => {
    afterEach(installBankHolidays);

    it('counts the days the installed source gives, asking it once a year', () => {
      const asked: number[] = [];
      useBankHolidays((year) => {
        asked.push(year);
        return new Set([`${year}-06-01`]);
      });
      expect(isBankHoliday('2026-06-01')).toBe(true);
      expect(isBankHoliday('2026-12-25')).toBe(false);
      expect(addWorkingDays('2026-05-29', 1)).toBe('2026-06-02');
      expect(asked).toEqual([2026]);
    });
  });
});
