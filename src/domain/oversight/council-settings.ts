import { z } from 'zod';
import { OfficerSchema } from '../actor.js';
import { CalendarSettingsSchema } from '../child/calendar-settings.js';
import { RetentionSettingsSchema } from '../data-protection/retention-settings.js';
import { CaseloadSettingsSchema } from './caseload-settings.js';
import { EvidenceSettingsSchema } from '../evidence/evidence-settings.js';
import { FundingSettingsSchema } from '../funding/funding-settings.js';

/**
 * What each local authority sets for itself: its Virtual School officers and, beside them, the
 * statutory clock's calendar, the evidence thresholds, the Pupil Premium Plus allocation and the
 * caseload digest. Every section has a documented default for England, so an empty settings file
 * (or none) is valid; a bad value stops start-up naming its path (src/council-settings-file.ts).
 *
 * Each concern owns its section's schema in its own file and adds it here.
 */
export const CouncilSettingsSchema = z.object({
  /** Officers who act from chat. Signed-in web users get their role from the identity provider instead. */
  officers: z.array(OfficerSchema).max(500).default([]),
  /** The statutory clock: term dates, the school-move window, nudge lead time, review interval. */
  calendar: CalendarSettingsSchema.default(CalendarSettingsSchema.parse({})),
  /** The caseload page's group → role mapping and the weekly digest (caseload-settings.ts). */
  caseload: CaseloadSettingsSchema.prefault({}),
  /** How long each kind of record is kept (src/domain/data-protection/retention-settings.ts). */
  retention: RetentionSettingsSchema.prefault({}),
  /** When the evidence flags a child (src/domain/evidence/evidence-settings.ts). */
  evidence: EvidenceSettingsSchema,
  /** Pupil Premium Plus allocation per child (src/domain/funding/funding-settings.ts). */
  funding: FundingSettingsSchema,
});
export type CouncilSettings = z.infer<typeof CouncilSettingsSchema>;

export const DEFAULT_COUNCIL_SETTINGS: CouncilSettings = CouncilSettingsSchema.parse({});
