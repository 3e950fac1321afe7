import { z } from 'zod';
import type { AttainmentLevel, CoreSubject, Evidence } from './evidence.js';
import { ATTAINMENT_LEVELS, AttainmentLevelSchema, CORE_SUBJECTS, CoreSubjectSchema } from './evidence.js';
import type { EvidenceSettings } from './evidence-settings.js';

/** Why the evidence flags the child to the organiser and the Virtual School before the next meeting. */
export const EvidenceFlagSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attendance_below'), percent: z.number(), threshold: z.number() }),
  z.object({ kind: z.literal('suspension'), days: z.number() }),
  z.object({ kind: z.literal('permanent_exclusion') }),
  z.object({ kind: z.literal('attainment_slip'), subject: CoreSubjectSchema, from: AttainmentLevelSchema, to: AttainmentLevelSchema }),
]);
export type EvidenceFlag = z.infer<typeof EvidenceFlagSchema>;

type Figures = Pick<Evidence, 'attendancePercent' | 'suspensionDays' | 'permanentlyExcluded' | 'attainment'>;

const rank = (level: AttainmentLevel): number => ATTAINMENT_LEVELS.indexOf(level);
const levelIn = (figures: Figures | undefined, subject: CoreSubject) => figures?.attainment.find((a) => a.subject === subject)?.level;

/**
 * The flags raised by this PEP's evidence, against the previous PEP's (absent for a first PEP, or
 * when the last one had none recorded): a slip needs something to slip from. Pure.
 */
export function evidenceFlags(previous: Figures | undefined, current: Figures, settings: EvidenceSettings): EvidenceFlag[] {
  const flags: EvidenceFlag[] = [];
  if (current.attendancePercent < settings.attendanceBelowPercent) {
    flags.push({ kind: 'attendance_below', percent: current.attendancePercent, threshold: settings.attendanceBelowPercent });
  }
  if (current.suspensionDays >= settings.suspensionDaysAtLeast) flags.push({ kind: 'suspension', days: current.suspensionDays });
  if (current.permanentlyExcluded) flags.push({ kind: 'permanent_exclusion' });
  for (const subject of CORE_SUBJECTS) {
    const from = levelIn(previous, subject);
    const to = levelIn(current, subject);
    if (from && to && rank(to) < rank(from)) flags.push({ kind: 'attainment_slip', subject, from, to });
  }
  return flags;
}
