import { describe, expect, it } from 'vitest';
import { planNudges } from '../../../src/domain/nudges/index.js';
import { NOW, Scenario } from '../scenario.js';

/** The scenario's meeting starts on Friday 4 December 2026 at 10:00; invitations go out Wednesday 25 November. */
const brief = (scenario: Scenario, now = NOW) =>
  planNudges(scenario.meeting, now).map((n) => `${n.dueInstant} ${n.kind} → ${n.recipientParticipantId}`);

/** The carer's and the child's questions, five working days before the meeting. */
const questions = (s: Scenario) => [`2026-11-27T09:00:00Z carer_questions → ${s.id('carer')}`, `2026-11-27T09:00:00Z child_questions → ${s.id('child')}`];

describe('nudge policy: before the meeting', () => {
  it('plans nothing for a draft', () => {
    expect(brief(new Scenario())).toEqual([]);
  });

  it('chases unanswered invitations two working days on, and reminds the organiser the working day before', () => {
    const s = new Scenario().invited();
    const chasers = ['designated_teacher', 'carer', 'child', 'virtual_school_officer'].map((role) => `2026-11-27T09:00:00Z rsvp_chaser → ${s.id(role)}`);
    expect(brief(s)).toEqual([...questions(s), ...chasers, `2026-12-03T09:00:00Z meeting_reminder → ${s.organiser}`]);
  });

  it('stops chasing whoever answered, reminds those coming, and asks for the written contribution', () => {
    const s = new Scenario().invited();
    s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'accept' });
    s.run(s.id('carer'), { type: 'recordRsvp', answer: 'written_contribution' });
    s.run(s.id('child'), { type: 'recordRsvp', answer: 'decline' });
    expect(brief(s)).toEqual([
      ...questions(s),
      `2026-11-27T09:00:00Z rsvp_chaser → ${s.id('virtual_school_officer')}`,
      `2026-12-02T09:00:00Z contribution_reminder → ${s.id('carer')}`,
      `2026-12-03T09:00:00Z meeting_reminder → ${s.organiser}`,
      `2026-12-03T09:00:00Z meeting_reminder → ${s.id('designated_teacher')}`,
    ]);
  });

  it('chases a contribution whose deadline passes before the meeting, and forgets it once submitted', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'requestContribution', participantId: s.id('designated_teacher'), kind: 'school', dueAt: '2026-12-01T17:00:00Z' });
    const contribution = brief(s).filter((line) => line.includes('contribution'));
    expect(contribution).toEqual([
      `2026-11-27T09:00:00Z contribution_reminder → ${s.id('designated_teacher')}`,
      `2026-12-01T17:00:00Z contribution_chaser → ${s.id('designated_teacher')}`,
    ]);
    const contributionId = s.meeting.contributions[0]!.id;
    s.run(s.id('designated_teacher'), { type: 'submitContribution', contributionId, content: { attendancePercent: 96 } });
    expect(brief(s).filter((line) => line.includes('contribution'))).toEqual([]);
  });

  it('plans nothing more for the preparation once the meeting has started', () => {
    const s = new Scenario().inProgress();
    expect(brief(s, '2026-12-04T10:05:00Z')).toEqual([]);
  });
});
