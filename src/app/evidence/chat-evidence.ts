import type { CommandContext } from '../../domain/context.js';
import { refuse } from '../../domain/errors.js';
import { requireEvidenceRecorder } from '../../domain/evidence/record-evidence.js';
import type { Meeting } from '../../domain/model.js';
import { requireAttendanceRecorder } from '../../domain/record-attendance.js';

/** The designated teacher the organiser's "evidence request" goes to: the first invited in that role. */
export function designatedTeacherOf(meeting: Meeting): string {
  const teacher = meeting.participants.find((p) => p.role === 'designated_teacher');
  if (!teacher) refuse('PARTICIPANT.NOT_FOUND', 'No designated teacher is invited to this meeting. Add them first, then ask again.');
  return teacher.id;
}

/** Whether the person may open the attendance card or the evidence form: refused by the rules themselves before anything is filled in. */
export function mayOpen(card: 'attendance' | 'evidence', meeting: Meeting, ctx: CommandContext): void {
  if (card === 'attendance') requireAttendanceRecorder(meeting, ctx);
  else requireEvidenceRecorder(meeting, ctx);
}
