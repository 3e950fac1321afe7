import { saidBeforehand } from './attendance-record.js';
import type { Meeting } from './model.js';

/**
 * Did the carer take part in the child's PEP? What was recorded at the meeting when it has been
 * (meeting.attendance), else what they said beforehand. Carer attendance is the known weak spot
 * the Virtual School watches; the caseload shows it per child and counts it in its summary.
 * Ordered best first: a recorded presence beats a promise to come.
 */
export const CARER_ATTENDANCE = ['attended', 'written_contribution', 'apologies', 'absent', 'coming', 'maybe', 'declined', 'no_answer', 'none_invited'] as const;
export type CarerAttendance = (typeof CARER_ATTENDANCE)[number];

/** With two carers, the better of their two: one carer there is the carer voice heard. Pure. */
export function carerAttendance(meeting: Meeting | undefined): CarerAttendance {
  const carers = meeting?.participants.filter((p) => p.role === 'carer') ?? [];
  if (!meeting || carers.length === 0) return 'none_invited';
  const each = carers.map((carer): CarerAttendance => meeting.attendance?.find((entry) => entry.participantId === carer.id)?.status ?? saidBeforehand(meeting, carer));
  return each.sort((a, b) => CARER_ATTENDANCE.indexOf(a) - CARER_ATTENDANCE.indexOf(b))[0]!;
}
