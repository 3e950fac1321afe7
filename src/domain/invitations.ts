import type { CommandOf } from './commands.js';
import type { Alert, CommandContext, Outcome } from './context.js';
import { requestContributionFor } from './contributions.js';
import { millis } from './dates.js';
import { refuse } from './errors.js';
import { BEFORE_MEETING, moveTo, requireStatus } from './lifecycle.js';
import type { Meeting } from './model.js';
import { actingParticipant, requireOrganiser } from './permissions.js';
import { isCriticalRole } from './roles.js';

export function sendInvitations(meeting: Meeting, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'send the invitations');
  const invitees = meeting.participants.filter((p) => p.id !== meeting.organiserId);
  if (invitees.length === 0) refuse('PARTICIPANT.NONE_TO_INVITE', 'Add at least one participant before sending invitations.');
  moveTo(meeting, 'invited');
  for (const participant of invitees) participant.invitedAt = ctx.at;
  const organiser = meeting.participants.find((p) => p.id === meeting.organiserId);
  if (organiser) organiser.rsvp = { answer: 'accept', at: ctx.at };
  return {
    summary: `Invitations sent to ${invitees.length} participants`,
    alerts: [{ kind: 'invite', participantIds: invitees.map((p) => p.id) }],
  };
}

/** Answers may change until the call starts; the latest answer counts. */
export function recordRsvp(meeting: Meeting, command: CommandOf<'recordRsvp'>, ctx: CommandContext): Outcome {
  const participant = actingParticipant(meeting, ctx);
  requireStatus(meeting, BEFORE_MEETING, 'answer the invitation');
  participant.rsvp = { answer: command.answer, at: ctx.at, note: command.note };
  const alerts: Alert[] = [];
  if (command.answer === 'decline' && isCriticalRole(participant.role)) {
    alerts.push({ kind: 'critical_declined', participantId: participant.id, role: participant.role });
  }
  if (command.answer === 'written_contribution') {
    const request = requestContributionFor(meeting, participant, ctx);
    if (request) alerts.push({ kind: 'contribution_requested', contributionId: request.id, participantId: participant.id });
  }
  return { summary: `Invitation answered: ${command.answer}`, alerts };
}

/**
 * Step 1's "reschedule promptly if critical members are unavailable": a new time asks everyone
 * again, since an answer was for the old time. The agenda and its sign-offs stay as they were.
 */
export function rescheduleMeeting(meeting: Meeting, command: CommandOf<'rescheduleMeeting'>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'reschedule the meeting');
  requireStatus(meeting, BEFORE_MEETING, 'reschedule the meeting');
  if (millis(command.startsAt) <= millis(ctx.at)) refuse('VALIDATION.INVALID_INPUT', 'The new time must be in the future.', { field: 'startsAt' });
  meeting.startsAt = command.startsAt;
  const invitees = meeting.participants.filter((p) => p.id !== meeting.organiserId);
  for (const participant of invitees) {
    participant.rsvp = undefined;
    participant.invitedAt = ctx.at;
  }
  return {
    summary: `Meeting moved to ${command.startsAt}; ${invitees.length} people invited again`,
    alerts: [{ kind: 'invite', participantIds: invitees.map((p) => p.id) }],
  };
}
