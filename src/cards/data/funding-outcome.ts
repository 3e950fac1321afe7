import { z } from 'zod';
import { ProblemsSchema, typedText } from './common.js';
import { FUNDING_STATUS_TEXT, fundingRequestFields, pounds } from './funding-request.js';

/** For the organiser: what the Virtual School said about a Pupil Premium Plus request; a query is answered here. */
export const FundingOutcomeDataSchema = z
  .strictObject({
    ...fundingRequestFields,
    question: z.string().max(2000).default(''),
    note: z.string().max(2000).default(''),
    values: z.strictObject({ answer: typedText(2000) }).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    amountText: pounds(d.amountPence),
    statusText: FUNDING_STATUS_TEXT[d.status],
    queried: d.status === 'queried',
  }));
