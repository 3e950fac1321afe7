import { z } from 'zod';
import { ActionSchema, GoalSchema } from '../../domain/model.js';
import { RagSchema } from '../../domain/qa/qa-state.js';
import { formatDay, shorten } from '../format.js';
import { ChildTagSchema, Id, LocalDate, MAX_ACTIONS, PersonName, ProblemsSchema, SHOWN_IN_LIST, typedChoice, typedText } from './common.js';

/**
 * For a Virtual School officer: a submitted (or reopened) plan to review, with what it says in
 * short, what changed since it was approved, a Red / Amber / Green rating, feedback, and Approve or
 * Return (a reason is required to return). Known by initials and PEP reference, as in any chat.
 */
export const MAX_QA_CHANGES_SHOWN = 8;
export const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export const QaReviewDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    yearGroup: z.number().int().min(0).max(13).optional(),
    heldOn: LocalDate,
    planVersion: z.number().int().min(1),
    status: z.enum(['submitted', 'reopened', 'approved', 'returned']),
    goals: z.array(z.strictObject({ title: GoalSchema.shape.title, timeBound: LocalDate })).max(10).default([]),
    actions: z.array(z.strictObject({ description: ActionSchema.shape.description, ownerName: PersonName, dueDate: LocalDate })).max(MAX_ACTIONS).default([]),
    nextReviewDate: LocalDate,
    attendancePercent: z.number().min(0).max(100).optional(),
    transition: z.boolean().default(false),
    changes: z.array(z.string().min(1).max(300)).max(MAX_QA_CHANGES_SHOWN).default([]),
    rag: RagSchema.optional(),
    values: z.strictObject({ rag: typedChoice, feedback: typedText(3000), reason: typedText(2000) }).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    statusText: {
      submitted: 'Submitted for your review.',
      reopened: 'Approved earlier, and changed since: please review it again when the organiser resubmits.',
      approved: `Approved${d.rag ? `, rated ${RAG_LABELS[d.rag]}` : ''}. A change to the plan reopens the review.`,
      returned: 'Returned to the organiser.',
    }[d.status],
    heldText: `Meeting held ${formatDay(d.heldOn)}. Plan version ${d.planVersion}.${d.yearGroup === undefined ? '' : ` Year ${d.yearGroup}.`}`,
    goalFacts: d.goals.map((g) => ({ title: g.title, value: `By ${formatDay(g.timeBound)}` })),
    actionFacts: d.actions.map((a) => ({ title: shorten(a.description, SHOWN_IN_LIST), value: `${a.ownerName}, by ${formatDay(a.dueDate)}` })),
    nextReviewText: formatDay(d.nextReviewDate),
    attendanceText: d.attendancePercent === undefined ? 'Not recorded' : `${d.attendancePercent}%`,
    transitionText: d.transition ? 'Recorded' : 'Not needed or not recorded',
    changesText: d.changes.map((change) => `• ${change}`).join('\n'),
    askToDecide: d.status === 'submitted',
    ragValue: d.values.rag || d.rag || '',
  }));
