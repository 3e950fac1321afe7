import type { Officer } from './actor.js';
import type { Evidence } from './evidence/evidence.js';
import type { EvidenceFlag } from './evidence/evidence-flags.js';
import type { EvidenceSettings } from './evidence/evidence-settings.js';
import type { Term } from './child/calendar-settings.js';
import type { AuditEvent, Channel, Meeting } from './model.js';
import type { Role } from './roles.js';

/** The scheduler and platform events act as "system"; everyone else is a participant id. */
export const SYSTEM_ACTOR = 'system';

/**
 * Everything a decision needs from outside, passed in so the domain stays pure:
 * who acts (already authenticated by the channel), through which channel, when, and fresh ids.
 */
export interface CommandContext {
  actorId: string;
  channel: Channel;
  at: string;
  newId: () => string;
  /** Set when a Virtual School officer acts (then actorId is officerActorId(officer)); rules that serve oversight check its roles. */
  officer?: Officer;
  /** For recordEvidence: the previous PEP's figures and the council's thresholds, read by the app (evidence flags). */
  evidenceBaseline?: { previous?: Evidence; settings: EvidenceSettings };
  /** The council's term dates (calendar settings), for rules that name a school term (src/domain/school-term.ts); England's defaults without them. */
  schoolTerms?: readonly Term[];
}

/** Something the channels should tell a person about, beyond refreshing the cards. */
export type Alert =
  | { kind: 'critical_declined'; participantId: string; role: Role }
  | { kind: 'invite'; participantIds: string[] }
  | { kind: 'action_captured'; actionId: string; ownerId: string }
  | { kind: 'contribution_requested'; contributionId: string; participantId: string }
  | { kind: 'prompt_sent'; promptId: string; participantId: string }
  /** A version of the written plan to send to everyone (at conclusion, and after each change). */
  | { kind: 'plan_issued'; version: number }
  /** Every signatory has signed the version in force. */
  | { kind: 'plan_signed_off'; version: number }
  /** The evidence entered flags the child: the organiser and the Virtual School are told. */
  | { kind: 'evidence_flagged'; flags: EvidenceFlag[]; previous?: Evidence }
  /** The organiser asked the designated teacher for the term's figures. */
  | { kind: 'evidence_requested'; participantId: string }
  /** The plan is for the Virtual School to review: submitted, or reopened by a change after approval. */
  | { kind: 'qa_review_due'; reason: 'submitted' | 'reopened' }
  /** The officer approved or returned the plan: the organiser hears. */
  | { kind: 'qa_decided'; outcome: 'approved' | 'returned' }
  /** A Pupil Premium Plus request is for an officer to decide: new, or with the organiser's answer. */
  | { kind: 'funding_review_due'; requestId: string }
  /** An officer decided or queried a request, or its money was released: the organiser hears. */
  | { kind: 'funding_decided'; requestId: string };

export interface Change {
  meeting: Meeting;
  events: AuditEvent[];
  alerts: Alert[];
}

/** What a handler reports back; decide() turns it into the audit event. */
export interface Outcome {
  summary: string;
  alerts?: Alert[];
}
