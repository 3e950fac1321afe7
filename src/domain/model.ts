import { z } from 'zod';
import { AttendanceEntrySchema } from './attendance-record.js';
import { EvidenceSchema } from './evidence/evidence.js';
import { FundingRequestSchema } from './funding/funding-request.js';
import { QaStateSchema } from './qa/qa-state.js';
import { TransitionSchema } from './qa/transition.js';
import { RoleSchema } from './roles.js';

/**
 * The shape of one PEP meeting as it is stored: one document per meeting, versioned for
 * optimistic concurrency. Stores parse what they read with MeetingSchema, so a document written
 * by an older release, or edited by hand, is caught at the edge rather than deep in a use case.
 */

const Instant = z.iso.datetime({ offset: true });
const LocalDate = z.iso.date();
const Id = z.string().min(1).max(64);

export const ChannelSchema = z.enum(['teams', 'slack', 'web', 'email', 'system']);
export type Channel = z.infer<typeof ChannelSchema>;

export const ChildSchema = z.object({
  /** Pseudonymous PEP reference: the only identifier shown in group chats. */
  ref: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'A PEP reference uses capital letters, digits and dashes (3 to 32 characters), for example PEP-2026-0042.'),
  initials: z.string().regex(/^[A-Z]{1,3}$/, 'Initials are one to three capital letters, for example JD.'),
  fullName: z.string().min(1).max(120).optional(),
  dateOfBirth: LocalDate.optional(),
  /** 0 = Reception, 1..13 = Year 1..13. Drives age-appropriate wording. */
  yearGroup: z.number().int().min(0).max(13).optional(),
  school: z.string().min(1).max(160).optional(),
});
export type Child = z.infer<typeof ChildSchema>;

export const RsvpAnswerSchema = z.enum(['accept', 'tentative', 'decline', 'written_contribution']);
export type RsvpAnswer = z.infer<typeof RsvpAnswerSchema>;

export const IdentitySchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()).optional(),
  teamsUserId: z.string().min(1).max(200).optional(),
  teamsAadObjectId: z.string().min(1).max(64).optional(),
  slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'A Slack user id looks like U012AB3CD.').optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

