import { z } from 'zod';
import {
  ActionSchema,
  AgendaItemSchema,
  CarerAnswerSchema,
  ChildVoiceAnswerSchema,
  ContributionContentSchema,
  GoalSchema,
  MeetingSchema,
  ReviewOutcomeSchema,
  ReviewSchema,
  RsvpAnswerSchema,
} from '../domain/model.js';
import { AttendanceStatusSchema } from '../domain/attendance-record.js';
import { AttainmentLevelSchema, CORE_SUBJECTS } from '../domain/evidence/evidence.js';
import { RagSchema } from '../domain/qa/qa-state.js';
import { REFRESHABLE_CARDS } from './catalogue.js';
import { ATTENDANCE_INPUTS, REASON_SHOWN_MAX } from './data/attendance-record.js';
import { PlanDocumentUrlSchema } from './data/plan-summary.js';
import type { FieldProblem } from './errors.js';
import { toFieldProblems } from './errors.js';
import { optionalChoice, optionalNumber, optionalText, requiredChoice, requiredDate, requiredInteger, requiredNumber, requiredText } from './input-codecs.js';

/**
 * Every button on every card, by verb, with the schema of what it sends: the action's own data
 * (meetingId, bar the form that creates the meeting, and the id of the item it concerns) merged
 * with the card's inputs, whose ids
 * are the domain's field names. Schemas strip unknown keys on purpose: Slack sends every input in
 * the message with any button, and Teams' fallback adds the verb itself.
 */
const Id = MeetingSchema.shape.id;
const meeting = { meetingId: Id };
const action = { meetingId: Id, actionId: Id };
const maxOf = (schema: { maxLength: number | null }): number => schema.maxLength ?? 0;
/** A prompt's answer: which prompt, which kind (the domain's PromptAnswer discriminator), the answers. */
const promptAnswer = <K extends string, S extends z.ZodRawShape>(kind: K, answers: S) =>
  z.object({ ...meeting, promptId: Id, kind: z.literal(kind), ...answers });

