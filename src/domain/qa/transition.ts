import { z } from 'zod';

/**
 * From Year 9 the plan carries a transition section (seed benefit 9): the pathway the young person
 * is on, the careers guidance they have had or will have, and their options after 16.
 */
export const TRANSITION_FROM_YEAR = 9;

export const TransitionSchema = z.object({
  pathway: z.string().min(1).max(2000),
  careersGuidance: z.string().min(1).max(2000),
  post16Options: z.string().min(1).max(2000),
  recordedBy: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const needsTransition = (yearGroup: number | undefined): boolean => yearGroup !== undefined && yearGroup >= TRANSITION_FROM_YEAR;
