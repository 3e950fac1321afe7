import { ACTIONS_LIVE } from '../lifecycle.js';
import type { Action } from '../model.js';
import { addCalendarDays, addWorkingDays } from './calendar.js';
import { millis } from '../dates.js';
import { startOfLocalDay } from './instants.js';
import type { CandidateNudge } from './nudge.js';
import type { PlanContext } from './plan-context.js';
import { sendOnDay } from './sending-window.js';

/** The actions that are nudged: the open ones, while the meeting's actions are live. */
export const nudgedActions = (ctx: PlanContext): Action[] =>
  ACTIONS_LIVE.includes(ctx.meeting.status) ? ctx.meeting.actions.filter((action) => action.status === 'open') : [];

/**
 * One open action's reminders: one some working days before it is due, one on the day, one once
 * it is overdue, then the organiser and later the Virtual School officer. A reminder that would
 * arrive before the action existed, or only after the next stage, is dropped.
 */
export function actionNudges(ctx: PlanContext, action: Action): CandidateNudge[] {
  const { meeting, settings } = ctx;
  const owner = ctx.windowOf(action.ownerId);
  if (!owner) return [];
  const dueDayStarts = startOfLocalDay(action.dueDate, meeting.timeZone);
  const createdAt = millis(action.createdAt);
  const between = (instant: string, until: string) => millis(instant) >= createdAt && millis(instant) < millis(until);
  const nudges: CandidateNudge[] = [];

  const before = sendOnDay(addWorkingDays(action.dueDate, -settings.reminderWorkingDaysBefore), owner);
  if (between(before, dueDayStarts)) nudges.push(ctx.nudge('action_before_due', action.id, action.ownerId, before, dueDayStarts));
  const onTheDay = sendOnDay(action.dueDate, owner);
  if (between(onTheDay, action.dueAt)) nudges.push(ctx.nudge('action_due_today', action.id, action.ownerId, onTheDay, action.dueAt));
  nudges.push(ctx.nudge('action_overdue', action.id, action.ownerId, sendOnDay(addCalendarDays(action.dueDate, 1), owner)));

  const organiserDay = addWorkingDays(action.dueDate, settings.escalateToOrganiserAfterWorkingDays);
  const organiser = ctx.windowOf(meeting.organiserId);
  if (organiser && action.ownerId !== meeting.organiserId) {
    nudges.push(ctx.nudge('action_escalation_organiser', action.id, meeting.organiserId, sendOnDay(organiserDay, organiser)));
  }
  const officerDay = addWorkingDays(organiserDay, settings.escalateToVsoAfterWorkingDays);
  for (const officer of meeting.participants.filter((p) => p.role === 'virtual_school_officer' && p.id !== action.ownerId)) {
    const window = ctx.windowOf(officer.id);
    if (window) nudges.push(ctx.nudge('action_escalation_vso', action.id, officer.id, sendOnDay(officerDay, window)));
  }
  return nudges;
}
