import type { CommandOf } from './commands.js';
import type { CommandContext, Outcome } from './context.js';
import { millis } from './dates.js';
import { refuse } from './errors.js';
import type { LinkPurpose, Meeting, SecureLink } from './model.js';
import { isPlanLinkScope } from './plan/link-scope.js';
import { requireAddressee, requireOrganiser, requireOrganiserOrSystem } from './permissions.js';
import { findParticipant } from './participants.js';

export type LinkState = 'active' | 'expired' | 'revoked' | 'used';

export function linkState(link: SecureLink, now: string): LinkState {
  if (link.revokedAt) return 'revoked';
  if (link.singleUse && link.usedAt) return 'used';
  return millis(now) >= millis(link.expiresAt) ? 'expired' : 'active';
}

/** The thing a link opens must belong to the person it is for: their prompt, their action. */
function requireOwnItem(meeting: Meeting, participantId: string, purpose: LinkPurpose, itemId: string | undefined): void {
  const owned: Record<LinkPurpose, () => boolean> = {
    invitation: () => true,
    plan: () => isPlanLinkScope(itemId),
    'carer-prompt': () => meeting.prompts.some((p) => p.id === itemId && p.participantId === participantId && p.kind === 'carer'),
    'child-voice-prompt': () => meeting.prompts.some((p) => p.id === itemId && p.participantId === participantId && p.kind === 'child_voice'),
    'action-nudge': () => meeting.actions.some((a) => a.id === itemId && a.ownerId === participantId),
    'contribution-request': () => meeting.contributions.some((c) => c.id === itemId && c.participantId === participantId),
    evidence: () => meeting.participants.some((p) => p.id === participantId && p.role === 'designated_teacher'),
  };
  if (!owned[purpose]()) refuse('LINK.WRONG_ITEM', 'A link can only open something addressed to the person it is for.', { purpose });
}

export function issueLink(meeting: Meeting, command: CommandOf<'issueLink'>, ctx: CommandContext): Outcome {
  requireOrganiserOrSystem(meeting, ctx, 'send secure links');
  findParticipant(meeting, command.participantId);
  requireOwnItem(meeting, command.participantId, command.purpose, command.itemId);
  if (millis(command.expiresAt) <= millis(ctx.at)) refuse('VALIDATION.INVALID_INPUT', 'A link must expire in the future.');
  meeting.links.push({
    id: ctx.newId(),
    tokenHash: command.tokenHash,
    participantId: command.participantId,
    purpose: command.purpose,
    itemId: command.itemId,
    singleUse: command.singleUse,
    issuedBy: ctx.actorId,
    issuedAt: ctx.at,
    expiresAt: command.expiresAt,
  });
  return { summary: `Secure link issued (${command.purpose})` };
}

function findLink(meeting: Meeting, linkId: string): SecureLink {
  const link = meeting.links.find((l) => l.id === linkId);
  if (!link) refuse('LINK.NOT_FOUND', 'That link does not exist.');
  return link;
}

export function revokeLink(meeting: Meeting, linkId: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'revoke links');
  const link = findLink(meeting, linkId);
  if (!link.revokedAt) link.revokedAt = ctx.at;
  return { summary: `Secure link revoked (${link.purpose})` };
}

/** Recorded when the person submits through the link; a single-use link then stops working. */
export function useLink(meeting: Meeting, linkId: string, ctx: CommandContext): Outcome {
  const link = findLink(meeting, linkId);
  requireAddressee(ctx, link.participantId, 'link');
  const state = linkState(link, ctx.at);
  if (state !== 'active') refuse('LINK.INACTIVE', `This link has ${state === 'used' ? 'already been used' : `been ${state}`}.`, { state });
  link.usedAt = ctx.at;
  return { summary: `Secure link used (${link.purpose})` };
}

/** "That link went to the wrong person": every link of theirs that still works stops working. */
export function revokeLinksOf(meeting: Meeting, participantId: string, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'revoke links');
  const person = findParticipant(meeting, participantId);
  const active = meeting.links.filter((l) => l.participantId === participantId && linkState(l, ctx.at) === 'active');
  for (const link of active) link.revokedAt = ctx.at;
  return { summary: `${active.length} secure links revoked (${person.role})` };
}