export const ParticipantSchema = IdentitySchema.extend({
  id: Id,
  name: z.string().min(1).max(120),
  initials: z.string().regex(/^[A-Z]{1,3}$/),
  role: RoleSchema,
  preferredChannel: ChannelSchema.exclude(['system']).optional(),
  invitedAt: Instant.optional(),
  rsvp: z
    .object({ answer: RsvpAnswerSchema, at: Instant, note: z.string().max(2000).optional() })
    .optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ContributionKindSchema = z.enum(['school', 'carer', 'health', 'other']);
export type ContributionKind = z.infer<typeof ContributionKindSchema>;

export const ContributionContentSchema = z.object({
  attendancePercent: z.number().min(0).max(100).optional(),
  attainment: z.string().max(4000).optional(),
  exclusions: z.number().int().min(0).max(365).optional(),
  observations: z.string().max(4000).optional(),
  health: z.string().max(4000).optional(),
  text: z.string().max(8000).optional(),
});
export type ContributionContent = z.infer<typeof ContributionContentSchema>;

export const ContributionSchema = z.object({
  id: Id,
  participantId: Id,
  kind: ContributionKindSchema,
  dueAt: Instant.optional(),
  requestedAt: Instant,
  status: z.enum(['requested', 'submitted']),
  submittedAt: Instant.optional(),
  content: ContributionContentSchema.optional(),
});
export type Contribution = z.infer<typeof ContributionSchema>;

export const AgendaItemSchema = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  addedBy: Id,
  /** Not agreed yet. Still true once the agenda is locked: it is then raised under any other business. */
  suggested: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const AgendaSchema = z.object({
  items: z.array(AgendaItemSchema),
  signOffs: z.array(z.object({ participantId: Id, at: Instant })),
  lockedAt: Instant.optional(),
  lockedBy: Id.optional(),
  /** Suggestions the organiser declined, kept so the card can say what became of them. */
  declined: z.array(AgendaItemSchema.omit({ suggested: true }).extend({ declinedAt: Instant, declinedBy: Id })).optional(),
});
export type Agenda = z.infer<typeof AgendaSchema>;

export const NoteSchema = z.object({
  id: Id,
  agendaItemId: Id.optional(),
  text: z.string().min(1).max(8000),
  by: Id,
  at: Instant,
});
export type Note = z.infer<typeof NoteSchema>;

export const ActionStatusSchema = z.enum(['open', 'done', 'blocked']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** An action carried over from the previous PEP, reviewed at step 6. */
export const PreviousActionSchema = z.object({
  id: Id,
  description: z.string().min(1).max(2000),
  ownerName: z.string().max(120).optional(),
  dueDate: LocalDate.optional(),
  status: ActionStatusSchema,
});
export type PreviousAction = z.infer<typeof PreviousActionSchema>;

export const ReviewOutcomeSchema = z.enum(['achieved', 'in_progress', 'not_achieved']);
export type ReviewOutcome = z.infer<typeof ReviewOutcomeSchema>;

export const ReviewSchema = z.object({
  previousActionId: Id,
  outcome: ReviewOutcomeSchema,
  evidence: z.string().max(4000),
  by: Id,
  at: Instant,
});
export type Review = z.infer<typeof ReviewSchema>;

export const GoalSchema = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  specific: z.string().min(1).max(2000),
  measurable: z.string().min(1).max(2000),
  achievable: z.string().min(1).max(2000),
  relevant: z.string().min(1).max(2000),
  timeBound: LocalDate,
  agendaItemId: Id.optional(),
  createdBy: Id,
  createdAt: Instant,
});
export type Goal = z.infer<typeof GoalSchema>;

export const ResourceKindSchema = z.enum(['tutoring', 'mentoring', 'counselling', 'pupil_premium_plus', 'equipment', 'other']);
export type ResourceKind = z.infer<typeof ResourceKindSchema>;

export const ResourceSchema = z.object({
  id: Id,
  goalId: Id,
  kind: ResourceKindSchema,
  description: z.string().min(1).max(2000),
  /** Pupil Premium Plus and other funded support, in pence to avoid float money. */
  costPence: z.number().int().min(0).optional(),
  addedBy: Id,
  at: Instant,
});
export type Resource = z.infer<typeof ResourceSchema>;

export const ActionSchema = z.object({
  id: Id,
  description: z.string().min(1).max(2000),
  ownerId: Id,
  dueDate: LocalDate,
  /** End of the due day in the meeting's time zone: indexed for "due before" queries. */
  dueAt: Instant,
  status: ActionStatusSchema,
  goalId: Id.optional(),
  blockedReason: z.string().max(2000).optional(),
  acknowledgedAt: Instant.optional(),
  completedAt: Instant.optional(),
  createdBy: Id,
  createdAt: Instant,
});
export type Action = z.infer<typeof ActionSchema>;

export const PromptKindSchema = z.enum(['carer', 'child_voice']);
export type PromptKind = z.infer<typeof PromptKindSchema>;

export const CarerAnswerSchema = z.object({
  kind: z.literal('carer'),
  mood: z.number().int().min(1).max(5),
  toRaise: z.string().max(4000).optional(),
  freeText: z.string().max(8000).optional(),
});
export const ChildVoiceAnswerSchema = z.object({
  kind: z.literal('child_voice'),
  feeling: z.number().int().min(1).max(5),
  goingWell: z.string().max(4000).optional(),
  hard: z.string().max(4000).optional(),
  want: z.string().max(4000).optional(),
});
export const PromptAnswerSchema = z.discriminatedUnion('kind', [CarerAnswerSchema, ChildVoiceAnswerSchema]);
export type PromptAnswer = z.infer<typeof PromptAnswerSchema>;

export const PromptSchema = z.object({
  id: Id,
  kind: PromptKindSchema,
  participantId: Id,
  sentAt: Instant,
  answer: PromptAnswerSchema.optional(),
  answeredAt: Instant.optional(),
});
export type Prompt = z.infer<typeof PromptSchema>;

export const MEETING_STATUSES = [
  'draft',
  'invited',
  'agenda_agreed',
  'in_progress',
  'concluded',
  'plan_distributed',
  'cancelled',
] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const LocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in_person'), place: z.string().min(1).max(300) }),
  z.object({ kind: z.literal('online'), url: z.url({ protocol: /^https$/ }) }),
]);
export type Location = z.infer<typeof LocationSchema>;

export const LINK_PURPOSES = ['invitation', 'carer-prompt', 'child-voice-prompt', 'action-nudge', 'contribution-request', 'plan', 'evidence'] as const;
export const LinkPurposeSchema = z.enum(LINK_PURPOSES);
export type LinkPurpose = z.infer<typeof LinkPurposeSchema>;

/**
 * A secure web link for someone with no Teams or Slack: bound to one person and one card (or the
 * plan). Only a hash of the token is kept, so the stored meeting cannot be turned into a link.
 */
