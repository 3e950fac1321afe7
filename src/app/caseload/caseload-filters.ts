import { z } from 'zod';
import type { CaseloadRow } from './caseload-row.js';
import type { SchoolTerm } from '../../domain/school-term.js';
import { SchoolTermKeySchema } from '../../domain/school-term.js';

/**
 * The caseload page's filters, from its GET query string. An empty field means "any"; a value that
 * is not a filter the page offers is a 400, never silently ignored (the officer would see a
 * caseload they did not ask for).
 */
const blankIsAny = (schema: z.ZodType) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const CaseloadFilterSchema = z.strictObject({
  school: blankIsAny(z.string().max(160)),
  year: blankIsAny(z.coerce.number().int().min(0).max(13)),
  socialWorker: blankIsAny(z.string().max(120)),
  term: blankIsAny(SchoolTermKeySchema),
});
export interface CaseloadFilter {
  school?: string;
  year?: number;
  socialWorker?: string;
  /** A school term's key, "2026-27 autumn" (src/domain/school-term.ts). */
  term?: string;
}

export function parseCaseloadFilter(query: unknown): CaseloadFilter | undefined {
  const parsed = CaseloadFilterSchema.safeParse(query);
  return parsed.success ? (parsed.data as CaseloadFilter) : undefined;
}

export function filterRows(rows: readonly CaseloadRow[], filter: CaseloadFilter): CaseloadRow[] {
  return rows.filter(
    (row) =>
      (filter.school === undefined || row.school === filter.school) &&
      (filter.year === undefined || row.yearGroup === filter.year) &&
      (filter.socialWorker === undefined || row.socialWorker === filter.socialWorker) &&
      (filter.term === undefined || row.terms.some((t) => t.key === filter.term)),
  );
}

/** The values each filter offers: those the caseload has, sorted. */
export interface FilterChoices {
  schools: string[];
  years: number[];
  socialWorkers: string[];
  terms: SchoolTerm[];
}

export function filterChoices(rows: readonly CaseloadRow[]): FilterChoices {
  const distinct = <T>(values: (T | undefined)[]) => [...new Set(values.filter((v): v is T => v !== undefined))];
  return {
    schools: distinct(rows.map((r) => r.school)).sort(),
    years: distinct(rows.map((r) => r.yearGroup)).sort((a, b) => a - b),
    socialWorkers: distinct(rows.map((r) => r.socialWorker)).sort(),
    terms: [...new Map(rows.flatMap((r) => r.terms).map((t) => [t.key, t])).values()].sort((a, b) => a.key.localeCompare(b.key)),
  };
}
