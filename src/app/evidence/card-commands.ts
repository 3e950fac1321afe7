import { attendanceOrPrefill, AttendanceStatusSchema } from '../../domain/attendance-record.js';
import type { MeetingCommandInput } from '../../domain/commands.js';
import { DomainError } from '../../domain/errors.js';
import { AttainmentLevelSchema, CORE_SUBJECTS } from '../../domain/evidence/evidence.js';
import type { Meeting } from '../../domain/model.js';
import { reasonInput, statusInput } from '../../cards/data/attendance-record.js';
import { MAX_PEOPLE } from '../../cards/data/common.js';
import { rosterOf } from '../views/evidence-cards.js';

/**
 * The attendance card's rows, back to the people they were drawn for. The card carries a
 * fingerprint of its list; if someone joined or left since, the rows would pair with the wrong
 * people, so the card is drawn again with what was chosen and a word on why.
 */
export function attendanceCommand(data: Record<string, unknown>, meeting: Meeting): MeetingCommandInput {
  if (data.roster !== rosterOf(meeting)) {
    const problem = 'The people in this meeting changed since this card was drawn. Check each person again, then save.';
    throw new DomainError('VALIDATION.INVALID_INPUT', problem, { problems: [problem] });
  }
  const drawn = new Map(attendanceOrPrefill(meeting).map((e) => [e.participantId, e]));
  const entries = meeting.participants.slice(0, MAX_PEOPLE).flatMap((p, i) => {
    const status = AttendanceStatusSchema.safeParse(data[statusInput(i + 1)]);
    if (!status.success) return [];
    const typed = data[reasonInput(i + 1)];
    // A reason left blank, or with no box on the card (past its limit), stays as it was while the status does.
    const kept = drawn.get(p.id)?.status === status.data ? drawn.get(p.id)?.reason : undefined;
    return [{ participantId: p.id, status: status.data, reason: typeof typed === 'string' ? typed : kept }];
  });
  return { type: 'recordAttendance', entries };
}

/** The evidence card's answers as the domain's figures: a subject left blank was not assessed. */
export function evidenceCommand(data: Record<string, unknown>): MeetingCommandInput {
  const attainment = CORE_SUBJECTS.flatMap((subject) => {
    const level = AttainmentLevelSchema.safeParse(data[subject]);
    return level.success ? [{ subject, level: level.data }] : [];
  });
  return {
    type: 'recordEvidence',
    attendancePercent: Number(data.attendancePercent),
    suspensionDays: Number(data.suspensionDays),
    permanentlyExcluded: data.permanentlyExcluded === 'yes',
    attainment,
    source: 'card',
  };
}
