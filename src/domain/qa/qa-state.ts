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

export const QaStateSchema = z.object({
  status: QaStatusSchema,
  /** The latest rating given, kept when a plan is reopened. */
  rag: RagSchema.optional(),
});
export type QaState = z.infer<typeof QaStateSchema>;
