import { z } from 'zod';
import type { AttainmentLevel, CoreSubject } from '../../domain/evidence/evidence.js';
import { ATTAINMENT_LEVELS, AttainmentLevelSchema, CORE_SUBJECTS } from '../../domain/evidence/evidence.js';
import type { EvidenceEntry } from '../../domain/evidence/evidence-command.js';
import { SchoolTermKeySchema } from '../../domain/school-term.js';
import { normaliseTerm } from '../../domain/evidence/evidence-command.js';
import { ChildSchema } from '../../domain/model.js';

/**
 * One row of a school's evidence CSV, as its MIS exports it: text in every cell. Each problem
 * completes "line 4: <column> …", so a refusal reads "line 4: attendance_percent 104 is over 100".
 */
export const REQUIRED_CSV_COLUMNS = ['pep_ref', 'attendance_percent'] as const;
/** `term` is optional: the figures are for the PEP's own term; a term given is checked against it. */
export const EVIDENCE_CSV_COLUMNS = [...REQUIRED_CSV_COLUMNS, 'term', 'suspension_days', 'permanently_excluded', ...CORE_SUBJECTS] as const;

type Read<T> = { value: T } | { problem: string };

/** A cell read by `read`, which gets the trimmed text and says what is wrong in words a school office can act on. */
const cell = <T>(read: (text: string) => Read<T>) =>
  z
    .string()
    .default('')
    .transform((raw, ctx): T => {
      const result = read(raw.trim());
      if ('value' in result) return result.value;
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    });

const EMPTY = { problem: 'is empty' };

const numberBetween = (min: number, max: number, blank?: number) =>
  cell((text): Read<number> => {
    if (text === '') return blank === undefined ? EMPTY : { value: blank };
    const value = Number(text.replace(/%$/, ''));
    if (Number.isNaN(value)) return { problem: `"${text}" is not a number` };
    if (value > max) return { problem: `${text} is over ${max}` };
    if (value < min) return { problem: `${text} is below ${min}` };
    return { value };
  });

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** "Well below", "well-below" and "WELL_BELOW" are one level; a blank cell was not assessed. */
const level = cell((text): Read<AttainmentLevel | undefined> => {
  if (text === '') return { value: undefined };
  const parsed = AttainmentLevelSchema.safeParse(text.toLowerCase().replace(/[\s-]+/g, '_'));
  return parsed.success ? { value: parsed.data } : { problem: `"${text}" is not one of ${ATTAINMENT_LEVELS.map((l) => l.replace('_', ' ')).join(', ')}` };
});

const subjects = Object.fromEntries(CORE_SUBJECTS.map((subject) => [subject, level])) as Record<CoreSubject, typeof level>;

export const EvidenceCsvRowSchema = z
  .object({
    pep_ref: cell((text): Read<string> => {
      if (text === '') return EMPTY;
      const ref = text.toUpperCase();
      return ChildSchema.shape.ref.safeParse(ref).success ? { value: ref } : { problem: `"${text}" is not a PEP reference like PEP-2026-0042` };
    }),
    term: cell((text): Read<string | undefined> => {
      if (text === '') return { value: undefined };
      const term = normaliseTerm(text);
      return SchoolTermKeySchema.safeParse(term).success ? { value: term } : { problem: `"${text}" is not a term like 2026-27 autumn` };
    }),
    attendance_percent: numberBetween(0, 100),
    suspension_days: numberBetween(0, 200, 0),
    permanently_excluded: cell((text): Read<boolean> => {
      const word = text.toLowerCase();
      if (YES.has(word)) return { value: true };
      return NO.has(word) ? { value: false } : { problem: `"${text}" is not yes or no` };
    }),
    ...subjects,
  })
  .transform((row): { pepRef: string; figures: EvidenceEntry } => ({
    pepRef: row.pep_ref,
    figures: {
      term: row.term,
      attendancePercent: row.attendance_percent,
      suspensionDays: row.suspension_days,
      permanentlyExcluded: row.permanently_excluded,
      attainment: CORE_SUBJECTS.flatMap((subject) => {
        const found = row[subject];
        return found ? [{ subject, level: found }] : [];
      }),
    },
  }));
export type EvidenceCsvRow = z.output<typeof EvidenceCsvRowSchema>;
