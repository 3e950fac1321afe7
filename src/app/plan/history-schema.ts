import { z } from 'zod';
import { ActionSchema, ChildSchema, MeetingSchema, PlanAmendmentSchema, PlanSignOffSchema } from '../../domain/model.js';
import { PlanContentSchema, PlanPersonSchema } from '../../domain/plan/content.js';

/**
 * The published format of a child's PEP history, for the local authority's case system. The JSON
 * Schema generated from it is committed at schemas/pep-history.schema.json (a test keeps the two
 * equal); a change that breaks readers gets a new `format`.
 */
export const PEP_HISTORY_FORMAT = 'pep-history/1';

const Instant = MeetingSchema.shape.createdAt;

export const PlanVersionRecordSchema = z
  .object({
    version: z.number().int().min(1),
    issuedAt: Instant,
    changes: z.array(z.string()).describe('What changed from the version before; empty for version 1.'),
    content: PlanContentSchema.describe('What the plan said at this version.'),
  })
  .meta({ title: 'Plan version' });

const MeetingRecordSchema = z
  .object({
    meetingId: MeetingSchema.shape.id,
    previousMeetingId: MeetingSchema.shape.previousMeetingId,
    status: MeetingSchema.shape.status,
    startsAt: Instant,
    concludedAt: MeetingSchema.shape.concludedAt,
    nextReviewDate: MeetingSchema.shape.nextReviewDate,
    plan: z
      .object({
        version: z.number().int().min(1).describe('The version in force.'),
        signatories: z.array(PlanPersonSchema),
        signOffs: z.array(PlanSignOffSchema.omit({ participantId: true }).extend({ by: PlanPersonSchema })),
        amendments: z.array(PlanAmendmentSchema),
        versions: z.array(PlanVersionRecordSchema).describe('Every version issued, oldest first.'),
      })
      .optional()
      .describe('Absent for a meeting not yet closed.'),
    actionProgress: z
      .array(ActionSchema.pick({ id: true, status: true, completedAt: true, blockedReason: true }))
      .describe('How each agreed action stands now: progress is tracked against the plan, not part of it.'),
  })
  .meta({ title: 'PEP meeting' });

export const PepHistorySchema = z
  .object({
    format: z.literal(PEP_HISTORY_FORMAT),
    exportedAt: Instant,
    child: ChildSchema,
    meetings: z.array(MeetingRecordSchema).describe('Oldest first.'),
  })
  .meta({ title: 'PEP history of one child', description: "A child's Personal Education Plan meetings and written plans, exported by PEP Bot." });
export type PepHistory = z.infer<typeof PepHistorySchema>;

/** The JSON Schema readers validate against; committed at schemas/pep-history.schema.json. */
export const pepHistoryJsonSchema = (): string => `${JSON.stringify(z.toJSONSchema(PepHistorySchema, { target: 'draft-2020-12' }), null, 2)}\n`;
