import type { Officer } from '../../../src/domain/actor.js';
import { officerActorId } from '../../../src/domain/actor.js';
import type { Term } from '../../../src/domain/child/calendar-settings.js';
import type { Change } from '../../../src/domain/context.js';
import { decideOversight, OversightCommandSchema } from '../../../src/domain/oversight/decide-oversight.js';
import { READING_GOAL } from '../plan-scenario.js';
import { counterIds, createInput, Scenario } from '../scenario.js';

export const OFFICER: Officer = { id: 'vs-amy', name: 'Amy Officer', slackUserId: 'U0AMY', roles: ['virtual_school_officer'] };

/** A scenario that also runs the Virtual School's commands, as an officer or as a participant. */
export class QaScenario extends Scenario {
  private readonly oversightIds = counterIds('qa');
  /** The council's term dates the rules are given; England's defaults when unset. */
  schoolTerms: Term[] | undefined;

  oversee(by: { officer: Officer } | { participantId: string }, command: Record<string, unknown>): Change {
    const parsed = OversightCommandSchema.parse(command);
    const ctx = 'officer' in by
      ? { actorId: officerActorId(by.officer), officer: by.officer, channel: 'slack' as const, at: this.at, newId: this.oversightIds }
      : { actorId: by.participantId, channel: 'slack' as const, at: this.at, newId: this.oversightIds };
    const change = decideOversight(this.meeting, parsed, { ...ctx, ...(this.schoolTerms ? { schoolTerms: this.schoolTerms } : {}) });
    this.meeting = change.meeting;
    this.changes.push(change);
    return change;
  }

  asOfficer(command: Record<string, unknown>): Change {
    return this.oversee({ officer: OFFICER }, command);
  }

  asOrganiser(command: Record<string, unknown>): Change {
    return this.oversee({ participantId: this.organiser }, command);
  }
}

/**
 * A closed meeting with every mandatory section, built by the real rules: the child's answers,
 * the school's figures (attendance and attainment in its contribution), a SMART goal with a
 * funded Pupil Premium Plus tutor and an owned, dated action, and the next review date.
 */
export function readyToSubmit(yearGroup = 7, options: { childViews?: boolean; schoolFigures?: boolean; action?: boolean } = {}): QaScenario {
  const s = new QaScenario({ ...createInput, child: { ...createInput.child, yearGroup } });
  s.agreed();
  if (options.childViews !== false) {
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('child'), kind: 'child_voice' });
    s.run(s.id('child'), { type: 'answerPrompt', promptId: s.meeting.prompts[0]!.id, answer: { kind: 'child_voice', feeling: 4, want: 'More time for art' } });
  }
  if (options.schoolFigures !== false) {
    s.run(s.organiser, { type: 'requestContribution', participantId: s.id('designated_teacher'), kind: 'school' });
    const contribution = s.meeting.contributions.find((c) => c.kind === 'school')!;
    s.run(s.id('designated_teacher'), { type: 'submitContribution', contributionId: contribution.id, content: { attendancePercent: 93, attainment: 'Expected in maths, below in English' } });
  }
  s.run(s.organiser, { type: 'startMeeting' });
  s.run(s.organiser, READING_GOAL);
  const goalId = s.meeting.goals[0]!.id;
  s.run(s.organiser, { type: 'linkResource', goalId, kind: 'pupil_premium_plus', description: 'Reading tutor, 10 sessions', costPence: 45000 });
  if (options.action !== false) s.run(s.organiser, { type: 'captureAction', ownerId: s.id('designated_teacher'), description: 'Book the tutor', dueDate: '2026-12-11', goalId });
  s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
  s.run(s.organiser, { type: 'concludeMeeting' });
  return s;
}
