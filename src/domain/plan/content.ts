import { z } from 'zod';
import {
  ActionSchema,
  ChildSchema,
  ContributionContentSchema,
  ContributionSchema,
  GoalSchema,
  MeetingSchema,
  NoteSchema,
  ParticipantSchema,
  PreviousActionSchema,
  PromptAnswerSchema,
  ResourceSchema,
  ReviewSchema,
  RsvpAnswerSchema,
} from '../model.js';
import type { Meeting } from '../model.js';
import { AttendanceEntrySchema, AttendanceStatusSchema, expectedToAttend } from '../attendance-record.js';
import type { Evidence } from '../evidence/evidence.js';
import type { EvidenceFigures } from '../evidence/evidence-command.js';
import { EvidenceFiguresSchema } from '../evidence/evidence-command.js';
import { TransitionSchema } from '../qa/transition.js';
import { RoleSchema } from '../roles.js';

/**
 * What the written plan says (step 11), self-contained: people are named, not referenced, so a
 * version kept in the audit trail or exported still reads correctly after the meeting moves on.
 * Progress (an action done, a card acknowledged) is deliberately not here: it is tracked against
 * the plan and does not change what was agreed.
 */

const Id = MeetingSchema.shape.id;

export const PlanPersonSchema = z.object({ participantId: Id, name: ParticipantSchema.shape.name, role: RoleSchema });
export type PlanPerson = z.infer<typeof PlanPersonSchema>;

export const PlanContentSchema = z.object({
  child: z.object({ ref: ChildSchema.shape.ref, initials: ChildSchema.shape.initials }),
  /** startedAt and concludedAt say when it was held; versions written before they were kept lack them. */
  meeting: MeetingSchema.pick({ startsAt: true, durationMinutes: true, timeZone: true, purpose: true, startedAt: true, concludedAt: true }),
  /** Everyone who said they would come, and the organiser. */
  attendees: z.array(PlanPersonSchema),
  /** Everyone else invited, with their answer (none when they did not reply). */
  absent: z.array(PlanPersonSchema.extend({ answer: RsvpAnswerSchema.optional() })),
  contributions: z.array(
    z.object({ id: Id, kind: ContributionSchema.shape.kind, from: PlanPersonSchema, submittedAt: ContributionSchema.shape.submittedAt, content: ContributionContentSchema }),
  ),
  /** The child's voice and the carer's answers, as they gave them before the meeting. */
  voices: z.array(z.object({ id: Id, from: PlanPersonSchema, answer: PromptAnswerSchema })),
  previousActions: z.array(PreviousActionSchema.extend({ review: ReviewSchema.pick({ outcome: true, evidence: true }).optional() })),
  /** Notes per agenda item, in agenda order; notes not filed under an item come last. */
  needs: z.array(
    z.object({
      agendaItemId: Id.optional(),
      title: z.string().min(1).max(200),
      notes: z.array(NoteSchema.pick({ id: true, text: true, at: true }).extend({ by: PlanPersonSchema })),
    }),
  ),
  goals: z.array(GoalSchema.pick({ id: true, title: true, specific: true, measurable: true, achievable: true, relevant: true, timeBound: true })),
  resources: z.array(ResourceSchema.pick({ id: true, goalId: true, kind: true, description: true, costPence: true })),
  actions: z.array(ActionSchema.pick({ id: true, description: true, dueDate: true, goalId: true }).extend({ owner: PlanPersonSchema })),
  nextReviewDate: MeetingSchema.shape.nextReviewDate,
  /** From Year 9; absent before it is filled in, and in versions written before it was kept. */
  transition: TransitionSchema.pick({ pathway: true, careersGuidance: true, post16Options: true }).optional(),
  /** Who was at the meeting, as the organiser recorded it; absent until recorded (and on versions before it was kept). */
  attendanceRecord: z.array(z.object({ person: PlanPersonSchema, status: AttendanceStatusSchema, reason: AttendanceEntrySchema.shape.reason })).optional(),
  /** The term's figures the meeting decided on (src/domain/evidence/). */
  evidence: EvidenceFiguresSchema.optional(),
});
export type PlanContent = z.infer<typeof PlanContentSchema>;

