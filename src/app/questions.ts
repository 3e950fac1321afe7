import type { Channel, Meeting, Prompt } from '../domain/model.js';
import { QUESTIONS } from '../domain/nudges/index.js';
import type { AppDeps } from './deps.js';
import type { CommandResult } from './execute-command.js';
import { executeCommand } from './execute-command.js';
import { participant } from './views/people.js';

/** The questions this person was sent, if any: the carer's or the child's, by their role. */
export const questionsOf = (meeting: Meeting, participantId: string): Prompt | undefined =>
  meeting.prompts.filter((prompt) => prompt.participantId === participantId).at(-1);

/** The people who get questions before the meeting: the carer and the child. */
export const askedQuestions = (meeting: Meeting) => meeting.participants.filter((p) => QUESTIONS.some((q) => q.role === p.role));

/**
 * Records a person's questions on the meeting (audited like any change), once: when they were
 * sent already, by the scheduler or the organiser, nothing changes and no alert is raised.
 */
export async function sendQuestions(
  deps: AppDeps,
  meeting: Meeting,
  participantId: string,
  by: { actorId: string; channel: Channel; idempotencyKey?: string },
): Promise<Pick<CommandResult, 'meeting' | 'alerts' | 'queued'>> {
  const person = participant(meeting, participantId);
  const questions = QUESTIONS.find((q) => q.role === person.role);
  if (!questions || questionsOf(meeting, participantId)) return { meeting, alerts: [], queued: [] };
  return executeCommand(deps, { meetingId: meeting.id, command: { type: 'sendPrompt', participantId, kind: questions.prompt }, ...by });
}
