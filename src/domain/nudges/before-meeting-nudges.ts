import { localDate, millis } from '../dates.js';
import { BEFORE_MEETING } from '../lifecycle.js';
import type { Contribution, Participant } from '../model.js';
import { addWorkingDays } from './calendar.js';
import type { CandidateNudge } from './nudge.js';
import type { PlanContext } from './plan-context.js';
import { lastSendingDayBefore, nextAllowedSendingTime, sendOnDay } from './sending-window.js';

/**
 * While the meeting is being prepared: chase unanswered invitations, remind people the meeting
 * is close, and remind then chase contributions not yet in. Nothing here outlives the start.
 */
export function beforeMeetingNudges(ctx: PlanContext): CandidateNudge[] {
  if (!BEFORE_MEETING.includes(ctx.meeting.status)) return [];
  const beforeStart = (nudge: CandidateNudge | undefined): nudge is CandidateNudge =>
    nudge !== undefined && millis(nudge.dueInstant) < millis(ctx.meeting.startsAt);
  return [
    ...ctx.meeting.participants.map((participant) => rsvpChaser(ctx, participant)),
    ...ctx.meeting.participants.map((participant) => meetingReminder(ctx, participant)),
    ...ctx.meeting.contributions.flatMap((contribution) => contributionNudges(ctx, contribution)),
  ].filter(beforeStart);
}

function rsvpChaser(ctx: PlanContext, participant: Participant): CandidateNudge | undefined {
  const window = ctx.windowOf(participant.id);
  if (!window || !participant.invitedAt || participant.rsvp || participant.id === ctx.meeting.organiserId) return undefined;
  const invitedOn = localDate(participant.invitedAt, ctx.meeting.timeZone);
  const due = sendOnDay(addWorkingDays(invitedOn, ctx.settings.rsvpChaseAfterWorkingDays), window);
  return ctx.nudge('rsvp_chaser', participant.id, participant.id, due, ctx.meeting.startsAt);
}

/** For the organiser and everyone who said they will (or may) come. */
function meetingReminder(ctx: PlanContext, participant: Participant): CandidateNudge | undefined {
  const { meeting } = ctx;
  const window = ctx.windowOf(participant.id);
  const coming = participant.id === meeting.organiserId || participant.rsvp?.answer === 'accept' || participant.rsvp?.answer === 'tentative';
  if (!window || !coming) return undefined;
  const due = sendOnDay(lastSendingDayBefore(localDate(meeting.startsAt, meeting.timeZone), window), window);
  return ctx.nudge('meeting_reminder', meeting.id, participant.id, due, meeting.startsAt);
}

/** A chaser after the deadline only makes sense when the deadline comes before the meeting. */
function contributionNudges(ctx: PlanContext, contribution: Contribution): CandidateNudge[] {
  const window = ctx.windowOf(contribution.participantId);
  if (!window || contribution.status !== 'requested' || !contribution.dueAt) return [];
  const { dueAt } = contribution;
  const dueOn = localDate(dueAt, ctx.meeting.timeZone);
  const reminder = sendOnDay(addWorkingDays(dueOn, -ctx.settings.reminderWorkingDaysBefore), window);
  const nudges: CandidateNudge[] = [];
  if (millis(reminder) >= millis(contribution.requestedAt) && millis(reminder) < millis(dueAt)) {
    nudges.push(ctx.nudge('contribution_reminder', contribution.id, contribution.participantId, reminder, dueAt));
  }
  const chaser = nextAllowedSendingTime(dueAt, window);
  nudges.push(ctx.nudge('contribution_chaser', contribution.id, contribution.participantId, chaser, ctx.meeting.startsAt));
  return nudges;
}
