import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { localDate, writtenDay } from './dates.js';
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

/**
 * What the organiser should know as the meeting starts. It still starts: the organiser may have
 * good reason (the date moved by phone, the child is giving their views in person), and a
 * refusal here would also stop the platform's own meeting-start event. But nobody should start
 * a week early, or without the child's voice, without being told.
 */
export interface StartWarning {
  about: 'date' | 'child';
  message: string;
}

export function startWarnings(meeting: Meeting, at: string): StartWarning[] {
  const warnings: StartWarning[] = [];
  const planned = localDate(meeting.startsAt, meeting.timeZone);
  const today = localDate(at, meeting.timeZone);
  if (today < planned) {
    const days = Math.round((Date.parse(planned) - Date.parse(today)) / 86_400_000);
    warnings.push({ about: 'date', message: `This meeting was planned for ${writtenDay(planned)}, ${days === 1 ? 'tomorrow' : `${days} days from today`}. It is now under way, and the participants were invited for that date.` });
  }
  const child = meeting.participants.find((p) => p.role === 'child');
  const childComing = child?.rsvp?.answer === 'accept' || child?.rsvp?.answer === 'tentative';
  const viewsGathered =
    meeting.prompts.some((p) => p.kind === 'child_voice' && p.answer) ||
    meeting.contributions.some((c) => c.participantId === child?.id && c.status === 'submitted');
  if (!childComing && !viewsGathered) {
    warnings.push({ about: 'child', message: `${meeting.child.initials} ${!child ? 'was not invited' : child.rsvp ? 'is not coming' : 'has not said they are coming'} and their views have not been gathered. Ask for them before decisions are made, or record why they could not be given with \`note\`.` });
  }
  return warnings;
}

/** Step 12: the next review must fall after this meeting. */
export function setNextReviewDate(meeting: Meeting, date: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'set the next review date');
  requireStatus(meeting, ['invited', 'agenda_agreed', 'in_progress'], 'set the next review date');
  const meetingDay = localDate(meeting.startsAt, meeting.timeZone);
  const today = localDate(ctx.at, meeting.timeZone);
  if (date <= meetingDay || date <= today) {
    refuse('MEETING.NEXT_REVIEW_IN_PAST', `The next review date must be after this meeting (${writtenDay(meetingDay)}).`, { date });
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
