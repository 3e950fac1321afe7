import { z } from 'zod';
import type { Term } from './child/calendar-settings.js';

/**
 * The one notion of "term" every part of PEP Bot shows and stores: an academic year and which of
 * its three terms, keyed "2026-27 autumn" and shown as "Autumn term 2026-27". The caseload's term
 * filter and on-time chart, a Pupil Premium Plus request's term, and the term of the school's
 * evidence are all this, read from the same council term dates (the `calendar` settings the
 * statutory clock uses), so "Autumn term 2026-27" is the same days wherever it appears.
 *
 * A day between two terms (a half-term is inside its term; Christmas, Easter and the summer
 * holiday are between terms) belongs to the term that follows it: whatever is decided or agreed in
 * a holiday is done in the next term, so the summer holiday counts with the autumn term and the
 * academic year that starts then. A day beyond the council's listed terms (or in a gap longer than
 * any holiday) falls back to fixed months: autumn September to December, spring January to
 * March, summer April to August. A council that runs six terms has two of them in each season.
 */
export const SEASONS = ['autumn', 'spring', 'summer'] as const;
export const SeasonSchema = z.enum(SEASONS);
export type Season = z.infer<typeof SeasonSchema>;

/** "2026-27 autumn": sorts in calendar order (autumn, spring, summer sort as they fall). */
export const SchoolTermKeySchema = z.string().regex(/^\d{4}-\d{2} (autumn|spring|summer)$/, 'Name the term like "2026-27 autumn".');

export interface SchoolTerm {
  key: string;
  /** "2026-27": the year Pupil Premium Plus spend is counted against. */
  academicYear: string;
  season: Season;
  label: string;
}

/** A half-term or Christmas holiday is two weeks; the summer one about six. */
const LONGEST_HOLIDAY_DAYS = 60;

const daysFrom = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const SEASON_LABELS: Record<Season, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

export const schoolTermLabel = (academicYear: string, season: Season): string => `${SEASON_LABELS[season]} term ${academicYear}`;

const middleDay = (term: Term): string => new Date((Date.parse(`${term.start}T00:00:00Z`) + Date.parse(`${term.end}T00:00:00Z`)) / 2).toISOString().slice(0, 10);

/** "Autumn term 2026-27" for "2026-27 autumn". */
export function schoolTermLabelOfKey(key: string): string {
  const [academicYear, season] = key.split(' ');
  return schoolTermLabel(academicYear ?? '', SeasonSchema.parse(season));
}

/** The term a day (yyyy-mm-dd) falls in by fixed months. */
function byMonth(date: string): SchoolTerm {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 9 ? year : year - 1;
  const season: Season = month >= 9 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
  const academicYear = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
  return { key: `${academicYear} ${season}`, academicYear, season, label: schoolTermLabel(academicYear, season) };
}

/** The school term of a local day (yyyy-mm-dd), by the council's term dates. Pure. */
export function schoolTermOf(date: string, terms: readonly Term[]): SchoolTerm {
  const term = terms.find((t) => t.start <= date && date <= t.end) ?? terms.find((t) => t.start > date && daysFrom(date, t.start) <= LONGEST_HOLIDAY_DAYS);
  // A council term is named by the month of its middle day, so one that starts in late August is still the autumn term.
  return byMonth(term ? middleDay(term) : date);
}
