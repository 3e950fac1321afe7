import type { Meeting } from '../../domain/model.js';

/**
 * Did the carer take part in the child's current PEP? What was recorded at the meeting when it has
 * been (meeting.attendance), else what they answered to the invitation. Carer attendance is the
 * known weak spot the Virtual School watches.
 */
export const CARER_ATTENDANCE = [
  'attended',
  'written_contribution',
  'apologies',
  'absent',
  'coming',
  'maybe',
  'declined',
  'no_answer',
  'none_invited',
] as const;
export type CarerAttendance = (typeof CARER_ATTENDANCE)[number];

export const CARER_ATTENDANCE_LABELS: Record<CarerAttendance, string> = {
  attended: 'Attended',
  written_contribution: 'Sent a written contribution',
  apologies: 'Sent apologies',
  absent: 'Absent',
  coming: 'Said they will come',
  maybe: 'Might come',
  declined: 'Cannot come',
  no_answer: 'Not answered',
  none_invited: 'No carer invited',
};

const FROM_RSVP = { accept: 'coming', tentative: 'maybe', decline: 'declined', written_contribution: 'written_contribution' } as const;

/** With two carers, the better of their two: one carer there is the carer voice heard. */
export function carerAttendance(meeting: Meeting | undefined): CarerAttendance {
  const carers = meeting?.participants.filter((p) => p.role === 'carer') ?? [];
  if (carers.length === 0) return 'none_invited';
  const each = carers.map((carer): CarerAttendance => {
    const recorded = meeting?.attendance?.find((entry) => entry.participantId === carer.id);
    if (recorded) return recorded.status;
    return carer.rsvp ? FROM_RSVP[carer.rsvp.answer] : 'no_answer';
  });
  return each.sort((a, b) => CARER_ATTENDANCE.indexOf(a) - CARER_ATTENDANCE.indexOf(b))[0]!;
}
