import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import type { Channel } from '../../src/domain/model.js';
import { READING_GOAL } from '../domain/plan-scenario.js';

/**
 * A meeting (created through a channel) held and closed with every mandatory section of the
 * Virtual School's review, by the same rules the chat commands and cards use: the child's answers,
 * the school's attendance and attainment, a SMART goal with a costed Pupil Premium Plus tutor and
 * an owned, dated action, and the next review date. Not the Year 9+ transition section.
 */
export async function holdAndClose(deps: AppDeps, meetingId: string, channel: Channel): Promise<void> {
  const meeting = async () => (await deps.store.getMeeting(meetingId))!;
  const idOf = async (role: string) => (await meeting()).participants.find((p) => p.role === role)!.id;
  const run = async (actorId: string, command: Record<string, unknown>) => executeCommand(deps, { meetingId, command, actorId, channel });
  const organiser = (await meeting()).organiserId;
  const child = await idOf('child');
  const teacher = await idOf('designated_teacher');
  await run(organiser, { type: 'sendPrompt', participantId: child, kind: 'child_voice' });
  await run(child, { type: 'answerPrompt', promptId: (await meeting()).prompts[0]!.id, answer: { kind: 'child_voice', feeling: 4, want: 'More art' } });
  await run(organiser, { type: 'requestContribution', participantId: teacher, kind: 'school' });
  const contribution = (await meeting()).contributions.find((c) => c.kind === 'school')!;
  await run(teacher, { type: 'submitContribution', contributionId: contribution.id, content: { attendancePercent: 93, attainment: 'Expected in maths' } });
  await run(organiser, { type: 'lockAgenda' });
  await run(organiser, { type: 'startMeeting' });
  await run(organiser, READING_GOAL);
  const goalId = (await meeting()).goals[0]!.id;
  await run(organiser, { type: 'linkResource', goalId, kind: 'pupil_premium_plus', description: 'Reading tutor, 10 sessions', costPence: 45000 });
  await run(organiser, { type: 'captureAction', ownerId: teacher, description: 'Book the reading tutor', dueDate: '2026-12-11', goalId });
  await run(organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
  await run(organiser, { type: 'concludeMeeting' });
}
