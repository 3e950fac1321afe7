import { z } from 'zod';
import { SeasonSchema } from '../school-term.js';

/**
 * A Pupil Premium Plus request: a costed `pupil_premium_plus` support item linked to a SMART
 * target, asked of the Virtual School. "No PEP, no premium": an officer may approve it at any
 * time, but the money is released only once the plan itself is approved, so an approval on a plan
 * not yet approved waits as `approved` and becomes `released` when the plan is.
 */
export const FUNDING_STATUSES = ['requested', 'queried', 'approved', 'released', 'rejected'] as const;
export const FundingStatusSchema = z.enum(FUNDING_STATUSES);
export type FundingStatus = z.infer<typeof FundingStatusSchema>;

const Instant = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(64);

export const FundingRequestSchema = z.object({
  id: Id,
  /** The support item on the plan, and the SMART target it serves. */
  resourceId: Id,
  goalId: Id,
  amountPence: z.number().int().min(1),
  interventionType: z.string().min(1).max(120),
  /** The school term of the day it was asked for (src/domain/school-term.ts): the spend counts against it and its academic year ("2026-27"). */
  academicYear: z.string().regex(/^\d{4}-\d{2}$/),
  term: SeasonSchema,
  status: FundingStatusSchema,
  requestedBy: Id,
  requestedAt: Instant,
  /** The officer's open question, and the organiser's answer to the last one. */
  question: z.string().max(2000).optional(),
  answer: z.string().max(2000).optional(),
  decisionNote: z.string().max(2000).optional(),
  decidedBy: Id.optional(),
  decidedAt: Instant.optional(),
  releasedAt: Instant.optional(),
});
export type FundingRequest = z.infer<typeof FundingRequestSchema>;
