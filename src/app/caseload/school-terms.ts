/**
 * The school term a date falls in, for grouping PEPs: autumn (September to December), spring
 * (January to March) and summer (April to August, the summer holiday counted with the term it
 * follows). Termly PEPs are held in the first half of each term, so the edges of the Easter
 * holiday do not move a PEP from one term to another.
 */
export const SEASONS = ['spring', 'summer', 'autumn'] as const;
export type Season = (typeof SEASONS)[number];

/** "2026-autumn": sorts in calendar order as text, since the seasons are numbered within the key. */
export type TermKey = `${number}-${1 | 2 | 3}-${Season}`;

export function termOf(isoDate: string): TermKey {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (month >= 9) return `${year}-3-autumn`;
  if (month >= 4) return `${year}-2-summer`;
  return `${year}-1-spring`;
}

export const TERM_KEY_PATTERN = /^\d{4}-[123]-(spring|summer|autumn)$/;

/** "Autumn term 2026" */
export function termLabel(term: TermKey): string {
  const [year, , season] = term.split('-') as [string, string, Season];
  return `${season[0]!.toUpperCase()}${season.slice(1)} term ${year}`;
}
