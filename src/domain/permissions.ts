import type { CommandContext } from './context.js';
import { SYSTEM_ACTOR } from './context.js';
import { refuse } from './errors.js';
import type { Meeting, Participant } from './model.js';

/** Only invited participants act on a meeting. */
export function actingParticipant(meeting: Meeting, ctx: CommandContext): Participant {
  const participant = meeting.participants.find((p) => p.id === ctx.actorId);
  if (!participant) {
    refuse('PERMISSION.NOT_PARTICIPANT', 'Only people invited to this PEP meeting can do that.');
  }
  return participant;
}

export const isOrganiser = (meeting: Meeting, actorId: string): boolean => meeting.organiserId === actorId;

export function requireOrganiser(meeting: Meeting, ctx: CommandContext, doing: string): void {
  actingParticipant(meeting, ctx);
  if (!isOrganiser(meeting, ctx.actorId)) {
    refuse('PERMISSION.NOT_ORGANISER', `Only the meeting organiser can ${doing}.`);
  }
}

/** The organiser, or the scheduler/platform acting for the meeting (e.g. a Teams meeting start). */
export function requireOrganiserOrSystem(meeting: Meeting, ctx: CommandContext, doing: string): void {
  if (ctx.actorId !== SYSTEM_ACTOR) requireOrganiser(meeting, ctx, doing);
}

/** Only the addressed person answers their own card. */
export function requireAddressee(ctx: CommandContext, addresseeId: string, what: string): void {
  if (ctx.actorId !== addresseeId) {
    refuse('PERMISSION.NOT_ADDRESSEE', `Only the person this ${what} was given to can answer it.`);
  }
}

export function requireAddresseeOrOrganiser(meeting: Meeting, ctx: CommandContext, addresseeId: string, what: string): void {
  actingParticipant(meeting, ctx);
  if (ctx.actorId !== addresseeId && !isOrganiser(meeting, ctx.actorId)) {
    refuse('PERMISSION.NOT_ADDRESSEE', `Only the owner of this ${what} or the organiser can change it.`);
  }
}
