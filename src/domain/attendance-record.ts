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
 * What a person said beforehand, read from their RSVP: the organiser is coming; a written
 * contribution promised or already sent counts as one (unless they also said they would come).
 * Distinct from what was recorded at the meeting, which is what happened.
 */
export const SAID_BEFOREHAND = ['coming', 'maybe', 'written_contribution', 'declined', 'no_answer'] as const;
export type SaidBeforehand = (typeof SAID_BEFOREHAND)[number];

type Person = Meeting['participants'][number];

export function saidBeforehand(meeting: Meeting, person: Person): SaidBeforehand {
  const answer = person.rsvp?.answer;
  if (answer === 'accept' || person.id === meeting.organiserId) return 'coming';
  if (answer === 'tentative') return 'maybe';
  if (answer === 'written_contribution' || meeting.contributions.some((c) => c.status === 'submitted' && c.participantId === person.id)) return 'written_contribution';
  return answer === 'decline' ? 'declined' : 'no_answer';
}

/** Said they would come (or might): the plan's "Attended" until a record is kept. */
export const expectedToAttend = (meeting: Meeting, person: Person): boolean => ['coming', 'maybe'].includes(saidBeforehand(meeting, person));

/**
 * What the organiser's card starts from: what people said beforehand. Coming or maybe is
 * "attended" until the organiser says otherwise; a decline is apologies, with the note they gave;
 * silence is absence.
 */
export function attendancePrefill(meeting: Meeting): AttendanceEntry[] {
  return meeting.participants.map((p): AttendanceEntry => {
    const said = saidBeforehand(meeting, p);
    if (said === 'coming' || said === 'maybe') return { participantId: p.id, status: 'attended' };
    if (said === 'declined') return { participantId: p.id, status: 'apologies', reason: p.rsvp?.note?.slice(0, REASON_MAX) };
    return { participantId: p.id, status: said === 'written_contribution' ? 'written_contribution' : 'absent' };
  });
}

/** The record as kept, or what the card would start from while none is kept. */
export const attendanceOrPrefill = (meeting: Meeting): AttendanceEntry[] => meeting.attendance ?? attendancePrefill(meeting);
