import { z } from 'zod';
import { AttendanceStatusSchema } from './attendance-record.js';
import { EvidenceEntrySchema } from './evidence/evidence-command.js';
import {
  ChildSchema,
  ContributionContentSchema,
  ContributionKindSchema,
  IdentitySchema,
  LocationSchema,
  PreviousActionSchema,
  PromptAnswerSchema,
  PromptKindSchema,
  LinkPurposeSchema,
  ResourceKindSchema,
  ReviewOutcomeSchema,
  RsvpAnswerSchema,
} from './model.js';
import { DEFAULT_PLAN_SIGNATORY_ROLES } from './plan/signatories.js';
import { ROLES, RoleSchema } from './roles.js';

/**
 * Every change to a meeting is one of these commands. Channels build them from card payloads,
 * slash commands or chat text and parse them here, so nothing unchecked reaches the rules.
 * Who is acting never travels in a command: it comes from the authenticated channel context.
 */

/** Typed text, trimmed and required; also for the oversight commands (src/domain/qa/, src/domain/funding/). */
export const text = (max: number) => z.string().trim().min(1, 'This cannot be empty.').max(max, `Keep this under ${max} characters.`);
/** Empty is absent: a card sends "" for a box left blank. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));
const id = z.string().min(1).max(64);
const localDate = z.iso.date({ error: 'Use a date like 2026-12-04.' });

export const NewParticipantSchema = IdentitySchema.extend({
  name: text(120),
  initials: z.string().regex(/^[A-Z]{1,3}$/).optional(),
  role: RoleSchema,
  preferredChannel: z.enum(['teams', 'slack', 'web', 'email']).optional(),
});
export type NewParticipant = z.infer<typeof NewParticipantSchema>;

export const CreateMeetingSchema = z.object({
  type: z.literal('createMeeting'),
  child: ChildSchema,
  purpose: text(1000).default('Review and plan the education of the child, with the child at the centre.'),
  startsAt: z.iso.datetime({ offset: true, error: 'Give the start as a date and time, for example 2026-12-04T10:00:00Z.' }),
  durationMinutes: z.number().int().min(15).max(480).default(60),
  timeZone: z.string().min(1).optional(),
  location: LocationSchema,
  organiser: NewParticipantSchema,
  participants: z.array(NewParticipantSchema).max(40),
  previousMeetingId: id.optional(),
  previousActions: z.array(PreviousActionSchema).max(200).default([]),
});
export type CreateMeeting = z.infer<typeof CreateMeetingSchema>;

const empty = <T extends string>(type: T) => z.object({ type: z.literal(type) });

export const MeetingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addParticipant'), participant: NewParticipantSchema }),
  z.object({ type: z.literal('removeParticipant'), participantId: id }),
  empty('sendInvitations'),
  z.object({ type: z.literal('rescheduleMeeting'), startsAt: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal('recordRsvp'), answer: RsvpAnswerSchema, note: optionalText(2000) }),
  z.object({
    type: z.literal('requestContribution'),
    participantId: id,
    kind: ContributionKindSchema,
    dueAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({ type: z.literal('submitContribution'), contributionId: id, content: ContributionContentSchema }),
  z.object({ type: z.literal('addAgendaItem'), title: text(200) }),
  z.object({ type: z.literal('suggestAgendaItem'), title: text(200) }),
  z.object({ type: z.literal('acceptAgendaSuggestion'), itemId: id }),
  z.object({ type: z.literal('declineAgendaSuggestion'), itemId: id }),
  z.object({ type: z.literal('removeAgendaItem'), itemId: id }),
  z.object({ type: z.literal('linkChat'), channel: z.enum(['teams', 'slack']), conversationId: z.string().min(1).max(500) }),
  z.object({
    type: z.literal('issueLink'),
    participantId: id,
    purpose: LinkPurposeSchema,
    itemId: id.optional(),
    tokenHash: z.string().regex(/^[a-f0-9]{64}$/),
    expiresAt: z.iso.datetime({ offset: true }),
    singleUse: z.boolean(),
  }),
  z.object({ type: z.literal('revokeLink'), linkId: id }),
  z.object({ type: z.literal('revokeLinksOf'), participantId: id }),
  z.object({ type: z.literal('useLink'), linkId: id }),
  empty('signOffAgenda'),
  empty('lockAgenda'),
  empty('startMeeting'),
  z.object({ type: z.literal('addNote'), text: text(8000), agendaItemId: id.optional() }),
  z.object({
    type: z.literal('reviewPreviousAction'),
    previousActionId: id,
    outcome: ReviewOutcomeSchema,
    evidence: optionalText(4000),
  }),
  z.object({
    type: z.literal('addGoal'),
    title: text(200),
    // Optional here on purpose: the SMART rule names each missing part in its own words.
    specific: optionalText(2000),
    measurable: optionalText(2000),
    achievable: optionalText(2000),
    relevant: optionalText(2000),
    timeBound: localDate.optional(),
    agendaItemId: id.optional(),
  }),
  z.object({
    type: z.literal('linkResource'),
    goalId: id,
    kind: ResourceKindSchema,
    description: text(2000),
    costPence: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('captureAction'), ownerId: id, description: text(2000), dueDate: localDate, goalId: id.optional() }),
  z.object({ type: z.literal('acknowledgeAction'), actionId: id }),
  z.object({ type: z.literal('completeAction'), actionId: id }),
  z.object({ type: z.literal('blockAction'), actionId: id, reason: text(2000) }),
  z.object({ type: z.literal('rescheduleAction'), actionId: id, dueDate: localDate }),
  z.object({ type: z.literal('sendPrompt'), participantId: id, kind: PromptKindSchema }),
  z.object({ type: z.literal('answerPrompt'), promptId: id, answer: PromptAnswerSchema }),
  z.object({ type: z.literal('setNextReviewDate'), date: localDate }),
  z.object({
    type: z.literal('concludeMeeting'),
    /** Who signs the written plan; the organiser may choose others when closing. */
    planSignatoryRoles: z.array(RoleSchema).min(1).max(ROLES.length).default([...DEFAULT_PLAN_SIGNATORY_ROLES]),
  }),
  z.object({ type: z.literal('signPlan'), planVersion: z.number().int().min(1) }),
  empty('markPlanDistributed'),
  z.object({
    type: z.literal('recordAttendance'),
    entries: z.array(z.object({ participantId: id, status: AttendanceStatusSchema, reason: optionalText(1000) })).min(1).max(60),
  }),
  EvidenceEntrySchema.extend({ type: z.literal('recordEvidence'), source: z.enum(['card', 'csv']).default('card') }),
  z.object({ type: z.literal('requestEvidence'), participantId: id }),
  z.object({ type: z.literal('cancelMeeting'), reason: text(1000) }),
]);
export type MeetingCommand = z.infer<typeof MeetingCommandSchema>;
export type CommandType = MeetingCommand['type'];
export type CommandOf<T extends CommandType> = Extract<MeetingCommand, { type: T }>;
/** A command as a channel builds it, before parsing fills defaults and trims text. */
export type MeetingCommandInput = z.input<typeof MeetingCommandSchema>;
