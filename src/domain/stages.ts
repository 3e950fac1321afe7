import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { localDate } from './dates.js';
import { refuse } from './errors.js';
import { moveTo, requireStatus } from './lifecycle.js';
import type { Meeting } from './model.js';
import { requireOrganiser, requireOrganiserOrSystem } from './permissions.js';
import { issuePlan } from './plan/versions.js';

export function startMeeting(meeting: Meeting, ctx: CommandContext): Outcome {
  requireOrganiserOrSystem(meeting, ctx, 'start the meeting');
  moveTo(meeting, 'in_progress');
  // The plan says when the meeting was held, which is not always when it was booked for.
  meeting.startedAt = ctx.at;
  return { summary: 'Meeting started' };
}

/** Step 12: the next review must fall after this meeting. */
export function setNextReviewDate(meeting: Meeting, date: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'set the next review date');
  requireStatus(meeting, ['invited', 'agenda_agreed', 'in_progress'], 'set the next review date');
  const meetingDay = localDate(meeting.startsAt, meeting.timeZone);
  const today = localDate(ctx.at, meeting.timeZone);
  if (date <= meetingDay || date <= today) {
    refuse('MEETING.NEXT_REVIEW_IN_PAST', `The next review date must be after this meeting (${meetingDay}).`, { date });
  }
  meeting.nextReviewDate = date;
  return { summary: `Next review date set to ${date}` };
}

/** Closing the meeting issues the written plan (step 11) to the chosen signatories. */
export function concludeMeeting(meeting: Meeting, command: CommandOf<'concludeMeeting'>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'close the meeting');
  requireStatus(meeting, ['in_progress'], 'close the meeting');
  if (!meeting.nextReviewDate) {
    refuse('MEETING.NEXT_REVIEW_REQUIRED', 'Set the date of the next PEP review before closing the meeting.');
  }
  moveTo(meeting, 'concluded');
  meeting.concludedAt = ctx.at;
  issuePlan(meeting, command.planSignatoryRoles, ctx);
  return { summary: `Meeting closed with ${meeting.goals.length} goals and ${meeting.actions.length} actions` };
}

export function markPlanDistributed(meeting: Meeting, ctx: CommandContext): Outcome {
  requireOrganiserOrSystem(meeting, ctx, 'distribute the plan');
  moveTo(meeting, 'plan_distributed');
  return { summary: 'Written plan distributed' };
}

export function cancelMeeting(meeting: Meeting, reason: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'cancel the meeting');
  moveTo(meeting, 'cancelled');
  meeting.cancelledReason = reason;
  return { summary: 'Meeting cancelled' };
}
