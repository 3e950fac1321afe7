import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { refuse } from './errors.js';
import { BEFORE_MEETING, requireStatus } from './lifecycle.js';
import type { Meeting, PromptKind } from './model.js';
import { requireAddressee, requireOrganiser } from './permissions.js';
import { findParticipant } from './participants.js';
import type { Role } from './roles.js';

const ROLE_FOR_PROMPT: Record<PromptKind, Role> = { carer: 'carer', child_voice: 'child' };

export function sendPrompt(meeting: Meeting, command: CommandOf<'sendPrompt'>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'send prompts');
  requireStatus(meeting, BEFORE_MEETING, 'send prompts');
  const participant = findParticipant(meeting, command.participantId);
  if (participant.role !== ROLE_FOR_PROMPT[command.kind]) {
    refuse('PROMPT.WRONG_ROLE', `The ${command.kind === 'carer' ? 'carer' : "child's voice"} prompt is only for the ${ROLE_FOR_PROMPT[command.kind]}.`);
  }
  const id = ctx.newId();
  meeting.prompts.push({ id, kind: command.kind, participantId: participant.id, sentAt: ctx.at });
  return { summary: `Prompt sent (${command.kind})`, alerts: [{ kind: 'prompt_sent', promptId: id, participantId: participant.id }] };
}

/** Answers may be changed until the call starts: the latest answer is what the meeting sees. */
export function answerPrompt(meeting: Meeting, command: CommandOf<'answerPrompt'>, ctx: CommandContext): Outcome {
  const prompt = meeting.prompts.find((p) => p.id === command.promptId);
  if (!prompt) refuse('PROMPT.NOT_FOUND', 'That prompt no longer exists.');
  requireAddressee(ctx, prompt.participantId, 'prompt');
  requireStatus(meeting, BEFORE_MEETING, 'answer this prompt');
  if (command.answer.kind !== prompt.kind) {
    refuse('VALIDATION.INVALID_INPUT', 'Those answers belong to a different prompt.', { expected: prompt.kind });
  }
  const changed = prompt.answer !== undefined;
  prompt.answer = command.answer;
  prompt.answeredAt = ctx.at;
  return { summary: `Prompt ${changed ? 're-answered' : 'answered'} (${prompt.kind})` };
}
