import { z } from 'zod';
import { QuietHoursSchema, TimeOfDaySchema, WeekdaySchema } from './settings.js';

/**
 * What one person chose about their nudges; anything left out follows the organisation's
 * settings. A carer who works days might choose 19:30, or Saturdays.
 */
export const NudgePreferencesSchema = z.object({
  timeOfDay: TimeOfDaySchema.optional(),
  quietHours: QuietHoursSchema.optional(),
  /** Weekdays on which nudges may arrive (1 Monday … 7 Sunday); Monday to Friday when absent. */
  days: z.array(WeekdaySchema).min(1, 'Choose at least one day for nudges.').optional(),
  /** Whether nudges may arrive on bank holidays; they do not when absent. */
  bankHolidays: z.boolean().optional(),
});
export type NudgePreferences = z.infer<typeof NudgePreferencesSchema>;

/** Preferences of a meeting's participants, by participant id. */
export const NudgePreferencesByParticipantSchema = z.record(z.string(), NudgePreferencesSchema);
export type NudgePreferencesByParticipant = z.infer<typeof NudgePreferencesByParticipantSchema>;
