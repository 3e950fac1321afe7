import { z } from 'zod';
import { optionalText, text } from '../commands.js';
import { RagSchema } from './qa-state.js';

/** The Virtual School's review of the written plan, and the Year 9+ transition section it checks. */
export const QaCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submitPlan') }),
  z.object({ type: z.literal('ratePlan'), rag: RagSchema, feedback: optionalText(3000) }),
  z.object({ type: z.literal('approvePlan'), rag: RagSchema, feedback: optionalText(3000) }),
  // The reason is optional here so the rule refuses a blank one with its own code and words.
  z.object({ type: z.literal('returnPlan'), reason: optionalText(2000), rag: RagSchema.optional(), feedback: optionalText(3000) }),
  z.object({ type: z.literal('recordTransition'), pathway: text(2000), careersGuidance: text(2000), post16Options: text(2000) }),
]);
export type QaCommand = z.infer<typeof QaCommandSchema>;
