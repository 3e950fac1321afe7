import type { AttendanceStatus } from '../../domain/attendance-record.js';
import type { CarerAttendance } from '../../domain/carer-attendance.js';
import type { ActionStatus, ContributionKind, ReviewOutcome, RsvpAnswer } from '../../domain/model.js';

/** Words shown for the domain's enum values, in the plain English the cards use throughout. */

export const RSVP_LABELS: Record<RsvpAnswer | 'no_answer', string> = {
  accept: 'Attending',
  tentative: 'Might attend',
  decline: 'Cannot attend',
  written_contribution: 'Sending a written contribution instead',
  no_answer: 'No answer yet',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  blocked: 'Blocked',
};

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  achieved: 'Achieved',
  in_progress: 'In progress',
  not_achieved: 'Not achieved',
};

export const CONTRIBUTION_KIND_LABELS: Record<ContributionKind, string> = {
  school: 'school information',
  carer: 'carer’s observations',
  health: 'health information',
  other: 'written contribution',
};

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  attended: 'Attended',
  apologies: 'Sent apologies',
  absent: 'Absent',
  written_contribution: 'Sent a written contribution instead',
};

/** The caseload's carer column: recorded at the meeting, else what the carer said beforehand. */
export const CARER_ATTENDANCE_LABELS: Record<CarerAttendance, string> = {
  ...ATTENDANCE_STATUS_LABELS,
  coming: 'Said they will come',
  maybe: 'Might come',
  declined: 'Cannot come',
  no_answer: 'Not answered',
  none_invited: 'No carer invited',
};
