import { describe, expect, it } from 'vitest';
import { Scenario, expectRefusal } from './scenario.js';

const capture = (s: Scenario, ownerRole = 'designated_teacher', dueDate = '2026-12-11') =>
  s.run(s.organiser, { type: 'captureAction', ownerId: s.id(ownerRole), description: 'Send the reading report', dueDate });

describe('actions', () => {
  it('captures an action with an owner, a due date and the end of that day in London', () => {
    const s = new Scenario().inProgress();
    const change = capture(s);
    const action = s.meeting.actions[0]!;
    expect(action).toMatchObject({ ownerId: s.id('designated_teacher'), dueDate: '2026-12-11', dueAt: '2026-12-12T00:00:00Z', status: 'open' });
    expect(change.alerts).toEqual([{ kind: 'action_captured', actionId: action.id, ownerId: action.ownerId }]);
    expect(change.events[0]!.summary).toBe('Action captured for the designated_teacher (due 2026-12-11)');
  });

  it('computes the due instant on the far side of a clock change (BST)', () => {
    const s = new Scenario().inProgress();
    // Clocks go forward on Sunday 28 March 2027; Monday 29 is Easter Monday, so Tuesday is the first working day after.
    capture(s, 'carer', '2027-03-30');
    capture(s, 'carer', '2027-07-01');
    expect(s.meeting.actions.map((a) => a.dueAt)).toEqual(['2027-03-30T23:00:00Z', '2027-07-01T23:00:00Z']);
  });

  it('refuses an owner who is not in the meeting, and a date already gone', () => {
    const s = new Scenario().inProgress();
    expect(expectRefusal(s, s.organiser, { type: 'captureAction', ownerId: 'nobody', description: 'x', dueDate: '2026-12-11' }).code).toBe('PARTICIPANT.NOT_FOUND');
    expect(expectRefusal(s, s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'x', dueDate: '2026-11-24' }).code).toBe('ACTION.DUE_IN_PAST');
  });

  it('only the owner acknowledges', () => {
    const s = new Scenario().inProgress();
    capture(s);
    const actionId = s.meeting.actions[0]!.id;
    expect(expectRefusal(s, s.organiser, { type: 'acknowledgeAction', actionId }).code).toBe('PERMISSION.NOT_ADDRESSEE');
    s.run(s.id('designated_teacher'), { type: 'acknowledgeAction', actionId });
    expect(s.meeting.actions[0]!.acknowledgedAt).toBe(s.at);
  });

  it('owner or organiser completes, blocks and reschedules; others may not', () => {
    const s = new Scenario().inProgress();
    capture(s);
    const actionId = s.meeting.actions[0]!.id;
    expect(expectRefusal(s, s.id('carer'), { type: 'completeAction', actionId }).code).toBe('PERMISSION.NOT_ADDRESSEE');
    s.run(s.id('designated_teacher'), { type: 'blockAction', actionId, reason: 'Waiting for test results' });
    expect(s.meeting.actions[0]).toMatchObject({ status: 'blocked', blockedReason: 'Waiting for test results' });
    s.run(s.id('designated_teacher'), { type: 'rescheduleAction', actionId, dueDate: '2026-12-18' });
    expect(s.meeting.actions[0]).toMatchObject({ status: 'open', dueDate: '2026-12-18', dueAt: '2026-12-19T00:00:00Z' });
    expect(s.meeting.actions[0]!.blockedReason).toBeUndefined();
    s.run(s.organiser, { type: 'completeAction', actionId });
    expect(s.meeting.actions[0]).toMatchObject({ status: 'done', completedAt: s.at });
    expect(expectRefusal(s, s.organiser, { type: 'completeAction', actionId }).code).toBe('ACTION.ALREADY_DONE');
  });

  it('actions live on after the meeting closes', () => {
    const s = new Scenario().inProgress();
    capture(s);
    s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
    s.run(s.organiser, { type: 'concludeMeeting' });
    s.run(s.id('designated_teacher'), { type: 'completeAction', actionId: s.meeting.actions[0]!.id });
    expect(s.meeting.actions[0]!.status).toBe('done');
  });

  it('refuses to capture actions before the meeting starts', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'x', dueDate: '2026-12-11' }).code).toBe('MEETING.WRONG_STATUS');
  });
});
