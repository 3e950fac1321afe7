import { describe, expect, it } from 'vitest';
import { planNudges } from '../../../src/domain/nudges/index.js';
import { NOW, Scenario } from '../scenario.js';

/** The scenario's meeting starts on Friday 4 December 2026 at 10:00; invitations go out Wednesday 25 November. */
const questions = (scenario: Scenario, now = NOW) =>
  planNudges(scenario.meeting, now)
    .filter((n) => n.kind.endsWith('_questions'))
    .map((n) => `${n.dueInstant} ${n.kind} → ${n.recipientParticipantId}`);

describe("nudge policy: the carer's and the child's questions", () => {
  it('plans nothing before the invitations go out', () => {
    expect(questions(new Scenario())).toEqual([]);
  });

  it('sends them five working days before the meeting, each to its own person', () => {
    const s = new Scenario().invited();
    expect(questions(s)).toEqual([`2026-11-27T09:00:00Z carer_questions → ${s.id('carer')}`, `2026-11-27T09:00:00Z child_questions → ${s.id('child')}`]);
  });

  it('sends them at the next sending time when the invitation came later than that', () => {
    const s = new Scenario();
    s.at = '2026-11-30T14:30:00Z';
    s.invited();
    expect(questions(s, s.at)).toEqual([`2026-11-30T14:30:00Z carer_questions → ${s.id('carer')}`, `2026-11-30T14:30:00Z child_questions → ${s.id('child')}`]);
  });

  it('plans no more once the organiser has sent them, nor once the meeting has started', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('carer'), kind: 'carer' });
    expect(questions(s)).toEqual([`2026-11-27T09:00:00Z child_questions → ${s.id('child')}`]);
    expect(questions(new Scenario().inProgress(), '2026-12-04T10:05:00Z')).toEqual([]);
  });
});
