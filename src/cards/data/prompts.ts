import { z } from 'zod';
import { CarerAnswerSchema, ChildVoiceAnswerSchema } from '../../domain/model.js';
import type { Role } from '../../domain/roles.js';
import { RoleSchema } from '../../domain/roles.js';
import { ChildTagSchema, Id, PersonName, ProblemsSchema, typedChoice, typedText } from './common.js';

const carerMax = (field: 'toRaise' | 'freeText'): number => CarerAnswerSchema.shape[field].unwrap().maxLength ?? 0;
const childMax = (field: 'goingWell' | 'hard' | 'want'): number => ChildVoiceAnswerSchema.shape[field].unwrap().maxLength ?? 0;

/** Before the meeting, to the carer (chat or web link): a mood scale and two short questions. */
export const CarerPromptDataSchema = z.strictObject({
  meetingId: Id,
  promptId: Id,
  child: ChildTagSchema,
  recipientName: PersonName,
  values: z.strictObject({ mood: typedChoice, toRaise: typedText(carerMax('toRaise')), freeText: typedText(carerMax('freeText')) }).prefault({}),
  errors: ProblemsSchema,
});

/** Who each adult is, as the child would put it: "Sam (your social worker)". */
export const FOR_THE_CHILD: Record<Exclude<Role, 'child'>, string> = {
  organiser: 'who runs the meeting',
  social_worker: 'your social worker',
  designated_teacher: 'your teacher',
  carer: 'your carer',
  virtual_school_officer: 'from the Virtual School',
  iro: 'who checks your care plan',
  senco: 'who helps with learning at school',
  other: 'who is helping you',
};

/** Beyond this many adults the card says "the people at your meeting": a list that long helps no child. */
export const MAX_NAMED_READERS = 12;

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;
const listOf = (items: string[]): string => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(items);

/**
 * To the child or young person. Up to Year 6, or when the year group is unknown, the wording is
 * the simplest; older children get slightly fuller questions. Up to Year 2 the card also says a
 * trusted grown-up can read it with them; in the sixth form (Years 12 and 13) it asks about
 * "school or college".
 */
export const ChildVoicePromptDataSchema = z
  .strictObject({
    meetingId: Id,
    promptId: Id,
    /** The name the child likes to be called, for the greeting only. */
    name: PersonName.optional(),
    yearGroup: z.number().int().min(0).max(13).optional(),
    /** The adults at the meeting, who read the answers on the agenda and in the plan. */
    readers: z
      .array(z.strictObject({ name: PersonName, role: RoleSchema.exclude(['child']) }))
      .max(MAX_NAMED_READERS)
      .default([]),
    values: z
      .strictObject({ feeling: typedChoice, goingWell: typedText(childMax('goingWell')), hard: typedText(childMax('hard')), want: typedText(childMax('want')) })
      .prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    younger: d.yearGroup === undefined || d.yearGroup <= 6,
    youngest: d.yearGroup !== undefined && d.yearGroup <= 2,
    place: d.yearGroup !== undefined && d.yearGroup >= 12 ? 'school or college' : 'school',
    greeting: d.name ? `Hi ${d.name}!` : 'Hi!',
    readersText: listOf(d.readers.map((r) => `${firstName(r.name)} (${FOR_THE_CHILD[r.role]})`)),
  }));
