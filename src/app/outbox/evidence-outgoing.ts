import type { Officer } from '../../domain/actor.js';
import type { Alert } from '../../domain/context.js';
import type { Meeting } from '../../domain/model.js';
import type { Outgoing } from './outgoing.js';
import { toOfficers } from './plan-outgoing.js';

/**
 * What the evidence alerts send: the evidence form to the designated teacher asked for it (a
 * secure link when no chat reaches them), and a flagged child to the organiser and the Virtual
 * School officers for the child, before the next meeting (seed benefit 5). Pure.
 */
export function evidenceOutgoing(after: Meeting, alerts: readonly Alert[], officers: readonly Officer[]): Outgoing[] {
  // `officers` are those chosen for the child already (officersForChild, in executeCommand).
  return alerts.flatMap((alert): Outgoing[] => {
    switch (alert.kind) {
      case 'evidence_requested':
        return [{ kind: 'direct', participantId: alert.participantId, show: { card: 'evidence-form', participantId: alert.participantId }, mode: 'send' }];
      case 'evidence_flagged': {
        const show = { card: 'evidence-flags', flags: alert.flags, previous: alert.previous } as const;
        return [{ kind: 'direct', participantId: after.organiserId, show, mode: 'send' }, ...toOfficers(officers, show)];
      }
      default:
        return [];
    }
  });
}
