import { z } from 'zod';

/**
 * The council's thresholds for flagging a child from the evidence (seed benefit 5: early
 * identification). England's defaults: below 90% attendance is persistent absence in the DfE's
 * statistics; any suspension (recorded in half days) is worth a look before the next PEP.
 */
export const EvidenceSettingsSchema = z
  .object({
    /** Attendance for the term below this percentage flags the child. */
    attendanceBelowPercent: z.number().min(50).max(100).default(90),
    /** Suspension days in the term at or above this flag the child (0.5: any suspension at all). */
    suspensionDaysAtLeast: z.number().min(0.5).max(200).default(0.5),
  })
  .strict()
  .prefault({});
export type EvidenceSettings = z.infer<typeof EvidenceSettingsSchema>;

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = EvidenceSettingsSchema.parse(undefined);