export const VERBS = {
  /** The new-meeting form: checked field by field here, then as a whole by the domain. */
  'meeting.create': z.object({
    childRef: requiredText(32, 'Give the PEP reference, for example PEP-2026-0042.'),
    childInitials: requiredText(3, "Give the child's initials, for example JD."),
    yearGroup: optionalNumber(0, 13, { integer: true }),
    date: requiredDate('Choose the date of the meeting.'),
    time: requiredText(5, 'Choose the start time.'),
    durationMinutes: requiredInteger(15, 480, 'Choose how long the meeting is.'),
    place: optionalText(300),
    onlineUrl: optionalText(2000),
    organiserRole: requiredText(40, 'Choose your role.'),
    participants: requiredText(4000, 'Add at least one participant: name, email, role.'),
  }),
  rsvp: z.object({ ...meeting, participantId: Id, answer: RsvpAnswerSchema, note: optionalText(2000) }),
  'meeting.reschedule': z.object({
    ...meeting,
    newDate: requiredDate('Choose the new date.'),
    newTime: requiredText(5, 'Choose the new start time.'),
  }),
  'contribution.submit': z.object({
    ...meeting,
    contributionId: Id,
    attendancePercent: optionalNumber(0, 100),
    attainment: optionalText(maxOf(ContributionContentSchema.shape.attainment.unwrap())),
    exclusions: optionalNumber(0, 365, { integer: true }),
    observations: optionalText(maxOf(ContributionContentSchema.shape.observations.unwrap())),
    health: optionalText(maxOf(ContributionContentSchema.shape.health.unwrap())),
    text: optionalText(maxOf(ContributionContentSchema.shape.text.unwrap())),
  }),
  'agenda.signOff': z.object(meeting),
  'agenda.suggest': z.object({ ...meeting, title: requiredText(maxOf(AgendaItemSchema.shape.title), 'Write the item you want to add.') }),
  /** Pressed once, it asks first when suggestions are open or sign-offs missing; `confirmed` is the answer. */
  'agenda.lock': z.object({ ...meeting, confirmed: z.literal(true).optional() }),
  'agenda.accept': z.object({ ...meeting, itemId: Id }),
  'agenda.decline': z.object({ ...meeting, itemId: Id }),
  'review.record': z.object({
    ...meeting,
    previousActionId: requiredText(64, 'Choose the action you are reviewing.'),
    outcome: requiredChoice(ReviewOutcomeSchema.enum, 'Choose an outcome: achieved, in progress or not achieved.'),
    evidence: requiredText(maxOf(ReviewSchema.shape.evidence), 'Add the evidence, for example a report or what the child said.'),
  }),
  'action.acknowledge': z.object(action),
  /** The SMART parts stay optional here: the domain refuses a goal with a SMART.* code per missing part. */
  'goal.add': z.object({
    ...meeting,
    agendaItemId: optionalText(64),
    title: requiredText(maxOf(GoalSchema.shape.title), 'Give the goal a short name.'),
    specific: optionalText(maxOf(GoalSchema.shape.specific)),
    measurable: optionalText(maxOf(GoalSchema.shape.measurable)),
    achievable: optionalText(maxOf(GoalSchema.shape.achievable)),
    relevant: optionalText(maxOf(GoalSchema.shape.relevant)),
    timeBound: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: 'Choose a date for the goal.' }).optional()),
  }),
  'nudge.done': z.object(action),
  'nudge.moreTime': z.object({ ...action, newDueDate: requiredDate('Choose the new due date.') }),
  'nudge.blocked': z.object({
    ...action,
    blockedReason: requiredText(maxOf(ActionSchema.shape.blockedReason.unwrap()), 'Say what is blocking the action, so the organiser can help.'),
  }),
  'prompt.answer': z.discriminatedUnion('kind', [
    promptAnswer('carer', {
      mood: requiredInteger(1, 5, 'Choose the answer closest to how things have been.'),
      toRaise: optionalText(maxOf(CarerAnswerSchema.shape.toRaise.unwrap())),
      freeText: optionalText(maxOf(CarerAnswerSchema.shape.freeText.unwrap())),
    }),
    promptAnswer('child_voice', {
      feeling: requiredInteger(1, 5, 'Pick the face that fits best.'),
      goingWell: optionalText(maxOf(ChildVoiceAnswerSchema.shape.goingWell.unwrap())),
      hard: optionalText(maxOf(ChildVoiceAnswerSchema.shape.hard.unwrap())),
      want: optionalText(maxOf(ChildVoiceAnswerSchema.shape.want.unwrap())),
    }),
  ]),
  'plan.signOff': z.object({
    ...meeting,
    planVersion: requiredInteger(1, Number.MAX_SAFE_INTEGER, 'The plan version is missing.'),
    /**
     * The card's own link to the full plan, carried so the card re-drawn after signing keeps it
     * (only the token's hash is stored, so the server cannot rebuild it). One that is not a plan
     * link is dropped rather than refused: it could only ever be shown back to the person who sent it.
     */
    documentUrl: PlanDocumentUrlSchema.optional().catch(undefined),
  }),
  /** The organiser invites a child's new designated teacher to the next PEP after a school move; `school` rides on the button to re-draw the card. */
  'child.handover': z.object({
    ...meeting,
    school: optionalText(160),
    teacherName: requiredText(120, "Give the new designated teacher's name."),
    teacherEmail: requiredText(254, "Give the new designated teacher's email."),
  }),
  /** The organiser's attendance record: a status (and a reason) per row; `roster` names the people the rows were drawn for. */
  'attendance.record': z.object({
    ...meeting,
    roster: z.string().regex(/^[a-f0-9]{12}$/),
    ...Object.fromEntries(ATTENDANCE_INPUTS.map((input) => [input, input.startsWith('status') ? optionalChoice(AttendanceStatusSchema.enum) : optionalText(REASON_SHOWN_MAX)])),
  }),
  'evidence.submit': z.object({
    ...meeting,
    attendancePercent: requiredNumber(0, 100, 'Enter attendance as a number from 0 to 100.'),
    suspensionDays: requiredNumber(0, 200, 'Enter the days of suspension, from 0 to 200 (0 if there were none).'),
    permanentlyExcluded: requiredChoice({ no: 'no', yes: 'yes' }, 'Say whether the child has been permanently excluded.'),
    ...Object.fromEntries(CORE_SUBJECTS.map((subject) => [subject, optionalChoice(AttainmentLevelSchema.enum)])),
  }),
  /** The Virtual School's review of a plan: the organiser submits, an officer approves or returns. */
  'qa.submit': z.object(meeting),
  'qa.approve': z.object({ ...meeting, rag: requiredChoice(RagSchema.enum, 'Choose Red, Amber or Green.'), feedback: optionalText(3000) }),
  // Returning needs a reason: the rule refuses a blank one with its own words, keeping what was typed.
  'qa.return': z.object({ ...meeting, rag: z.preprocess((v) => (v === '' ? undefined : v), RagSchema.optional()), feedback: optionalText(3000), reason: optionalText(2000) }),
  'transition.save': z.object({
    ...meeting,
    pathway: requiredText(2000, 'Describe the pathway.'),
    careersGuidance: requiredText(2000, 'Say what careers guidance they have had or will have.'),
    post16Options: requiredText(2000, 'Say which post-16 options are being considered.'),
  }),
  /** An officer's decision on a Pupil Premium Plus request; a query's question is the note. */
  'funding.approve': z.object({ ...meeting, requestId: Id, note: optionalText(2000) }),
  'funding.reject': z.object({ ...meeting, requestId: Id, note: optionalText(2000) }),
  'funding.query': z.object({ ...meeting, requestId: Id, note: optionalText(2000) }),
  'funding.answer': z.object({ ...meeting, requestId: Id, answer: requiredText(2000, 'Write your answer to the question.') }),
  /** Teams asks for a fresh copy of a refreshable card (invitation, live action list). */
  'card.refresh': z.object({ ...meeting, card: z.enum(REFRESHABLE_CARDS as [string, ...string[]]) }),
} as const;

export type CardVerb = keyof typeof VERBS;
export const CARD_VERBS = Object.keys(VERBS) as CardVerb[];
const isCardVerb = (verb: string): verb is CardVerb => Object.hasOwn(VERBS, verb);

/** A card action, parsed: the verb and its typed data. */
export type CardSubmission = { [V in CardVerb]: { verb: V; data: z.output<(typeof VERBS)[V]> } }[CardVerb];

export type ParsedCardAction = { ok: true; submission: CardSubmission } | { ok: false; problems: FieldProblem[] };

/** One function for every channel: a verb and what came with it, to a typed submission or problems. */
export function parseCardAction(verb: string, data: unknown): ParsedCardAction {
  if (!isCardVerb(verb)) {
    return { ok: false, problems: [{ field: '', message: `Unknown card action "${verb}".` }] };
  }
  const parsed = VERBS[verb].safeParse(data);
  if (!parsed.success) return { ok: false, problems: toFieldProblems(parsed.error.issues) };
  return { ok: true, submission: { verb, data: parsed.data } as CardSubmission };
}

/**
 * The payload of a click: the inputs the person filled in, then the action's own data on top, so
 * nothing typed can overwrite the meeting or item the button was for.
 */
export const mergeSubmission = (data: Record<string, unknown>, inputs: Record<string, unknown>): Record<string, unknown> => ({
  ...inputs,
  ...data,
});
