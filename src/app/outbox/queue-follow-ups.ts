import { DateTime } from 'luxon';
import type { Officer } from '../../domain/actor.js';
import type { MeetingCommand } from '../../domain/commands.js';
import type { Change, CommandContext } from '../../domain/context.js';
import { SYSTEM_ACTOR } from '../../domain/context.js';
import { decideFollowUps } from '../../domain/decide.js';
import type { Meeting } from '../../domain/model.js';
import type { OutboxMessage } from '../../ports/outbox.js';
import { linkTargetOf } from '../link-cards.js';
import { planLinkDays } from '../plan/plan-links.js';
import { newLinkToken } from '../secure-links.js';
import { participant } from '../views/people.js';
import { drawCard } from './draw-card.js';
import type { IssuedLinkRef, Outgoing } from './outgoing.js';
import type { Reachable } from './plan-outgoing.js';
import { evidenceOutgoing } from './evidence-outgoing.js';
import { planOutgoing } from './plan-outgoing.js';

/** What the composition tells the core about reaching people, so a change can plan its messages. */
export interface OutboxPlanning {
  reachable: Reachable;
  /** How long a link to a card works (LINK_TTL_DAYS). */
  linkDays: number;
}

export interface FollowedChange {
  change: Change;
  messages: OutboxMessage[];
}

const FULL_DETAILS = 'full';

interface LinkNeed {
  index: number;
  tokenHash: string;
  token: string;
  opens: IssuedLinkRef['opens'];
}

const expiry = (ctx: CommandContext, days: number): string => DateTime.fromISO(ctx.at).plus({ days }).toUTC().toISO({ suppressMilliseconds: true }) ?? ctx.at;

/**
 * The links the messages will carry, issued now, in the change that sends them: a card's own link
 * for someone no chat reaches, and the full plan for everyone a chat does reach.
 */
function linksFor(after: Meeting, outgoing: readonly Outgoing[], planning: OutboxPlanning, ctx: CommandContext): { needs: LinkNeed[]; commands: MeetingCommand[] } {
  const needs: LinkNeed[] = [];
  const commands: MeetingCommand[] = [];
  outgoing.forEach((message, index) => {
    if (message.kind !== 'direct' || message.mode !== 'send') return;
    const person = participant(after, message.participantId);
    const reached = planning.reachable(person);
    const target = reached ? (message.show.card === 'plan-summary' ? { purpose: 'plan' as const, itemId: FULL_DETAILS } : undefined) : linkTargetOf(drawCard(after, message.show));
    if (!target) return;
    const { token, tokenHash } = newLinkToken();
    const days = target.purpose === 'plan' ? planLinkDays(after, new Date(ctx.at)) : planning.linkDays;
    needs.push({ index, token, tokenHash, opens: reached ? 'plan-document' : 'card' });
    commands.push({ type: 'issueLink', participantId: person.id, purpose: target.purpose, itemId: target.itemId, tokenHash, expiresAt: expiry(ctx, days), singleUse: target.purpose !== 'plan' });
  });
  return { needs, commands };
}

/**
 * Every saved change re-plans the meeting's reminders, from the outbox: off the request path, and
 * kept with the change so a restart still does it. Not among the messages a reply speaks of.
 */
export const replanAfter = (meeting: Meeting, at: string): OutboxMessage => ({ id: `${meeting.id}/v${meeting.version}/replan`, meetingId: meeting.id, createdAt: at, message: { kind: 'replan' } satisfies Outgoing });

/**
 * Completes a decided change with what it promises to send: the outgoing messages, the links they
 * carry, and the plan marked as distributed once its first version is queued for everyone. The
 * messages are saved with the change, in one unit of work, or not at all.
 */
/** `officers`: those chosen for the meeting's child (officersForChild), for what the change has for them. */
export function queueFollowUps(before: Meeting, change: Change, ctx: CommandContext, planning: OutboxPlanning, officers: readonly Officer[] = []): FollowedChange {
  const outgoing = [...planOutgoing(before, change.meeting, change.alerts, planning.reachable, officers), ...evidenceOutgoing(change.meeting, change.alerts, officers)];
  if (outgoing.length === 0) return { change, messages: [] };
  const { needs, commands } = linksFor(change.meeting, outgoing, planning, ctx);
  if (change.alerts.some((a) => a.kind === 'plan_issued') && change.meeting.status === 'concluded') commands.push({ type: 'markPlanDistributed' });
  const followed = decideFollowUps(change, commands, { ...ctx, actorId: SYSTEM_ACTOR, channel: 'system' });
  const meeting = followed.meeting;
  const messages = outgoing.map((message, index): OutboxMessage => {
    const need = needs.find((n) => n.index === index);
    const link = need && meeting.links.find((l) => l.tokenHash === need.tokenHash);
    const withLink = link && need && message.kind === 'direct' ? { ...message, link: { linkId: link.id, token: need.token, opens: need.opens } } : message;
    return { id: `${meeting.id}/v${meeting.version}/${index + 1}`, meetingId: meeting.id, createdAt: ctx.at, message: withLink };
  });
  return { change: followed, messages };
}
