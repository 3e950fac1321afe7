import { z } from 'zod';

export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day is written on the 24-hour clock, for example 09:00 or 19:30.');

export const QuietHoursSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((quiet) => quiet.start !== quiet.end, 'Quiet hours need a start and an end that differ.');
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** ISO weekday numbers, as luxon counts them: 1 is Monday, 7 is Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);

const workingDays = (max: number) => z.number().int().min(1).max(max);

/**
 * The organisation's nudge policy. Every field has the default the product describes, so
 * `NudgeSettingsSchema.parse({})` is the policy out of the box.
 */
export const NudgeSettingsSchema = z.object({
  /** When day-based nudges go out, unless the recipient chose another time. */
  sendTime: TimeOfDaySchema.default('09:00'),
  quietHours: QuietHoursSchema.default({ start: '18:00', end: '08:00' }),
  /** The "coming up" reminder for an action or a contribution, in working days before it is due. */
  reminderWorkingDaysBefore: workingDays(20).default(2),
  /** The organiser hears about an overdue action this many working days after its due date. */
  escalateToOrganiserAfterWorkingDays: workingDays(20).default(2),
  /** The Virtual School officer hears about it this many working days after the organiser did. */
  escalateToVsoAfterWorkingDays: workingDays(60).default(5),
  /** An unanswered invitation is chased this many working days after it was sent. */
  rsvpChaseAfterWorkingDays: workingDays(20).default(2),
  /** The carer's and the child's questions go out this many working days before the meeting. */
  questionsWorkingDaysBefore: workingDays(20).default(5),
  /** The organiser's weekly digest of open actions goes out on this weekday. */
  digestWeekday: WeekdaySchema.default(1),
  /** The next PEP's invitations are prepared this many school days before its review date. */
  nextMeetingLeadWorkingDays: workingDays(60).default(15),
});
export type NudgeSettings = z.infer<typeof NudgeSettingsSchema>;
export type NudgeSettingsInput = z.input<typeof NudgeSettingsSchema>;

export const DEFAULT_NUDGE_SETTINGS: NudgeSettings = NudgeSettingsSchema.parse({});
