import type { Officer } from '../../domain/actor.js';
import type { Alert } from '../../domain/context.js';
import type { Meeting, Participant } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { liveActionsCard, previousActionsCard } from '../views/meeting-cards.js';
import { agendaCard, attendanceSummaryCard } from '../views/preparation-cards.js';
import type { CardSpec, Outgoing } from './outgoing.js';

/** Whether a chat channel can reach the person: otherwise their cards go as secure links. */
export type Reachable = (person: Participant) => boolean;

/** A card to each Virtual School officer chosen for the child (src/app/officers.ts officersForChild). */
export const toOfficers = (officers: readonly Officer[], show: CardSpec, mode: 'send' | 'refresh' = 'send'): Outgoing[] =>
  officers.map((officer): Outgoing => ({ kind: 'officer', officerId: officer.id, show, mode }));

/** The alerts that send something to the Virtual School: only these need the child's officers looked up. */
const OFFICER_ALERTS: ReadonlySet<Alert['kind']> = new Set(['qa_review_due', 'funding_review_due', 'evidence_flagged']);
export const isForOfficers = (alert: Alert): boolean => OFFICER_ALERTS.has(alert.kind);

/** Oversight cards: the officers' to review, the organiser's with what the officer decided. */
function oversightMessages(after: Meeting, alerts: readonly Alert[], officers: readonly Officer[]): Outgoing[] {
  const toOrganiser = (show: CardSpec): Outgoing => ({ kind: 'direct', participantId: after.organiserId, show, mode: 'send' });
  return alerts.flatMap((alert): Outgoing[] => {
    switch (alert.kind) {
      case 'qa_review_due':
        return toOfficers(officers, { card: 'qa-review' });
      case 'qa_decided':
        return [toOrganiser({ card: 'qa-outcome' })];
      case 'funding_review_due':
        return toOfficers(officers, { card: 'funding-request', requestId: alert.requestId });
      case 'funding_decided':
        return [toOrganiser({ card: 'funding-outcome', requestId: alert.requestId })];
      default:
        return [];
    }
  });
}

const looksDifferent = (draw: (meeting: Meeting) => OutboundCard, before: Meeting, after: Meeting): boolean =>
  JSON.stringify(draw(before).data) !== JSON.stringify(draw(after).data);

const sameChat = (a: Meeting['chats'][number], b: Meeting['chats'][number]) => a.channel === b.channel && a.conversationId === b.conversationId;

function directMessages(after: Meeting, alerts: readonly Alert[]): Outgoing[] {
  const send = (participantId: string, show: CardSpec): Outgoing => ({ kind: 'direct', participantId, show, mode: 'send' });
  return alerts.flatMap((alert): Outgoing[] => {
    switch (alert.kind) {
      case 'invite':
        return alert.participantIds.map((id) => send(id, { card: 'invitation', participantId: id }));
      case 'contribution_requested':
        return [send(alert.participantId, { card: 'contribution-request', contributionId: alert.contributionId })];
      case 'prompt_sent':
        return [send(alert.participantId, { card: 'prompt', promptId: alert.promptId })];
      case 'plan_issued':
        return after.participants.map((p) => send(p.id, { card: 'plan-summary', participantId: p.id }));
      case 'plan_signed_off':
        return [send(after.organiserId, { card: 'plan-signed-off' })];
      default:
        return [];
    }
  });
}

/**
 * The organiser's attendance card follows the answers to the invitations. A key person who cannot
 * come needs their attention now: a new message notifies, an update in place does not.
 */
function attendanceCard(before: Meeting, after: Meeting, alerts: readonly Alert[]): Outgoing[] {
  const show: CardSpec = { card: 'attendance-summary' };
  if (alerts.some((a) => a.kind === 'critical_declined')) return [{ kind: 'direct', participantId: after.organiserId, show, mode: 'send' }];
  const invited = after.participants.some((p) => p.invitedAt);
  const changed = alerts.some((a) => a.kind === 'invite') || (invited && looksDifferent((m) => attendanceSummaryCard(m), before, after));
  return changed ? [{ kind: 'direct', participantId: after.organiserId, show, mode: 'refresh' }] : [];
}

/** The shared cards in each chat linked to the meeting, redrawn where what they show has changed. */
function chatCards(before: Meeting, after: Meeting, alerts: readonly Alert[]): Outgoing[] {
  const agenda = { show: { card: 'agenda' }, mode: 'refresh' } as const;
  const changed: { show: CardSpec; mode: 'new' | 'refresh' }[] = [];
  const agendaChanged = alerts.some((a) => a.kind === 'invite') || looksDifferent((m) => agendaCard(m), before, after);
  if (agendaChanged) changed.push(agenda);
  const started = before.status !== 'in_progress' && after.status === 'in_progress';
  if (started) changed.push({ show: { card: 'meeting-start' }, mode: 'new' });
  if (after.previousActions.length > 0 && (started || looksDifferent((m) => previousActionsCard(m), before, after))) {
    changed.push({ show: { card: 'previous-actions' }, mode: 'refresh' });
  }
  if (looksDifferent(liveActionsCard, before, after)) changed.push({ show: { card: 'live-actions' }, mode: 'refresh' });

  return after.chats.flatMap((chat) => {
    // A chat linked just now gets the agenda whatever else changed.
    const linkedNow = !before.chats.some((earlier) => sameChat(earlier, chat));
    const cards = linkedNow && !agendaChanged ? [agenda, ...changed] : changed;
    return cards.map((card): Outgoing => ({ kind: 'chat', channel: chat.channel, conversationId: chat.conversationId, show: card.show, mode: card.mode }));
  });
}

/** People invited by email had a calendar entry from PEP Bot; people in Teams or Slack did not. */
function cancellations(before: Meeting, after: Meeting, reachable: Reachable): Outgoing[] {
  if (before.status === 'cancelled' || after.status !== 'cancelled') return [];
  return after.participants
    .filter((p) => p.id !== after.organiserId && p.invitedAt && !reachable(p))
    .map((p): Outgoing => ({ kind: 'cancellation', participantId: p.id }));
}

const linksStopped = (before: Meeting, after: Meeting): boolean =>
  before.links.some((link) => {
    const now = after.links.find((l) => l.id === link.id);
    return !now || now.revokedAt !== link.revokedAt || now.usedAt !== link.usedAt;
  });

/**
 * What a change promises to send, read from what changed: the domain's alerts for messages to
 * people, and the difference between before and after for the cards everyone shares. Pure, so a
 * change knows its messages before it is saved, and they are saved with it.
 */
export function planOutgoing(before: Meeting, after: Meeting, alerts: readonly Alert[], reachable: Reachable, officers: readonly Officer[] = []): Outgoing[] {
  return [
    ...directMessages(after, alerts),
    ...oversightMessages(after, alerts, officers),
    ...attendanceCard(before, after, alerts),
    ...chatCards(before, after, alerts),
    ...cancellations(before, after, reachable),
    ...(linksStopped(before, after) ? [{ kind: 'tidy-links' } as const] : []),
  ];
}
