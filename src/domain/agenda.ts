import type { CommandContext, Outcome } from './context.js';
import { refuse } from './errors.js';
import { moveTo, requireStatus } from './lifecycle.js';
import type { Agenda, AgendaItem, Meeting } from './model.js';
import { actingParticipant, requireOrganiser } from './permissions.js';

/** PRODUCT.md step 3: the organiser starts from this and edits it. */
export const DEFAULT_AGENDA_TITLES = [
  'Review of previous actions',
  'Progress and attainment',
  'Well-being',
  "The child's views",
  'SMART goals',
  'Support and resources',
  'Any other business',
] as const;

export function defaultAgenda(organiserId: string, newId: () => string): Agenda {
  return {
    items: DEFAULT_AGENDA_TITLES.map((title) => ({ id: newId(), title, addedBy: organiserId, suggested: false })),
    signOffs: [],
  };
}

function requireOpenAgenda(meeting: Meeting, doing: string): void {
  if (meeting.agenda.lockedAt) refuse('AGENDA.LOCKED', 'The agenda is locked: raise it under "Any other business" in the meeting instead.');
  requireStatus(meeting, ['draft', 'invited'], doing);
}

function findItem(meeting: Meeting, itemId: string): AgendaItem {
  const item = meeting.agenda.items.find((i) => i.id === itemId);
  if (!item) refuse('AGENDA.ITEM_NOT_FOUND', 'That agenda item no longer exists.');
  return item;
}

/** People signed a particular agenda; once it changes their sign-off no longer stands. */
function agreedItemsChanged(meeting: Meeting): string {
  const cleared = meeting.agenda.signOffs.length;
  meeting.agenda.signOffs = [];
  return cleared > 0 ? `; ${cleared} sign-offs cleared` : '';
}

export function addAgendaItem(meeting: Meeting, title: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'edit the agenda');
  requireOpenAgenda(meeting, 'edit the agenda');
  meeting.agenda.items.push({ id: ctx.newId(), title, addedBy: ctx.actorId, suggested: false });
  return { summary: `Agenda item added${agreedItemsChanged(meeting)}` };
}

/** Each open suggestion carries its own accept and decline buttons on the card, so they are bounded. */
export const MAX_OPEN_SUGGESTIONS = 4;

export const openSuggestions = (meeting: Meeting): AgendaItem[] => meeting.agenda.items.filter((i) => i.suggested);

/** A suggestion is shown on the card but is not part of what people sign until accepted. */
export function suggestAgendaItem(meeting: Meeting, title: string, ctx: CommandContext): Outcome {
  actingParticipant(meeting, ctx);
  requireOpenAgenda(meeting, 'suggest an agenda item');
  if (openSuggestions(meeting).length >= MAX_OPEN_SUGGESTIONS) {
    refuse('AGENDA.TOO_MANY_SUGGESTIONS', `${MAX_OPEN_SUGGESTIONS} suggestions are already waiting for the organiser: raise yours once they have accepted or declined some, or under any other business.`);
  }
  meeting.agenda.items.push({ id: ctx.newId(), title, addedBy: ctx.actorId, suggested: true });
  return { summary: 'Agenda item suggested' };
}

export function acceptAgendaSuggestion(meeting: Meeting, itemId: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'accept suggestions');
  requireOpenAgenda(meeting, 'edit the agenda');
  findItem(meeting, itemId).suggested = false;
  return { summary: `Agenda suggestion accepted${agreedItemsChanged(meeting)}` };
}

/**
 * A declined suggestion leaves the agenda but not the record: the card keeps showing it as declined,
 * so the person who suggested it learns what became of it.
 */
export function declineAgendaSuggestion(meeting: Meeting, itemId: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'decline suggestions');
  requireOpenAgenda(meeting, 'edit the agenda');
  const item = findItem(meeting, itemId);
  if (!item.suggested) refuse('AGENDA.ITEM_NOT_FOUND', 'That suggestion is already on the agenda: remove the item instead if it should go.');
  meeting.agenda.items = meeting.agenda.items.filter((i) => i.id !== itemId);
  meeting.agenda.declined = [...(meeting.agenda.declined ?? []), { id: item.id, title: item.title, addedBy: item.addedBy, declinedAt: ctx.at, declinedBy: ctx.actorId }];
  return { summary: 'Agenda suggestion declined' };
}

export function removeAgendaItem(meeting: Meeting, itemId: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'edit the agenda');
  requireOpenAgenda(meeting, 'edit the agenda');
  const item = findItem(meeting, itemId);
  meeting.agenda.items = meeting.agenda.items.filter((i) => i.id !== itemId);
  return { summary: `Agenda item removed${item.suggested ? '' : agreedItemsChanged(meeting)}` };
}

export function signOffAgenda(meeting: Meeting, ctx: CommandContext): Outcome {
  const participant = actingParticipant(meeting, ctx);
  requireOpenAgenda(meeting, 'sign off the agenda');
  if (meeting.agenda.signOffs.some((s) => s.participantId === participant.id)) {
    return { summary: 'Agenda sign-off repeated (no change)' };
  }
  meeting.agenda.signOffs.push({ participantId: participant.id, at: ctx.at });
  return { summary: 'Agenda signed off' };
}

export function lockAgenda(meeting: Meeting, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'lock the agenda');
  if (!meeting.agenda.items.some((i) => !i.suggested)) refuse('AGENDA.EMPTY', 'Add at least one agenda item before locking the agenda.');
  moveTo(meeting, 'agenda_agreed');
  // Suggestions still open stay suggested: a locked agenda lists them under any other business.
  const open = openSuggestions(meeting).length;
  meeting.agenda.lockedAt = ctx.at;
  meeting.agenda.lockedBy = ctx.actorId;
  const kept = open > 0 ? `; ${open} open suggestions kept under any other business` : '';
  return { summary: `Agenda locked with ${meeting.agenda.signOffs.length} of ${meeting.participants.length} sign-offs${kept}` };
}

/** What the organiser should know before locking: the app asks first when either is not complete. */
export function lockWarnings(meeting: Meeting): { openSuggestions: number; signedOff: number; participants: number } {
  return { openSuggestions: openSuggestions(meeting).length, signedOff: meeting.agenda.signOffs.length, participants: meeting.participants.length };
}
