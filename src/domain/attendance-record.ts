import { z } from 'zod';
import type { Meeting } from './model.js';

/**
 * Who was at the meeting, as recorded when it is held: present, apologies (with the reason given),
 * absent without word, or a written contribution sent instead. Distinct from the RSVPs, which are
 * what people said beforehand (attendance.ts).
 */
export const ATTENDANCE_STATUSES = ['attended', 'apologies', 'absent', 'written_contribution'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

const REASON_MAX = 1000;

export const AttendanceEntrySchema = z.object({
  participantId: z.string().min(1).max(64),
  status: AttendanceStatusSchema,
  reason: z.string().max(REASON_MAX).optional(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntrySchema>;

/**
 * What the organiser's card starts from: what people said beforehand. An accept or a maybe is
 * "attended" until the organiser says otherwise; a decline is apologies, with the note they gave;
 * a written contribution (promised or sent) counts as one; silence is absence.
 */
export function attendancePrefill(meeting: Meeting): AttendanceEntry[] {
  const wrote = new Set(meeting.contributions.filter((c) => c.status === 'submitted').map((c) => c.participantId));
  return meeting.participants.map((p): AttendanceEntry => {
    const answer = p.rsvp?.answer;
    if (answer === 'accept' || answer === 'tentative' || p.id === meeting.organiserId) return { participantId: p.id, status: 'attended' };
    if (answer === 'written_contribution' || wrote.has(p.id)) return { participantId: p.id, status: 'written_contribution' };
    if (answer === 'decline') return { participantId: p.id, status: 'apologies', reason: p.rsvp?.note?.slice(0, REASON_MAX) };
    return { participantId: p.id, status: 'absent' };
  });
}

/** The record as kept, or what the card would start from while none is kept. */
export const attendanceOrPrefill = (meeting: Meeting): AttendanceEntry[] => meeting.attendance ?? attendancePrefill(meeting);

export type AttendanceCounts = Record<AttendanceStatus, number>;

export interface AttendanceRecordSummary {
  /** False until the organiser records who came: the counts are then empty. */
  recorded: boolean;
  counts: AttendanceCounts;
  /** Carers (foster carers, residential key workers): attendance is a known weak spot. */
  carers: AttendanceCounts & { invited: number };
  /** At least one carer was at the meeting. */
  carerAttended: boolean;
}

const noCounts = (): AttendanceCounts => ({ attended: 0, apologies: 0, absent: 0, written_contribution: 0 });

/** The recorded attendance as counts, for the caseload view and digest. Pure. */
export function attendanceRecordSummary(meeting: Meeting): AttendanceRecordSummary {
  const counts = noCounts();
  const carers = { ...noCounts(), invited: meeting.participants.filter((p) => p.role === 'carer').length };
  const roleOf = new Map(meeting.participants.map((p) => [p.id, p.role]));
  for (const entry of meeting.attendance ?? []) {
    counts[entry.status] += 1;
    if (roleOf.get(entry.participantId) === 'carer') carers[entry.status] += 1;
  }
  return { recorded: meeting.attendance !== undefined, counts, carers, carerAttended: carers.attended > 0 };
}
