import { z } from 'zod';
import { FundingStatusSchema } from '../../domain/funding/funding-request.js';
import { GoalSchema } from '../../domain/model.js';
import { schoolTermLabel, SeasonSchema } from '../../domain/school-term.js';
import { ChildTagSchema, Id, ProblemsSchema, typedText } from './common.js';

/** £450.00 from 45000 pence: money is kept in pence, shown in pounds. */
export const pounds = (pence: number): string => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const FUNDING_STATUS_TEXT: Record<z.infer<typeof FundingStatusSchema>, string> = {
  requested: 'Waiting for a decision.',
  queried: 'Queried: waiting for the organiser’s answer.',
  approved: 'Approved, awaiting plan approval: paid once the Virtual School approves the plan (no PEP, no premium).',
  released: 'Approved and released.',
  rejected: 'Not approved.',
};

/** What both Pupil Premium Plus cards say of the request. */
export const fundingRequestFields = {
  meetingId: Id,
  requestId: Id,
  child: ChildTagSchema,
  amountPence: z.number().int().min(1),
  interventionType: z.string().min(1).max(120),
  status: FundingStatusSchema,
};

/**
 * For a Virtual School officer: one Pupil Premium Plus request (amount, intervention, the SMART
 * target it serves), the child's spend this year against the allocation, a warning when it would
 * go over, and Approve, Reject or Query (a query needs the question).
 */
export const FundingRequestDataSchema = z
  .strictObject({
    ...fundingRequestFields,
    description: z.string().min(1).max(2000),
    target: GoalSchema.shape.title,
    question: z.string().max(2000).default(''),
    answer: z.string().max(2000).default(''),
    /** The school term it counts against, by the council's term dates, as the caseload's term filter names it. */
    academicYear: z.string().regex(/^\d{4}-\d{2}$/),
    term: SeasonSchema,
    allocationPence: z.number().int().min(0),
    committedPence: z.number().int().min(0),
    planApproved: z.boolean(),
    /** By how much approving it would exceed the year's allocation (src/domain/funding/spend.ts). */
    overAllocationPence: z.number().int().min(0).default(0),
    values: z.strictObject({ note: typedText(2000) }).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => {
    const remaining = d.allocationPence - d.committedPence;
    const open = d.status === 'requested' || d.status === 'queried';
    return {
      ...d,
      amountText: pounds(d.amountPence),
      statusText: FUNDING_STATUS_TEXT[d.status],
      spendText: `Counts against the ${schoolTermLabel(d.academicYear, d.term)}. ${pounds(d.committedPence)} of ${pounds(d.allocationPence)} agreed for ${d.academicYear}; ${pounds(Math.max(remaining, 0))} left.`,
      exceedText: d.overAllocationPence > 0 ? `This request would exceed the remaining allocation for ${d.academicYear} by ${pounds(d.overAllocationPence)}.` : '',
      planText: d.planApproved ? 'The plan is approved: an approval is paid at once.' : 'The plan is not approved yet: an approval waits for it (no PEP, no premium).',
      askToDecide: open,
    };
  });
