import { describe, expect, it } from 'vitest';
import { CalendarSettingsSchema } from '../../src/domain/child/calendar-settings.js';
import { schoolTermOf } from '../../src/domain/school-term.js';

describe('school terms', () => {
  const { terms } = CalendarSettingsSchema.parse({});

  it.each([
    ['2026-01-20', '2025-26 spring', 'Spring term 2025-26'],
    ['2026-02-18', '2025-26 spring', 'Spring term 2025-26'],
    ['2026-04-07', '2025-26 summer', 'Summer term 2025-26'],
    ['2025-12-29', '2025-26 spring', 'Spring term 2025-26'],
    ['2026-07-22', '2025-26 summer', 'Summer term 2025-26'],
  ])('%s is in the council’s %s (a holiday counts with the term after it)', (date, key, label) => {
    expect(schoolTermOf(date, terms)).toMatchObject({ key, label });
  });

  it('counts the summer holiday with the autumn term, in the academic year that starts then', () => {
    expect(schoolTermOf('2026-08-10', terms)).toEqual({ key: '2026-27 autumn', academicYear: '2026-27', season: 'autumn', label: 'Autumn term 2026-27' });
  });

  it('follows the council’s own dates: a term that starts early takes its first days from the holiday before', () => {
    const early = terms.map((t) => (t.name === 'Summer 2026' ? { ...t, start: '2026-03-30' } : t));
    expect(schoolTermOf('2026-03-31', terms).key).toBe('2025-26 summer');
    expect(schoolTermOf('2026-03-26', early).key).toBe('2025-26 spring');
    expect(schoolTermOf('2026-03-31', early).key).toBe('2025-26 summer');
  });

  it.each([
    ['2021-01-05', '2020-21 spring'],
    ['2021-05-20', '2020-21 summer'],
    ['2021-08-31', '2020-21 summer'],
    ['2021-10-01', '2021-22 autumn'],
    ['2099-12-01', '2099-00 autumn'],
  ])('%s, beyond the listed terms, is in the term of its month', (date, key) => {
    expect(schoolTermOf(date, terms).key).toBe(key);
  });
});
