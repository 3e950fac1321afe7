import { z } from 'zod';
import { AttendanceEntrySchema } from '../../domain/attendance-record.js';
import { ChildEventSchema } from '../../domain/child/child-record.js';
import {
  ActionSchema,
  AgendaItemSchema,
  AuditEventSchema,
  ChildSchema,
  ContributionSchema,
  GoalSchema,
  MeetingSchema,
  NoteSchema,
  ParticipantSchema,
  PromptSchema,
  ResourceSchema,
  ReviewSchema,
  SecureLinkSchema,
} from '../../domain/model.js';

/**
 * The published format of a subject access export (npm run data:export). The JSON Schema generated
 * from it is committed at schemas/subject-access.schema.json (a test keeps the two equal); a change
 * that breaks readers gets a new `format`. It holds what is held about the one person asked for,
 * and of other people only the ids the stored records use, never their names or words.
 */
export const SUBJECT_ACCESS_FORMAT = 'subject-access/1';

const Instant = MeetingSchema.shape.createdAt;

const MeetingContextSchema = z.object({
  meetingId: MeetingSchema.shape.id,
  childRef: ChildSchema.shape.ref,
  startsAt: Instant,
  status: MeetingSchema.shape.status,
});

const PersonInMeetingSchema = MeetingContextSchema.extend({
  participant: ParticipantSchema.describe('Their details as invited: name, role, addresses and chat ids, their answer to the invitation.'),
  contributions: z.array(ContributionSchema).describe('Reports asked of them, and what they sent.'),
  prompts: z.array(PromptSchema).describe('Questions sent to them, and their answers.'),
  notes: z.array(NoteSchema).describe('Notes they took.'),
  agendaItems: z.array(AgendaItemSchema).describe('Agenda items they added.'),
  reviews: z.array(ReviewSchema).describe('Reviews of the last plan they recorded.'),
  goals: z.array(GoalSchema).describe('Targets they wrote.'),
  resources: z.array(ResourceSchema).describe('Support they added.'),
  actions: z.array(ActionSchema).describe('Actions they own or wrote.'),
  links: z.array(SecureLinkSchema.omit({ tokenHash: true })).describe('Secure links issued to them (the token is never kept).'),
  attendance: AttendanceEntrySchema.optional().describe('Whether they were at the meeting.'),
  audit: z.array(AuditEventSchema).describe('Every change they made, as the audit recorded it.'),
}).meta({ title: 'The person in one meeting' });

const ChildRoleSchema = z.object({
  childRef: ChildSchema.shape.ref,
  role: z.enum(['social_worker', 'designated_teacher']),
  held: z.string().describe('The name or address the child record holds for them.'),
});

const ChildMeetingSchema = MeetingContextSchema.extend({
  views: z.array(PromptSchema).describe("The child's own views, in their words."),
  goals: z.array(GoalSchema),
  resources: z.array(ResourceSchema),
  actions: z.array(ActionSchema.pick({ id: true, description: true, dueDate: true, status: true, completedAt: true })),
  reviews: z.array(ReviewSchema.pick({ previousActionId: true, outcome: true, evidence: true, at: true })),
  notes: z.array(NoteSchema.pick({ id: true, text: true, at: true })).describe('Notes about the child; who wrote them is not shown.'),
  evidence: MeetingSchema.shape.evidence,
  nextReviewDate: MeetingSchema.shape.nextReviewDate,
}).meta({ title: 'The child in one meeting' });

const KeyValueHeldSchema = z.object({ namespace: z.string(), key: z.string(), value: z.unknown(), updatedAt: Instant });

export const SubjectAccessExportSchema = z
  .object({
    format: z.literal(SUBJECT_ACCESS_FORMAT),
    exportedAt: Instant,
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('person'), asked: z.string().describe('The email or chat id the request named.') }),
      z.object({ kind: z.literal('child'), ref: ChildSchema.shape.ref }),
    ]),
    meetings: z.array(PersonInMeetingSchema).describe('For a person: each meeting they were invited to, oldest first.'),
    childRoles: z.array(ChildRoleSchema).describe("For a person: children's records that name them."),
    childAudit: z.array(AuditEventSchema).describe("For a person: entries of children's audit trails that name them or record what they did (keyed child:<ref>)."),
    child: z
      .object({
        details: ChildSchema.optional(),
        events: z.array(ChildEventSchema.omit({ recordedBy: true })),
        meetings: z.array(ChildMeetingSchema),
      })
      .optional()
      .describe('For the child: their details, their history and their plans.'),
    keyValues: z.array(KeyValueHeldSchema).describe('Delivery records and chat references kept about them.'),
  })
  .meta({ title: 'Subject access export', description: 'Everything PEP Bot holds about one person, exported for a subject access request.' });
export type SubjectAccessExport = z.infer<typeof SubjectAccessExportSchema>;

/** The JSON Schema readers validate against; committed at schemas/subject-access.schema.json. */
export const subjectAccessJsonSchema = (): string => `${JSON.stringify(z.toJSONSchema(SubjectAccessExportSchema, { target: 'draft-2020-12', unrepresentable: 'any' }), null, 2)}\n`;