export const SecureLinkSchema = z.object({
  id: Id,
  tokenHash: z.string().regex(/^[a-f0-9]{64}$/),
  participantId: Id,
  purpose: LinkPurposeSchema,
  /** The prompt, action or contribution the card is about. */
  itemId: Id.optional(),
  singleUse: z.boolean(),
  issuedBy: Id,
  issuedAt: Instant,
  expiresAt: Instant,
  usedAt: Instant.optional(),
  revokedAt: Instant.optional(),
});
export type SecureLink = z.infer<typeof SecureLinkSchema>;

/** A group or meeting chat that shows this meeting's agenda, start card and live actions. */
export const LinkedChatSchema = z.object({
  channel: z.enum(['teams', 'slack']),
  conversationId: z.string().min(1).max(500),
  linkedBy: Id,
  at: Instant,
});
export type LinkedChat = z.infer<typeof LinkedChatSchema>;

/** Step 11: one sign-off by one signatory, for the plan version they were shown. */
export const PlanSignOffSchema = z.object({ participantId: Id, version: z.number().int().min(1), at: Instant });
export type PlanSignOff = z.infer<typeof PlanSignOffSchema>;

/** A change to the plan after it was issued: a new version, with what changed in plain words. */
export const PlanAmendmentSchema = z.object({
  version: z.number().int().min(2),
  at: Instant,
  /** A participant id, or "system". */
  by: Id,
  changes: z.array(z.string().min(1).max(300)).min(1).max(50),
});
export type PlanAmendment = z.infer<typeof PlanAmendmentSchema>;

/**
 * The written plan's state (src/domain/plan/): issued when the meeting closes, signed off by the
 * key people, re-issued as a new version whenever what it says changes. Sign-offs keep the
 * version they were for, so a change reopens sign-off without losing who signed what earlier.
 */
export const PlanStateSchema = z.object({
  version: z.number().int().min(1),
  /** When the current version was issued. */
  issuedAt: Instant,
  signatories: z.array(Id).min(1),
  signOffs: z.array(PlanSignOffSchema),
  amendments: z.array(PlanAmendmentSchema),
});
export type PlanState = z.infer<typeof PlanStateSchema>;

export const MeetingSchema = z.object({
  id: Id,
  version: z.number().int().min(1),
  status: MeetingStatusSchema,
  child: ChildSchema,
  purpose: z.string().min(1).max(1000),
  startsAt: Instant,
  durationMinutes: z.number().int().min(15).max(480),
  timeZone: z.string().min(1),
  location: LocationSchema,
  organiserId: Id,
  participants: z.array(ParticipantSchema),
  contributions: z.array(ContributionSchema),
  agenda: AgendaSchema,
  notes: z.array(NoteSchema),
  previousMeetingId: Id.optional(),
  previousActions: z.array(PreviousActionSchema),
  reviews: z.array(ReviewSchema),
  goals: z.array(GoalSchema),
  resources: z.array(ResourceSchema),
  actions: z.array(ActionSchema),
  prompts: z.array(PromptSchema),
  chats: z.array(LinkedChatSchema).max(10).default([]),
  links: z.array(SecureLinkSchema).max(500).default([]),
  nextReviewDate: LocalDate.optional(),
  cancelledReason: z.string().max(1000).optional(),
  createdAt: Instant,
  updatedAt: Instant,
  /** When the organiser (or the scheduler) actually started it; absent on meetings started before this was kept. */
  startedAt: Instant.optional(),
  concludedAt: Instant.optional(),
  /** Absent until the meeting closes, and on meetings closed before plans were kept. */
  plan: PlanStateSchema.optional(),
  /** The term's attendance, exclusions and attainment the meeting decided on (src/domain/evidence/). */
  evidence: EvidenceSchema.optional(),
  /** Who was there, recorded when the meeting is held (src/domain/attendance-record.ts). */
  attendance: z.array(AttendanceEntrySchema).max(60).optional(),
  /** The Virtual School's quality assurance of the plan (src/domain/qa/). */
  qa: QaStateSchema.optional(),
  /** Set when the retention run anonymised the meeting (src/domain/data-protection/): `closedAt` is when its periods count from. */
  anonymised: z.object({ at: Instant, closedAt: Instant }).optional(),
  /** From Year 9: pathway, careers guidance and post-16 options (src/domain/qa/transition.ts). */
  transition: TransitionSchema.optional(),
  /** Pupil Premium Plus requests made from the plan's support items (src/domain/funding/). */
  funding: z.array(FundingRequestSchema).max(100).optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const AuditEventSchema = z.object({
  id: Id,
  meetingId: Id,
  at: Instant,
  /** A participant id, or "system" for the scheduler. */
  actorId: Id,
  channel: ChannelSchema,
  /** The command that made the change, e.g. "recordRsvp". */
  type: z.string().min(1).max(64),
  /** A short description with no personal data, safe to show to any participant. */
  summary: z.string().max(300),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
