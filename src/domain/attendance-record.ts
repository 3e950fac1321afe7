import { z } from 'zod';

/**
 * Who was at the meeting, as recorded when it is held: present, apologies (with the reason given),
 * absent without word, or a written contribution sent instead. Distinct from the RSVPs, which are
 * what people said beforehand (attendance.ts).
 */
export const ATTENDANCE_STATUSES = ['attended', 'apologies', 'absent', 'written_contribution'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

export const AttendanceEntrySchema = z.object({
  participantId: z.string().min(1).max(64),
  status: AttendanceStatusSchema,
  reason: z.string().max(1000).optional(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntrySchema>;
