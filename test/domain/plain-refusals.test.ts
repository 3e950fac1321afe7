import { describe, expect, it } from 'vitest';
import { startWarnings } from '../../src/domain/stages.js';
import { Scenario, expectRefusal } from './scenario.js';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const INTERNAL_NAMES = /invitations sent|agenda agreed|in progress|plan distributed|agenda_agreed|in_progress/;

describe('an action must be SMART, like a goal', () => {
  const capture = (s: Scenario, description: string, dueDate: string) =>
    expectRefusal(s, s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description, dueDate });

  it('names the missing measure and offers the next working day for "support with reading" due on a Sunday', () => {
    const refused = capture(new Scenario().inProgress(), 'support with reading', '2026-12-20');
    expect(refused.code).toBe('SMART.MISSING_MEASURE');
    expect(refused.message).toContain('(Measurable)');
    expect(refused.message).toContain('Sunday 20 December 2026 is not a working day; the next working day is Monday 21 December 2026');
    expect(refused.details).toEqual({ nextWorkingDay: '2026-12-21' });
  });

  it('offers the day after the bank holidays for an action due on Christmas Day', () => {
    const refused = capture(new Scenario().inProgress(), 'send the reading report', '2026-12-25');
    expect(refused.code).toBe('ACTION.DUE_NOT_WORKING_DAY');
    expect(refused.message).toContain('Friday 25 December 2026 is a bank holiday; the next working day is Tuesday 29 December 2026');
    expect(refused.message).not.toContain('Measurable');
  });

  it('takes a helping action that says how often, due on a working day', () => {
    const s = new Scenario().inProgress();
    s.run(s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'support with reading for 20 minutes every evening', dueDate: '2026-12-21' });
    expect(s.meeting.actions).toHaveLength(1);
  });

  it('writes a past due date out in words', () => {
    const refused = capture(new Scenario().inProgress(), 'send the reading report', '2026-11-24');
    expect(refused.message).toBe('Tuesday 24 November 2026 has already passed: choose today or a later day.');
  });
});

describe('refusals say what to do next, never the internal stage names', () => {
  it('starting before the agenda is locked says to lock it first, with the command to type', () => {
    const s = new Scenario().invited();
    const refused = expectRefusal(s, s.organiser, { type: 'startMeeting' });
    expect(refused.message).toBe('The meeting cannot start yet. The agenda has not been agreed yet. Lock the agenda first: type `agenda` and lock it from the agenda card (organiser).');
  });

  it('capturing an action before the start says who starts it and how', () => {
    const s = new Scenario().agreed();
    const refused = expectRefusal(s, s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'send the report', dueDate: '2026-12-21' });
    expect(refused.message).toBe("You can't capture actions yet. The meeting has not started yet: the organiser types `start` when it begins.");
  });

  it('answering an invitation once the meeting has started says it is too late and what to do instead', () => {
    const s = new Scenario().inProgress();
    const refused = expectRefusal(s, s.id('carer'), { type: 'recordRsvp', answer: 'accept' });
    expect(refused.message).toBe('You can no longer answer the invitation: the meeting has already started. Raise it in the meeting instead.');
  });

  it.each([
    ['draft', 'lockAgenda', (s: Scenario) => s, { type: 'lockAgenda' }],
    ['invited', 'concludeMeeting', (s: Scenario) => s.invited(), { type: 'concludeMeeting' }],
    ['agenda agreed', 'addNote', (s: Scenario) => s.agreed(), { type: 'addNote', text: 'x' }],
    ['in progress', 'cancelMeeting', (s: Scenario) => s.inProgress(), { type: 'cancelMeeting', reason: 'x' }],
    ['in progress', 'startMeeting', (s: Scenario) => s.inProgress(), { type: 'startMeeting' }],
  ] as const)('a %s meeting refusing %s names no internal stage and no ISO date', (_stage, _type, reach, command) => {
    const s = reach(new Scenario());
    const refused = expectRefusal(s, s.organiser, command);
    expect(refused.message).not.toMatch(INTERNAL_NAMES);
    expect(refused.message).not.toMatch(ISO_DATE);
  });

  it('the next review date refusal writes the meeting day out', () => {
    const s = new Scenario().inProgress();
    const refused = expectRefusal(s, s.organiser, { type: 'setNextReviewDate', date: '2026-12-01' });
    expect(refused.message).toBe('The next review date must be after this meeting (Friday 4 December 2026).');
  });
});

describe('warnings when the meeting starts', () => {
  it('says when the meeting starts days before its date, and when the child is absent with no views gathered', () => {
    const s = new Scenario().agreed();
    expect(startWarnings(s.meeting, '2026-11-27T10:00:00Z').map((w) => [w.about, w.message])).toEqual([
      ['date', 'This meeting was planned for Friday 4 December 2026, 7 days from today. It is now under way, and the participants were invited for that date.'],
      ['child', 'JD has not said they are coming and their views have not been gathered. Ask for them before decisions are made, or record why they could not be given with `note`.'],
    ]);
  });

  it('says nothing on the day when the child is coming', () => {
    const s = new Scenario().invited();
    s.run(s.id('child'), { type: 'recordRsvp', answer: 'accept' });
    expect(startWarnings(s.meeting, '2026-12-04T09:55:00Z')).toEqual([]);
  });
});
