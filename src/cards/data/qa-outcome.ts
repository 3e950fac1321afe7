import { z } from 'zod';
import { RagSchema } from '../../domain/qa/qa-state.js';
import { ChildTagSchema, Id } from './common.js';
import { RAG_LABELS } from './qa-review.js';

/** For the organiser: what the Virtual School decided about the plan, and, when it came back, why and Submit again. */
export const QaOutcomeDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    outcome: z.enum(['approved', 'returned']),
    rag: RagSchema.optional(),
    feedback: z.string().max(4000).default(''),
    reason: z.string().max(2000).default(''),
  })
  .transform((d) => ({
    ...d,
    title: d.outcome === 'approved' ? 'Plan approved by the Virtual School' : 'Plan returned by the Virtual School',
    ragText: d.rag ? `Rated ${RAG_LABELS[d.rag]}.` : '',
    lockText: d.outcome === 'approved' ? 'The plan is now locked: a change to it reopens the review and the officer is told what changed.' : 'Make the changes asked for, then press Submit again (or type "submit").',
    returned: d.outcome === 'returned',
  }));
