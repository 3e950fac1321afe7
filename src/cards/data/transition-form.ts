import { z } from 'zod';
import { ChildTagSchema, Id, ProblemsSchema, typedText } from './common.js';

/** From Year 9, the plan's transition section: the organiser fills it in before submitting the plan. */
export const TransitionFormDataSchema = z.strictObject({
  meetingId: Id,
  child: ChildTagSchema,
  values: z.strictObject({ pathway: typedText(2000), careersGuidance: typedText(2000), post16Options: typedText(2000) }).prefault({}),
  errors: ProblemsSchema,
});
