import { localDate, millis } from '../dates.js';
import { BEFORE_MEETING } from '../lifecycle.js';
import type { Participant, PromptKind } from '../model.js';
import { addWorkingDays } from './calendar.js';
import type { CandidateNudge, NudgeKind } from './nudge.js';
import type { PlanContext } from './plan-context.js';
import { nextAllowedSendingTime, sendOnDay } from './sending-window.js';

/** Whose questions each prompt is, and the nudge that sends it. */
export const QUESTIONS: ReadonlyArray<{ role: Participant['role']; prompt: PromptKind; nudge: NudgeKind }> = [
  { role: 'carer', prompt: 'carer', nudge: 'carer_questions' },
  { role: 'child', prompt: 'child_voice', nudge: 'child_questions' },
];

/** Whether this nudge sends someone their questions (it records them on the meeting first). */
export const asksQuestions = (kind: NudgeKind): boolean => QUESTIONS.some((q) => q.nudge === kind);

/**
 * The carer's and the child's questions go out some working days before the meeting: close
 * enough to remember, early enough to answer. Someone invited later than that gets theirs at the
 * next sending time after the invitation. Once the organiser has sent them, nothing is planned.
 */
export function promptNudges(ctx: PlanContext): CandidateNudge[] {
  const { meeting, settings } = ctx;
  if (!BEFORE_MEETING.includes(meeting.status)) return [];
  const meetingDay = localDate(meeting.startsAt, meeting.timeZone);
  return meeting.participants.flatMap((participant) => {
    const questions = QUESTIONS.find((q) => q.role === participant.role);
    const window = ctx.windowOf(participant.id);
    if (!questions || !window || !participant.invitedAt) return [];
    if (meeting.prompts.some((p) => p.participantId === participant.id && p.kind === questions.prompt)) return [];
    const planned = sendOnDay(addWorkingDays(meetingDay, -settings.questionsWorkingDaysBefore), window);
    const due = millis(planned) >= millis(participant.invitedAt) ? planned : nextAllowedSendingTime(participant.invitedAt, window);
    if (millis(due) >= millis(meeting.startsAt)) return [];
    return [ctx.nudge(questions.nudge, participant.id, participant.id, due, meeting.startsAt)];
  });
}
