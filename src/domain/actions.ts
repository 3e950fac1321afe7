import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { endOfLocalDay, localDate, writtenDay } from './dates.js';
import { addWorkingDays, isBankHoliday, isWorkingDay } from './nudges/calendar.js';
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
    refuse('ACTION.DUE_IN_PAST', `${writtenDay(dueDate)} has already passed: choose today or a later day.`, { dueDate });
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
  requireSmartAction(meeting, command.description, command.dueDate);
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

/** Helping verbs with nothing to count after them: "support with reading", "help with homework". */
const VAGUE_START = /^(support|help|encourage|monitor|continue|keep|try|work on|look into|think about|consider|improve|promote|assist|liaise|engage|check in)\b/i;
/** Words that give the action something to check: a number, a frequency, or a thing handed over. */
const COUNTABLE = /\d|\b(once|twice|daily|weekly|monthly|fortnightly|every|each|per|times|minutes?|hours?|sessions?|percent|report|referral|assessment|form|letter|application|appointment|meeting|book|plan)\b|%/i;

/**
 * An action must be SMART like a goal: something we can tell has been done, due on a day someone
 * is at work. Refused rather than kept with a warning, because an action cannot be reworded once
 * captured and its date can then only be moved by its owner; the refusal hands back what was
 * typed and the next working day, so putting it right in the meeting is one correction.
 */
function requireSmartAction(meeting: Meeting, description: string, dueDate: string): void {
  const missing: string[] = [];
  const vague = VAGUE_START.test(description.trim()) && !COUNTABLE.test(description);
  if (vague) missing.push(`what will be done and how often, so we can tell it has happened (Measurable), for example "read with ${meeting.child.initials} for 20 minutes, five evenings a week"`);
  const offDay = !isWorkingDay(dueDate);
  const nextWorkingDay = addWorkingDays(dueDate, 1);
  if (offDay) {
    const why = isBankHoliday(dueDate) ? 'a bank holiday' : 'not a working day';
    missing.push(`a due date on a working day: ${writtenDay(dueDate)} is ${why}; the next working day is ${writtenDay(nextWorkingDay)}`);
  }
  if (missing.length === 0) return;
  refuse(vague ? 'SMART.MISSING_MEASURE' : 'ACTION.DUE_NOT_WORKING_DAY', `This action is not SMART yet. Please add ${missing.join('; and ')}.`, {
    ...(offDay ? { nextWorkingDay } : {}),
  });
}
