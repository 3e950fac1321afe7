import { z } from 'zod';

export const NUDGE_KINDS = [
  'action_before_due',
  'action_due_today',
  'action_overdue',
  'action_escalation_organiser',
  'action_escalation_vso',
  'contribution_reminder',
  'contribution_chaser',
  'rsvp_chaser',
  'meeting_reminder',
  'weekly_digest',
  'carer_questions',
  'child_questions',
] as const;
export const NudgeKindSchema = z.enum(NUDGE_KINDS);
export type NudgeKind = z.infer<typeof NudgeKindSchema>;

/**
 * One message the policy wants sent. Ids only: the sender reads names and wording from the
 * meeting when it builds the card. `itemId` is the action, the contribution, the invited
 * participant (invitation chaser, the carer's or the child's questions), or the meeting itself
 * (meeting reminder, weekly digest).
 */
export interface PlannedNudge {
  meetingId: string;
  kind: NudgeKind;
  itemId: string;
  recipientParticipantId: string;
  dueInstant: string;
}

/** A nudge while it is planned: after `expiresAt` a later nudge has taken its place. */
export interface CandidateNudge extends PlannedNudge {
  expiresAt?: string;
}
