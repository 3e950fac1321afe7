import { defaultAgenda } from './agenda.js';
import { auditEvent } from './audit.js';
import type { CreateMeeting } from './commands.js';
import type { Change, CommandContext } from './context.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, millis } from './dates.js';
import { refuse } from './errors.js';
import type { Meeting, Participant } from './model.js';
import { buildParticipant, refuseDuplicate } from './participants.js';

/**
 * Step 1 starts here: a draft meeting with its organiser, participants and the default agenda.
 * The organiser is the actor; they get their participant id here, so the context has no actor yet.
 */
export function createMeeting(command: CreateMeeting, ctx: Omit<CommandContext, 'actorId'>, defaultTimeZone = DEFAULT_TIME_ZONE): Change {
  const timeZone = command.timeZone ?? defaultTimeZone;
  if (!isValidTimeZone(timeZone)) refuse('VALIDATION.INVALID_INPUT', `"${timeZone}" is not a time zone we know.`, { field: 'timeZone' });
  if (millis(command.startsAt) <= millis(ctx.at)) refuse('VALIDATION.INVALID_INPUT', 'The meeting must start in the future.', { field: 'startsAt' });

  const organiser = buildParticipant(command.organiser, ctx.newId());
  const participants: Participant[] = [organiser];
  for (const input of command.participants) {
    const participant = buildParticipant(input, ctx.newId());
    refuseDuplicate(participants, participant);
    participants.push(participant);
  }
  const meeting: Meeting = {
    id: ctx.newId(),
    version: 1,
    status: 'draft',
    child: command.child,
    purpose: command.purpose,
    startsAt: command.startsAt,
    durationMinutes: command.durationMinutes,
    timeZone,
    location: command.location,
    organiserId: organiser.id,
    participants,
    contributions: [],
    agenda: defaultAgenda(organiser.id, ctx.newId),
    notes: [],
    previousMeetingId: command.previousMeetingId,
    previousActions: command.previousActions,
    reviews: [],
    goals: [],
    resources: [],
    actions: [],
    prompts: [],
    chats: [],
    links: [],
    createdAt: ctx.at,
    updatedAt: ctx.at,
  };
  const actorCtx = { ...ctx, actorId: organiser.id };
  const event = auditEvent(meeting.id, 'createMeeting', `Meeting created with ${participants.length} participants`, { childRef: command.child.ref }, actorCtx);
  return { meeting, events: [event], alerts: [] };
}
