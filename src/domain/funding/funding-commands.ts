import { z } from 'zod';
import { optionalText, text } from '../commands.js';

const id = z.string().min(1).max(64);

/** Pupil Premium Plus: the organiser asks, an officer decides or queries, the organiser answers. */
export const FundingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('requestPupilPremium'), resourceId: id, interventionType: text(120) }),
  // The note is optional here so a query without a question is refused by the rule, in its own words.
  z.object({ type: z.literal('decideFunding'), requestId: id, decision: z.enum(['approve', 'reject', 'query']), note: optionalText(2000) }),
  z.object({ type: z.literal('answerFundingQuery'), requestId: id, answer: text(2000) }),
]);
export type FundingCommand = z.infer<typeof FundingCommandSchema>;
