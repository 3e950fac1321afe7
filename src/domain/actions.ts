import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { endOfLocalDay, localDate } from './dates.js';
import { refuse } from './errors.js';
import { ACTIONS_LIVE, requireStatus } from './lifecycle.js';
import type { Action, Meeting } from './model.js';
import { actingParticipant, requireAddressee, requireAddresseeOrOrganiser } from './permissions.js';
import { findParticipant } from './participants.js';

function findAction(meeting: Meeting, actionId: string): Action {
  const action = meeting.actions.find((a) => a.id === actionId);
  if (!action) refuse('ACTION.NOT_FOUND', 'That action no longer exists.', { actionId });
  return action;
}

function requireFutureDue(meeting: Meeting, dueDate: string, ctx: CommandContext): void {
  if (dueDate < localDate(ctx.at, meeting.timeZone)) {
    refuse('ACTION.DUE_IN_PAST', `The due date ${dueDate} has already passed: choose today or a later day.`, { dueDate });
  }
}

function requireOpen(action: Action): void {
  if (action.status === 'done') refuse('ACTION.ALREADY_DONE', 'That action is already done.');
}

/** PRODUCT.md step 10: captured live during the call, each with an owner and a due date. */
export function captureAction(meeting: Meeting, command: CommandOf<'captureAction'>, ctx: CommandContext): Outcome {
  actingParticipant(meeting, ctx);
  requireStatus(meeting, ['in_progress'], 'capture actions');
  const owner = findParticipant(meeting, command.ownerId);
  requireFutureDue(meeting, command.dueDate, ctx);
  if (command.goalId && !meeting.goals.some((g) => g.id === command.goalId)) refuse('GOAL.NOT_FOUND', 'That goal no longer exists.');
  const action: Action = {
    id: ctx.newId(),
    description: command.description,
    ownerId: owner.id,
    dueDate: command.dueDate,
    dueAt: endOfLocalDay(command.dueDate, meeting.timeZone),
    status: 'open',
    goalId: command.goalId,
    createdBy: ctx.actorId,
    createdAt: ctx.at,
  };
  meeting.actions.push(action);
  return {
    summary: `Action captured for the ${owner.role} (due ${command.dueDate})`,
    alerts: [{ kind: 'action_captured', actionId: action.id, ownerId: owner.id }],
  };
}

export function acknowledgeAction(meeting: Meeting, actionId: string, ctx: CommandContext): Outcome {
  const action = findAction(meeting, actionId);
  requireAddressee(ctx, action.ownerId, 'action');
  requireStatus(meeting, ACTIONS_LIVE, 'acknowledge actions');
  if (action.acknowledgedAt) return { summary: 'Action acknowledgement repeated (no change)' };
  action.acknowledgedAt = ctx.at;
  return { summary: 'Action acknowledged by its owner' };
}

export function completeAction(meeting: Meeting, actionId: string, ctx: CommandContext): Outcome {
  const action = findAction(meeting, actionId);
  requireAddresseeOrOrganiser(meeting, ctx, action.ownerId, 'action');
  requireStatus(meeting, ACTIONS_LIVE, 'complete actions');
  requireOpen(action);
  action.status = 'done';
  action.completedAt = ctx.at;
  action.blockedReason = undefined;
  return { summary: 'Action marked done' };
}

export function blockAction(meeting: Meeting, command: CommandOf<'blockAction'>, ctx: CommandContext): Outcome {
  const action = findAction(meeting, command.actionId);
  requireAddresseeOrOrganiser(meeting, ctx, action.ownerId, 'action');
  requireStatus(meeting, ACTIONS_LIVE, 'update actions');
  requireOpen(action);
  action.status = 'blocked';
  action.blockedReason = command.reason;
  return { summary: 'Action marked blocked' };
}

/** "Need more time": a new date reopens a blocked action, since the owner expects to finish it. */
export function rescheduleAction(meeting: Meeting, command: CommandOf<'rescheduleAction'>, ctx: CommandContext): Outcome {
  const action = findAction(meeting, command.actionId);
  requireAddresseeOrOrganiser(meeting, ctx, action.ownerId, 'action');
  requireStatus(meeting, ACTIONS_LIVE, 'reschedule actions');
  requireOpen(action);
  requireFutureDue(meeting, command.dueDate, ctx);
  const from = action.dueDate;
  action.dueDate = command.dueDate;
  action.dueAt = endOfLocalDay(command.dueDate, meeting.timeZone);
  action.status = 'open';
  action.blockedReason = undefined;
  return { summary: `Action moved from ${from} to ${command.dueDate}` };
}
