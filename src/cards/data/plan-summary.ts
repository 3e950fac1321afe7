import { z } from 'zod';
import { ActionSchema, GoalSchema, MeetingSchema, NoteSchema } from '../../domain/model.js';
import { opensAsButton } from '../adaptive-card.js';
import { formatDay, formatHeldTime, shorten } from '../format.js';
import {
  ChildTagSchema,
  Id,
  LocalDate,
  MAX_ACTIONS,
  MAX_PEOPLE,
  meetingTimeFields,
  NamedPersonSchema,
  namedPersonLabel,
  PersonName,
  SHOWN_IN_LIST,
} from './common.js';

/**
 * Step 11: the written plan, sent to each participant directly, with their sign-off. The card is a
 * summary (long entries show their start); the full plan is the document behind documentUrl.
 */

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the full plan opens. HTTPS, except on this machine: a local install or trial serves
 * http://127.0.0.1 (PUBLIC_BASE_URL's default), and plain HTTP to loopback never leaves it.
 */
export const PlanDocumentUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  // zod runs this even after the url check failed, so it must not assume a URL it can parse.
  .refine((url) => URL.canParse(url) && (url.startsWith('https:') || LOOPBACK_HOSTS.has(new URL(url).hostname)), 'The plan link must use https (plain http only on this machine).');

/** The most changes one card lists; the plan itself lists them all. */
export const MAX_CHANGES_SHOWN = 8;

export const PlanSummaryDataSchema = z
  .strictObject({
    meetingId: Id,
    /** The meeting version the plan was written from, so a sign-off is for exactly this text. */
    planVersion: z.number().int().min(1),
    child: ChildTagSchema,
    ...meetingTimeFields,
    startedAt: MeetingSchema.shape.startedAt,
    concludedAt: MeetingSchema.shape.concludedAt,
    decisions: z.array(NoteSchema.shape.text.max(2000)).max(20).default([]),
    goals: z.array(z.strictObject({ title: GoalSchema.shape.title, timeBound: LocalDate })).max(10).default([]),
    actions: z
      .array(z.strictObject({ description: ActionSchema.shape.description, ownerName: PersonName, dueDate: LocalDate }))
      .max(MAX_ACTIONS)
      .default([]),
    nextReviewDate: LocalDate,
    signedOff: z.array(NamedPersonSchema).max(MAX_PEOPLE).default([]),
    waitingFor: z.array(NamedPersonSchema).max(MAX_PEOPLE).default([]),
    recipientHasSigned: z.boolean().default(false),
    /** False for the people who receive the plan for information only. */
    recipientIsSignatory: z.boolean().default(true),
    /** What changed since the version before, when this is a re-issued plan. */
    changes: z.array(z.string().min(1).max(300)).max(MAX_CHANGES_SHOWN).default([]),
    documentUrl: PlanDocumentUrlSchema.optional(),
  })
  .transform((d) => ({
    ...d,
    when: formatHeldTime(d),
    decisionRows: d.decisions.map((text) => ({ text: `• ${shorten(text, SHOWN_IN_LIST)}` })),
    goalFacts: d.goals.map((g) => ({ title: g.title, value: `By ${formatDay(g.timeBound)}` })),
    actionFacts: d.actions.map((a) => ({ title: shorten(a.description, SHOWN_IN_LIST), value: `${a.ownerName}, by ${formatDay(a.dueDate)}` })),
    nextReviewText: formatDay(d.nextReviewDate),
    signedText: d.signedOff.length > 0 ? `Signed off by: ${d.signedOff.map(namedPersonLabel).join(', ')}` : 'Nobody has signed off yet.',
    waitingText: d.waitingFor.length > 0 ? `Waiting for: ${d.waitingFor.map(namedPersonLabel).join(', ')}` : '',
    // One block, not one per change, so the card stays within Slack's 50 blocks at its maxima.
    changesText: d.changes.map((change) => `• ${change}`).join('\n'),
    askToSign: d.recipientIsSignatory && !d.recipientHasSigned,
    documentLink: d.documentUrl ?? '',
    // A local install's http link cannot be a button in Teams or Slack: it is shown whole, to copy.
    documentButton: d.documentUrl && opensAsButton(d.documentUrl) ? d.documentUrl : '',
    documentText: d.documentUrl && !opensAsButton(d.documentUrl) ? `The full plan, with everything on it, is at ${d.documentUrl}` : '',
  }));
