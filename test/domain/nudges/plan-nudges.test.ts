import { describe, expect, it } from 'vitest';
import { planNudges, planNudgesInSteps } from '../../../src/domain/nudges/index.js';
import type { PlannedNudge } from '../../../src/domain/nudges/index.js';
import type { Meeting, Participant } from '../../../src/domain/model.js';
import { aMeeting, anAction } from '../../support/meeting-fixture.js';

const officer: Participant = { id: 'p-officer', name: 'Vic Officer', initials: 'VO', role: 'virtual_school_officer', email: 'vic@vs.example.org' };

/** In progress, one open action for the teacher due Friday 20 March 2026, a Virtual School officer. */
const meetingWithAction = (overrides: Partial<Meeting> = {}): Meeting => {
  const base = aMeeting();
  return aMeeting({
    participants: [...base.participants, officer],
    actions: [anAction({ id: 'act-reading', dueDate: '2026-03-20', createdAt: '2026-03-10T10:30:00Z' })],
    ...overrides,
  });
};

const brief = (nudges: PlannedNudge[]) => nudges.map((n) => `${n.dueInstant} ${n.kind} ${n.itemId} → ${n.recipientParticipantId}`);
const actionNudges = (nudges: PlannedNudge[]) => brief(nudges.filter((n) => n.kind !== 'weekly_digest'));

describe('nudge policy: actions', () => {
  it('reminds two working days before, on the day and once overdue, then escalates to the organiser and the officer', () => {
    const meeting = meetingWithAction();
    expect(actionNudges(planNudges(meeting, '2026-03-11T12:00:00Z'))).toEqual([
      '2026-03-18T09:00:00Z action_before_due act-reading → p-teacher',
      '2026-03-20T09:00:00Z action_due_today act-reading → p-teacher',
      '2026-03-23T09:00:00Z action_overdue act-reading → p-teacher',
      '2026-03-24T09:00:00Z action_escalation_organiser act-reading → p-organiser',
      // Five working days after the organiser, and British Summer Time by then.
      '2026-03-31T08:00:00Z action_escalation_vso act-reading → p-officer',
    ]);
    expect(planNudges(meeting, '2026-03-11T12:00:00Z').every((n) => n.meetingId === meeting.id)).toBe(true);
  });

  it('drops the stages a later one has replaced, and keeps what is still owed', () => {
    const meeting = meetingWithAction();
    expect(actionNudges(planNudges(meeting, '2026-03-20T10:00:00Z')).map((n) => n.split(' ')[1])).toEqual([
      'action_due_today',
      'action_overdue',
      'action_escalation_organiser',
      'action_escalation_vso',
    ]);
    expect(actionNudges(planNudges(meeting, '2026-03-21T00:00:00Z')).map((n) => n.split(' ')[1])).toEqual([
      'action_overdue',
      'action_escalation_organiser',
      'action_escalation_vso',
    ]);
  });

  it('plans nothing for done or blocked actions, or for a cancelled meeting', () => {
    const done = meetingWithAction({ actions: [anAction({ id: 'a', status: 'done', completedAt: '2026-03-12T10:00:00Z' })] });
    const blocked = meetingWithAction({ actions: [anAction({ id: 'b', status: 'blocked', blockedReason: 'Waiting for funding.' })] });
    const cancelled = meetingWithAction({ status: 'cancelled', cancelledReason: 'Child moved placement.' });
    for (const meeting of [done, blocked, cancelled]) expect(planNudges(meeting, '2026-03-11T12:00:00Z')).toEqual([]);
  });

  it('moves every nudge when the due date moves', () => {
    const moved = meetingWithAction({ actions: [anAction({ id: 'act-reading', dueDate: '2026-03-27', createdAt: '2026-03-10T10:30:00Z' })] });
    expect(actionNudges(planNudges(moved, '2026-03-11T12:00:00Z')).slice(0, 3)).toEqual([
      '2026-03-25T09:00:00Z action_before_due act-reading → p-teacher',
      '2026-03-27T09:00:00Z action_due_today act-reading → p-teacher',
      // The clocks went forward on Sunday 29 March: 09:00 in London is 08:00Z.
      '2026-03-30T08:00:00Z action_overdue act-reading → p-teacher',
    ]);
  });

  it('lands the overdue nudge after the October change at 09:00Z', () => {
    const autumn = meetingWithAction({ actions: [anAction({ id: 'act-reading', dueDate: '2026-10-23', createdAt: '2026-10-01T10:30:00Z' })] });
    expect(actionNudges(planNudges(autumn, '2026-10-02T12:00:00Z'))).toContain('2026-10-26T09:00:00Z action_overdue act-reading → p-teacher');
  });

  it('an action due on 25 October 2026, when the clocks go back, is not overdue on the 24th', () => {
    // The 25th is a Sunday of 25 hours: it ends at midnight GMT, an hour later than a BST day would.
    const sunday = anAction({ id: 'sunday', ownerId: 'p-carer', dueDate: '2026-10-25', createdAt: '2026-10-12T10:00:00Z' });
    expect(sunday.dueAt).toBe('2026-10-26T00:00:00Z');
    const meeting = meetingWithAction({ actions: [sunday] });
    const everyDay = { 'p-carer': { days: [1, 2, 3, 4, 5, 6, 7] } };
    const stages = (now: string) => actionNudges(planNudges(meeting, now, everyDay)).filter((n) => / action_(due_today|overdue) /.test(n));
    // Saturday the 24th, midday and the last second of it (BST): due tomorrow, not overdue.
    for (const now of ['2026-10-24T11:00:00Z', '2026-10-24T22:59:59Z']) {
      expect(stages(now)).toEqual([
        '2026-10-25T09:00:00Z action_due_today sunday → p-carer',
        '2026-10-26T09:00:00Z action_overdue sunday → p-carer',
      ]);
    }
  });

  it('sends no reminder from before the action existed', () => {
    const lateAction = meetingWithAction({ actions: [anAction({ id: 'late', dueDate: '2026-03-20', createdAt: '2026-03-20T11:00:00Z' })] });
    expect(actionNudges(planNudges(lateAction, '2026-03-20T11:00:00Z')).map((n) => n.split(' ')[1])).toEqual([
      'action_overdue',
      'action_escalation_organiser',
      'action_escalation_vso',
    ]);
  });

  it('follows the owner’s preferences: a carer nudged at 19:30, and on Saturdays', () => {
    const carers = meetingWithAction({ actions: [anAction({ id: 'home', ownerId: 'p-carer', dueDate: '2026-03-23', createdAt: '2026-03-10T10:30:00Z' })] });
    const plan = planNudges(carers, '2026-03-11T12:00:00Z', { 'p-carer': { timeOfDay: '19:30', days: [1, 2, 3, 4, 5, 6] } });
    expect(actionNudges(plan).slice(0, 3)).toEqual([
      '2026-03-19T19:30:00Z action_before_due home → p-carer',
      '2026-03-23T19:30:00Z action_due_today home → p-carer',
      '2026-03-24T19:30:00Z action_overdue home → p-carer',
    ]);
  });

  it('does not escalate an organiser’s own action to themselves', () => {
    const own = meetingWithAction({ actions: [anAction({ id: 'mine', ownerId: 'p-organiser', createdAt: '2026-03-10T10:30:00Z' })] });
    expect(planNudges(own, '2026-03-11T12:00:00Z').some((n) => n.kind === 'action_escalation_organiser')).toBe(false);
  });

  it('skips bank holidays: an action due on Christmas Eve is overdue on 29 December', () => {
    const christmas = meetingWithAction({ actions: [anAction({ id: 'xmas', dueDate: '2026-12-24', createdAt: '2026-12-01T10:00:00Z' })] });
    expect(actionNudges(planNudges(christmas, '2026-12-01T12:00:00Z'))).toEqual([
      '2026-12-22T09:00:00Z action_before_due xmas → p-teacher',
      '2026-12-24T09:00:00Z action_due_today xmas → p-teacher',
      '2026-12-29T09:00:00Z action_overdue xmas → p-teacher',
      '2026-12-30T09:00:00Z action_escalation_organiser xmas → p-organiser',
      '2027-01-07T09:00:00Z action_escalation_vso xmas → p-officer',
    ]);
  });
});

