import { Scenario } from './scenario.js';

/** The plan's SMART goal, shared by the domain and end-to-end plan tests. */
export const READING_GOAL = {
  type: 'addGoal',
  title: 'Read every day',
  specific: 'Read a chosen book for 20 minutes each evening',
  measurable: 'Reading log signed weekly by the carer',
  achievable: 'Jordan already reads at weekends',
  relevant: 'Reading age is a year behind',
  timeBound: '2027-02-26',
};

/**
 * A meeting run to its written plan through the real rules: a SMART goal with funded support, two
 * actions (the teacher's and the child's), a note, the next review date, then closed.
 */
export function planned(planSignatoryRoles?: string[]): Scenario {
  const s = new Scenario().inProgress();
  s.run(s.organiser, READING_GOAL);
  const goalId = s.meeting.goals[0]!.id;
  s.run(s.organiser, { type: 'linkResource', goalId, kind: 'tutoring', description: 'Weekly reading tutor', costPence: 45000 });
  s.run(s.organiser, { type: 'captureAction', ownerId: s.id('designated_teacher'), description: 'Send the reading report', dueDate: '2026-12-11', goalId });
  s.run(s.organiser, { type: 'captureAction', ownerId: s.id('child'), description: 'Choose three books at the library', dueDate: '2026-12-18' });
  s.run(s.id('designated_teacher'), { type: 'addNote', agendaItemId: s.meeting.agenda.items[1]!.id, text: 'Attendance is up to 94%' });
  s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
  s.run(s.organiser, { type: 'concludeMeeting', ...(planSignatoryRoles ? { planSignatoryRoles } : {}) });
  return s;
}

export const actionOf = (s: Scenario, description: string) => {
  const action = s.meeting.actions.find((a) => a.description === description);
  if (!action) throw new Error(`no action "${description}"`);
  return action;
};
