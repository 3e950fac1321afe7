import { z } from 'zod';
import { ActionStatusSchema, PreviousActionSchema, ReviewOutcomeSchema, ReviewSchema } from '../../domain/model.js';
import { shorten } from '../format.js';
import { ChildTagSchema, dayOrEmpty, GroupPersonSchema, groupPersonLabel, Id, LocalDate, MAX_ACTIONS, ProblemsSchema, SHOWN_IN_LIST, typedChoice, typedText } from './common.js';
import { ACTION_STATUS_LABELS, REVIEW_OUTCOME_LABELS } from './labels.js';

/** Slack option text is at most 75 characters; the full description is shown above the form. */
const CHOICE_TITLE_MAX = 75;
/** The evidence is recorded in full; the row only reminds the meeting what was said. */
const EVIDENCE_SHOWN = 100;

/** Step 6, in the meeting chat: last PEP's actions with their status, and a form to review one. */
export const PreviousActionsDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    actions: z
      .array(
        z.strictObject({
          id: Id,
          description: PreviousActionSchema.shape.description,
          owner: GroupPersonSchema.optional(),
          dueDate: LocalDate.optional(),
          status: ActionStatusSchema,
          review: z.strictObject({ outcome: ReviewOutcomeSchema, evidence: ReviewSchema.shape.evidence }).optional(),
        }),
      )
      .max(MAX_ACTIONS),
    values: z
      .strictObject({ previousActionId: typedChoice, outcome: typedChoice, evidence: typedText(ReviewSchema.shape.evidence.maxLength ?? 0) })
      .prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    hasActions: d.actions.length > 0,
    rows: d.actions.map((a) => ({
      id: a.id,
      description: shorten(a.description, SHOWN_IN_LIST),
      choiceTitle: shorten(a.description, CHOICE_TITLE_MAX),
      details: [
        a.owner ? `Owner: ${groupPersonLabel(a.owner, d.child)}` : '',
        a.dueDate ? `Due ${dayOrEmpty(a.dueDate)}` : '',
        `Status: ${ACTION_STATUS_LABELS[a.status]}`,
      ]
        .filter(Boolean)
        .join(' · '),
      reviewText: a.review ? shorten(`Reviewed: ${REVIEW_OUTCOME_LABELS[a.review.outcome]}. ${a.review.evidence}`, EVIDENCE_SHOWN) : 'Not reviewed yet.',
    })),
  }));
