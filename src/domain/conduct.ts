import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { refuse } from './errors.js';
import { requireStatus } from './lifecycle.js';
import type { Meeting } from './model.js';
import { actingParticipant, requireOrganiser } from './permissions.js';

/** Step 7: notes captured per agenda item during the call. */
export function addNote(meeting: Meeting, command: CommandOf<'addNote'>, ctx: CommandContext): Outcome {
  actingParticipant(meeting, ctx);
  requireStatus(meeting, ['in_progress'], 'add notes');
  if (command.agendaItemId && !meeting.agenda.items.some((i) => i.id === command.agendaItemId)) {
    refuse('AGENDA.ITEM_NOT_FOUND', 'That agenda item no longer exists.');
  }
  meeting.notes.push({ id: ctx.newId(), agendaItemId: command.agendaItemId, text: command.text, by: ctx.actorId, at: ctx.at });
  return { summary: 'Note added' };
}

/** Step 6: each of the last PEP's actions is marked with an outcome and its evidence. */
export function reviewPreviousAction(meeting: Meeting, command: CommandOf<'reviewPreviousAction'>, ctx: CommandContext): Outcome {
  actingParticipant(meeting, ctx);
  requireStatus(meeting, ['in_progress'], 'review previous actions');
  if (!meeting.previousActions.some((a) => a.id === command.previousActionId)) {
    refuse('REVIEW.UNKNOWN_PREVIOUS_ACTION', 'That action is not one of the previous PEP\'s actions.');
  }
  const review = { previousActionId: command.previousActionId, outcome: command.outcome, evidence: command.evidence ?? '', by: ctx.actorId, at: ctx.at };
  meeting.reviews = [...meeting.reviews.filter((r) => r.previousActionId !== command.previousActionId), review];
  return { summary: `Previous action reviewed: ${command.outcome}` };
}

/**
 * A group or meeting chat becomes the meeting's chat. Its members will see the child's initials
 * and PEP reference, so only the organiser decides, and the audit trail records where.
 */
export function linkChat(meeting: Meeting, command: CommandOf<'linkChat'>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'choose the meeting chat');
  requireStatus(meeting, ['draft', 'invited', 'agenda_agreed', 'in_progress'], 'choose the meeting chat');
  if (meeting.chats.some((c) => c.channel === command.channel && c.conversationId === command.conversationId)) {
    return { summary: `Meeting chat already linked (${command.channel})` };
  }
  meeting.chats.push({ channel: command.channel, conversationId: command.conversationId, linkedBy: ctx.actorId, at: ctx.at });
  return { summary: `Meeting chat linked (${command.channel})` };
}
