import { z } from 'zod';
import { CarerAnswerSchema, RsvpAnswerSchema } from '../../domain/model.js';
import type { Role } from '../../domain/roles.js';
import { CRITICAL_ROLES, ROLE_LABELS, RoleSchema } from '../../domain/roles.js';
import { shorten } from '../format.js';
import { ChildTagSchema, describeMeetingTime, Id, MAX_PEOPLE, meetingTimeFields, namedPersonLabel, PersonName, ProblemsSchema, SHOWN_IN_LIST, typedChoice, typedDate } from './common.js';
import { RSVP_LABELS } from './labels.js';
import { MOOD_LABELS, scaleLabel } from './prompt-labels.js';

const AnswerSchema = z.union([RsvpAnswerSchema, z.literal('no_answer')]);
const willAttend = (answer: z.infer<typeof AnswerSchema>) => answer === 'accept' || answer === 'tentative';

/** A PEP has one or two carers; five keeps room for a placement move without outgrowing the card. */
export const MAX_CARER_ANSWERS = 5;

/** A carer's answers to the pre-meeting prompt, as rows: how things are, then their own words. */
const CarerAnswersSchema = z.strictObject({
  name: PersonName,
  mood: CarerAnswerSchema.shape.mood,
  toRaise: CarerAnswerSchema.shape.toRaise,
  freeText: CarerAnswerSchema.shape.freeText,
});
function carerRows(answers: z.infer<typeof CarerAnswersSchema>): { title: string; value: string }[] {
  const rows = [{ title: namedPersonLabel({ name: answers.name, role: 'carer' }), value: `Things at home: ${scaleLabel(MOOD_LABELS, answers.mood)}` }];
  if (answers.toRaise?.trim()) rows.push({ title: 'To raise at the meeting', value: shorten(answers.toRaise, SHOWN_IN_LIST) });
  if (answers.freeText?.trim()) rows.push({ title: 'Anything else', value: shorten(answers.freeText, SHOWN_IN_LIST) });
  return rows;
}

/** For the organiser: who answered what, which critical voices said no or have not answered yet, who was unreachable. */
export const AttendanceSummaryDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    ...meetingTimeFields,
    participants: z
      .array(z.strictObject({ name: PersonName, role: RoleSchema, answer: AnswerSchema, note: z.string().max(2000).optional() }))
      .min(1)
      .max(MAX_PEOPLE),
    unreachable: z
      .array(z.strictObject({ name: PersonName, role: RoleSchema, reason: z.string().min(1).max(300) }))
      .max(MAX_PEOPLE)
      .default([]),
    /** The new date and time the organiser typed to reschedule, re-shown when they need fixing. */
    values: z.strictObject({ newDate: typedDate, newTime: typedChoice }).prefault({}),
    errors: ProblemsSchema,
    /** Answers to the carer prompt so far: the organiser reads them before the meeting. */
    carerAnswers: z.array(CarerAnswersSchema).max(MAX_CARER_ANSWERS).default([]),
  })
  .transform((d) => {
    const invitedCritical = CRITICAL_ROLES.filter((role) => d.participants.some((p) => p.role === role));
    const missing = invitedCritical.filter((role) => !d.participants.some((p) => p.role === role && willAttend(p.answer)));
    // Silence straight after the invitations go out is normal; only a "no" is a reason to reschedule.
    const awaiting = missing.filter((role) => d.participants.some((p) => p.role === role && p.answer === 'no_answer'));
    const declined = missing.filter((role) => !awaiting.includes(role));
    const answered = d.participants.filter((p) => p.answer !== 'no_answer').length;
    return {
      ...d,
      when: describeMeetingTime(d),
      answeredText: `${answered} of ${d.participants.length} people have answered.`,
      answers: d.participants.map((p) => ({
        title: namedPersonLabel(p),
        value: p.note ? `${RSVP_LABELS[p.answer]}: “${shorten(p.note, SHOWN_IN_LIST)}”` : RSVP_LABELS[p.answer],
      })),
      declinedCritical: declined.map((role: Role) => ({ text: `${ROLE_LABELS[role]}: ${missingReason(d.participants, role)}` })),
      awaitingCritical: awaiting.map((role: Role) => ({ text: `${ROLE_LABELS[role]}: ${missingReason(d.participants, role)}` })),
      unreachableRows: d.unreachable.map((u) => ({ title: namedPersonLabel(u), value: shorten(u.reason, SHOWN_IN_LIST) })),
      carerRows: d.carerAnswers.flatMap(carerRows),
    };
  });

function missingReason(participants: readonly { name: string; role: Role; answer: z.infer<typeof AnswerSchema> }[], role: Role): string {
  return participants
    .filter((p) => p.role === role)
    .map((p) => `${p.name}, ${RSVP_LABELS[p.answer].toLowerCase()}`)
    .join('; ');
}
