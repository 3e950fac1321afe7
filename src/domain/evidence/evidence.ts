import { z } from 'zod';
import { SchoolTermKeySchema } from '../school-term.js';

/**
 * The evidence a PEP meeting decides on (seed step 2), entered by the designated teacher for the
 * term or imported from the school's MIS: attendance, exclusions, attainment in the core subjects
 * against what is expected for the child's age. Kept per meeting, so each PEP holds the figures it
 * was decided on and a trend is read across the child's PEPs.
 */

export const CORE_SUBJECTS = ['english', 'maths', 'science'] as const;
export const CoreSubjectSchema = z.enum(CORE_SUBJECTS);
export type CoreSubject = z.infer<typeof CoreSubjectSchema>;

/** Ordered from lowest to highest, so a slip is a move to a lower index. */
export const ATTAINMENT_LEVELS = ['well_below', 'below', 'expected', 'above'] as const;
export const AttainmentLevelSchema = z.enum(ATTAINMENT_LEVELS);
export type AttainmentLevel = z.infer<typeof AttainmentLevelSchema>;

export const EvidenceSchema = z.object({
  /** The school term of the PEP's date, by the council's term dates (src/domain/school-term.ts), as "2026-27 autumn". */
  term: SchoolTermKeySchema,
  attendancePercent: z.number().min(0).max(100),
  /** Suspensions (fixed-term exclusions) this term, in school days lost. */
  suspensionDays: z.number().min(0).max(200),
  permanentlyExcluded: z.boolean(),
  attainment: z.array(z.object({ subject: CoreSubjectSchema, level: AttainmentLevelSchema })).max(CORE_SUBJECTS.length),
  /** A participant id, "system" for an import, or an officer actor id. */
  recordedBy: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
  source: z.enum(['card', 'csv']),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