describe('nudge policy: weekly digest', () => {
  it('plans the organiser’s current and next Monday digest while actions are open', () => {
    const digests = planNudges(meetingWithAction(), '2026-03-18T12:00:00Z').filter((n) => n.kind === 'weekly_digest');
    expect(brief(digests)).toEqual([
      `2026-03-23T09:00:00Z weekly_digest ${digests[0]?.meetingId} → p-organiser`,
      `2026-03-30T08:00:00Z weekly_digest ${digests[0]?.meetingId} → p-organiser`,
    ]);
  });

  it('keeps a digest that is being sent on its Monday morning, and moves a bank-holiday Monday to Tuesday', () => {
    const meeting = meetingWithAction({ actions: [anAction({ id: 'a', dueDate: '2027-06-30', createdAt: '2026-03-10T10:30:00Z' })] });
    expect(planNudges(meeting, '2027-05-04T08:00:30Z').filter((n) => n.kind === 'weekly_digest').map((n) => n.dueInstant)).toEqual([
      '2027-05-04T08:00:00Z',
      '2027-05-10T08:00:00Z',
    ]);
  });
});

describe('nudge policy: planned in steps', () => {
  it('pauses after every 10 actions and ends with the same plan as planned at once', () => {
    const actions = Array.from({ length: 60 }, (_, i) =>
      anAction({ id: `act-${i}`, dueDate: `2026-04-${String((i % 28) + 1).padStart(2, '0')}`, createdAt: '2026-03-10T10:30:00Z' }),
    );
    const meeting = meetingWithAction({ actions });
    const steps = planNudgesInSteps(meeting, '2026-03-11T12:00:00Z');
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBe(6);
    expect(step.value).toEqual(planNudges(meeting, '2026-03-11T12:00:00Z'));
    expect(new Set(step.value.filter((n) => n.kind === 'action_overdue').map((n) => n.itemId)).size).toBe(60);
  });
});
