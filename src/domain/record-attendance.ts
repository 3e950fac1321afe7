import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { refuse } from './errors.js';
import { ACTIONS_LIVE, requireStatus } from './lifecycle.js';
import type { Meeting } from './model.js';
import { findParticipant } from './participants.js';
import { requireOrganiser } from './permissions.js';
import type { AttendanceEntry } from './attendance-record.js';

/** The organiser, once the meeting is held. Exported so a channel can refuse the card before it is filled. */
export function requireAttendanceRecorder(meeting: Meeting, ctx: CommandContext): void {
  requireOrganiser(meeting, ctx, 'record who attended');
  requireStatus(meeting, ACTIONS_LIVE, 'record who attended');
}

/**
 * The organiser records who was at the meeting once it is held (during the call, or after it
 * closes, when the plan is corrected): one entry per person named, in the meeting's own order.
 * A reason is kept for apologies and absence only: for anyone who came it would be noise.
 */
export function recordAttendance(meeting: Meeting, command: CommandOf<'recordAttendance'>, ctx: CommandContext): Outcome {
  requireAttendanceRecorder(meeting, ctx);
  const seen = new Set<string>();
  for (const entry of command.entries) {
    findParticipant(meeting, entry.participantId);
    if (seen.has(entry.participantId)) refuse('PARTICIPANT.DUPLICATE', 'Each person can be recorded once.', { participantId: entry.participantId });
    seen.add(entry.participantId);
  }
  const earlier = new Map((meeting.attendance ?? []).map((e) => [e.participantId, e]));
  const given = new Map(command.entries.map((e) => [e.participantId, e]));
  meeting.attendance = meeting.participants.flatMap((p): AttendanceEntry[] => {
    const entry = given.get(p.id) ?? earlier.get(p.id);
    if (!entry) return [];
    const reason = entry.status === 'apologies' || entry.status === 'absent' ? entry.reason : undefined;
    return [{ participantId: p.id, status: entry.status, ...(reason ? { reason } : {}) }];
  });
  const count = (status: AttendanceEntry['status']) => meeting.attendance?.filter((e) => e.status === status).length ?? 0;
  return {
    summary: `Attendance recorded: ${count('attended')} attended, ${count('apologies')} apologies, ${count('absent')} absent, ${count('written_contribution')} written contributions`,
  };
}