const OTHER_NOTES_TITLE = 'Other notes';

/** A participant as the plan names them. Someone removed before the call keeps what they sent. */
function personIn(meeting: Meeting, participantId: string): PlanPerson {
  const p = meeting.participants.find((candidate) => candidate.id === participantId);
  return p ? { participantId, name: p.name, role: p.role } : { participantId, name: 'Someone no longer in this meeting', role: 'other' };
}

function needsOf(meeting: Meeting): PlanContent['needs'] {
  const notesUnder = (agendaItemId: string | undefined) =>
    meeting.notes.filter((n) => n.agendaItemId === agendaItemId).map((n) => ({ id: n.id, text: n.text, at: n.at, by: personIn(meeting, n.by) }));
  const filed = meeting.agenda.items.map((item) => ({ agendaItemId: item.id, title: item.title, notes: notesUnder(item.id) }));
  const known = new Set(meeting.agenda.items.map((i) => i.id));
  // A note whose item was removed later is not lost: it joins the unfiled ones.
  const unfiled = meeting.notes
    .filter((n) => n.agendaItemId === undefined || !known.has(n.agendaItemId))
    .map((n) => ({ id: n.id, text: n.text, at: n.at, by: personIn(meeting, n.by) }));
  return [...filed, { title: OTHER_NOTES_TITLE, notes: unfiled }].filter((need) => need.notes.length > 0);
}

export function planContent(meeting: Meeting): PlanContent {
  const person = (id: string) => personIn(meeting, id);
  return {
    child: { ref: meeting.child.ref, initials: meeting.child.initials },
    meeting: {
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      timeZone: meeting.timeZone,
      purpose: meeting.purpose,
      startedAt: meeting.startedAt,
      concludedAt: meeting.concludedAt,
    },
    attendees: meeting.participants.filter((p) => expectedToAttend(meeting, p)).map((p) => person(p.id)),
    absent: meeting.participants.filter((p) => !expectedToAttend(meeting, p)).map((p) => ({ ...person(p.id), answer: p.rsvp?.answer })),
    contributions: meeting.contributions
      .filter((c) => c.status === 'submitted')
      .map((c) => ({ id: c.id, kind: c.kind, from: person(c.participantId), submittedAt: c.submittedAt, content: c.content ?? {} })),
    voices: meeting.prompts.flatMap((p) => (p.answer ? [{ id: p.id, from: person(p.participantId), answer: p.answer }] : [])),
    previousActions: meeting.previousActions.map((a) => {
      const review = meeting.reviews.find((r) => r.previousActionId === a.id);
      return { ...a, review: review && { outcome: review.outcome, evidence: review.evidence } };
    }),
    needs: needsOf(meeting),
    goals: meeting.goals.map(({ id, title, specific, measurable, achievable, relevant, timeBound }) => ({ id, title, specific, measurable, achievable, relevant, timeBound })),
    resources: meeting.resources.map(({ id, goalId, kind, description, costPence }) => ({ id, goalId, kind, description, costPence })),
    actions: meeting.actions.map((a) => ({ id: a.id, description: a.description, dueDate: a.dueDate, goalId: a.goalId, owner: person(a.ownerId) })),
    nextReviewDate: meeting.nextReviewDate,
    transition: meeting.transition && { pathway: meeting.transition.pathway, careersGuidance: meeting.transition.careersGuidance, post16Options: meeting.transition.post16Options },
    // Only when kept: a version issued before either existed must read as the same plan.
    ...(meeting.attendance && { attendanceRecord: meeting.attendance.map((e) => ({ person: person(e.participantId), status: e.status, reason: e.reason })) }),
    ...(meeting.evidence && { evidence: evidenceFigures(meeting.evidence) }),
  };
}

const evidenceFigures = ({ term, attendancePercent, suspensionDays, permanentlyExcluded, attainment }: Evidence): EvidenceFigures => ({ term, attendancePercent, suspensionDays, permanentlyExcluded, attainment });
