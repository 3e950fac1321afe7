import type { Term } from '../../domain/child/calendar-settings.js';

/**
 * The school term a PEP belongs to, for the term filter and the on-time chart: the council's own
 * terms (the calendar settings the statutory clock uses), a date in a holiday counting with the
 * term that follows it. A date beyond the listed terms falls back to the season: autumn
 * (September to December), spring (January to March), summer (April to August).
 */
export interface SchoolTerm {
  /** The term's first day (yyyy-mm-dd): sorts in calendar order, and is the filter's value. */
  key: string;
  label: string;
}

export const TERM_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A half-term or Christmas holiday is two weeks; the summer one about six. */
const LONGEST_HOLIDAY_DAYS = 60;

const daysFrom = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

function season(date: string): SchoolTerm {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (month >= 9) return { key: `${year}-09-01`, label: `Autumn term ${year}` };
  if (month >= 4) return { key: `${year}-04-01`, label: `Summer term ${year}` };
  return { key: `${year}-01-01`, label: `Spring term ${year}` };
}

export function schoolTermOf(date: string, terms: readonly Term[]): SchoolTerm {
  const term = terms.find((t) => t.start <= date && date <= t.end) ?? terms.find((t) => t.start > date && daysFrom(date, t.start) <= LONGEST_HOLIDAY_DAYS);
  return term ? { key: term.start, label: term.name } : season(date);
}
