import { z } from 'zod';

/**
 * Quality assurance of the written plan by the Virtual School: submitted by the organiser after
 * the meeting, rated Red / Amber / Green with feedback, then approved (the plan is locked) or
 * returned with a reason. A change after approval reopens it, saying what changed.
 */
export const QA_STATUSES = ['submitted', 'returned', 'approved', 'reopened'] as const;
export const QaStatusSchema = z.enum(QA_STATUSES);
export type QaStatus = z.infer<typeof QaStatusSchema>;

export const RagSchema = z.enum(['red', 'amber', 'green']);
export type Rag = z.infer<typeof RagSchema>;

const Instant = z.iso.datetime({ offset: true });
const ActorId = z.string().min(1).max(64);

/** One step of the review, kept so the organiser and the officer see the whole round. */
export const QaStepSchema = z.object({
  kind: z.enum(['submitted', 'rated', 'returned', 'approved', 'reopened']),
  at: Instant,
  by: ActorId,
  rag: RagSchema.optional(),
  /** The reason a plan was returned, or the officer's feedback. */
  note: z.string().max(4000).optional(),
});
export type QaStep = z.infer<typeof QaStepSchema>;

export const QaStateSchema = z.object({
  status: QaStatusSchema,
  /** The latest rating given, kept when a plan is reopened. */
  rag: RagSchema.optional(),
  /** The officer's latest feedback to the organiser. */
  feedback: z.string().max(4000).optional(),
  /** Why the plan was last returned. */
  returnReason: z.string().max(2000).optional(),
  submittedAt: Instant.optional(),
  /** The plan version the officer approved: a later version reopens the review. */
  approvedPlanVersion: z.number().int().min(1).optional(),
  /** What changed in the plan since it was approved, in the plan's own words. */
  changesSinceApproval: z.array(z.string().min(1).max(300)).max(50).optional(),
  steps: z.array(QaStepSchema).max(200).optional(),
});
export type QaState = z.infer<typeof QaStateSchema>;

/** The state with one more step on record (the oldest dropped past the schema's limit). */
export const withStep = (qa: QaState, step: QaStep): QaState => ({ ...qa, steps: [...(qa.steps ?? []), step].slice(-200) });
