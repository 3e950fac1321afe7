import { describe, expect, it } from 'vitest';
import { canMove } from '../../src/domain/lifecycle.js';
import { MEETING_STATUSES } from '../../src/domain/model.js';
import { Scenario, expectRefusal } from './scenario.js';

describe('meeting lifecycle', () => {
  it('runs draft → invited → agenda agreed → in progress → concluded → plan distributed', () => {
    const s = new Scenario().inProgress();
    s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
    s.run(s.organiser, { type: 'concludeMeeting' });
    expect(s.meeting.concludedAt).toBe(s.at);
    s.run(s.organiser, { type: 'markPlanDistributed' });
    expect(s.meeting.status).toBe('plan_distributed');
    expect(s.changes.map((c) => c.meeting.status)).toEqual(['draft', 'invited', 'agenda_agreed', 'in_progress', 'in_progress', 'concluded', 'plan_distributed']);
  });

  it('allows only the forward steps and cancelling before the call', () => {
    const allowed = MEETING_STATUSES.flatMap((from) => MEETING_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'draft→invited',
      'draft→cancelled',
      'invited→agenda_agreed',
      'invited→cancelled',
      'agenda_agreed→in_progress',
      'agenda_agreed→cancelled',
      'in_progress→concluded',
      'concluded→plan_distributed',
    ]);
  });

  it.each([
    ['startMeeting', 'draft'],
    ['lockAgenda', 'draft'],
    ['markPlanDistributed', 'draft'],
  ])('refuses %s on a %s meeting', (type) => {
    const s = new Scenario();
    expect(expectRefusal(s, s.organiser, { type }).code).toBe('MEETING.ILLEGAL_TRANSITION');
  });

  it('cannot close without the next review date, and the refusal changes nothing', () => {
    const s = new Scenario().inProgress();
    const refusal = expectRefusal(s, s.organiser, { type: 'concludeMeeting' });
    expect(refusal.code).toBe('MEETING.NEXT_REVIEW_REQUIRED');
    expect(refusal.message).toMatch(/next PEP review/);
    expect(s.meeting.status).toBe('in_progress');
  });

  it('only the organiser closes the meeting', () => {
    const s = new Scenario().inProgress();
    s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
    expect(expectRefusal(s, s.id('designated_teacher'), { type: 'concludeMeeting' }).code).toBe('PERMISSION.NOT_ORGANISER');
  });

  it('the next review date must fall after this meeting', () => {
    const s = new Scenario().inProgress();
    expect(expectRefusal(s, s.organiser, { type: 'setNextReviewDate', date: '2026-12-04' }).code).toBe('MEETING.NEXT_REVIEW_IN_PAST');
  });

  it('a Teams meeting-start event (system) may start the meeting; a participant may not', () => {
    const s = new Scenario().agreed();
    expect(expectRefusal(s, s.id('carer'), { type: 'startMeeting' }).code).toBe('PERMISSION.NOT_ORGANISER');
    s.run('system', { type: 'startMeeting' });
    expect(s.meeting.status).toBe('in_progress');
  });

  it('cancelling keeps the reason; a cancelled meeting goes nowhere', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'cancelMeeting', reason: 'Carer unwell; rearranging' });
    expect(s.meeting).toMatchObject({ status: 'cancelled', cancelledReason: 'Carer unwell; rearranging' });
    expect(expectRefusal(s, s.organiser, { type: 'lockAgenda' }).code).toBe('MEETING.ILLEGAL_TRANSITION');
  });
});

describe('during the meeting', () => {
  it('notes are captured per agenda item, and previous actions are reviewed with evidence', () => {
    const s = new Scenario().inProgress();
    const itemId = s.meeting.agenda.items[1]!.id;
    s.run(s.id('designated_teacher'), { type: 'addNote', agendaItemId: itemId, text: 'Attendance up to 94%' });
    s.run(s.organiser, { type: 'reviewPreviousAction', previousActionId: 'prev-1', outcome: 'in_progress', evidence: 'Tutor starts next week' });
    s.run(s.organiser, { type: 'reviewPreviousAction', previousActionId: 'prev-1', outcome: 'achieved', evidence: 'Tutor started' });
    expect(s.meeting.notes[0]).toMatchObject({ agendaItemId: itemId, text: 'Attendance up to 94%' });
    expect(s.meeting.reviews).toEqual([expect.objectContaining({ previousActionId: 'prev-1', outcome: 'achieved', evidence: 'Tutor started' })]);
    expect(expectRefusal(s, s.organiser, { type: 'reviewPreviousAction', previousActionId: 'x', outcome: 'achieved' }).code).toBe('REVIEW.UNKNOWN_PREVIOUS_ACTION');
  });
});

describe('audit', () => {
  it('every accepted change records who, when, what and through which channel, and bumps the version', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'recordRsvp', answer: 'accept' }, 'slack');
    const last = s.changes.at(-1)!;
    expect(last.meeting.version).toBe(3);
    expect(last.events).toEqual([
      expect.objectContaining({ meetingId: s.meeting.id, actorId: s.id('carer'), channel: 'slack', at: s.at, type: 'recordRsvp', summary: 'Invitation answered: accept', data: { answer: 'accept' } }),
    ]);
  });

  it('audit summaries carry no personal data', () => {
    const s = new Scenario().inProgress();
    s.run(s.organiser, { type: 'addNote', text: 'Jordan Doe was upset on Tuesday' });
    s.run(s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'Ring Chris Carer about Jordan', dueDate: '2026-12-11' });
    const summaries = s.changes.flatMap((c) => c.events.map((e) => e.summary)).join('\n');
    for (const secret of ['Jordan', 'Doe', 'Chris', 'Dana', 'Sam', 'upset']) expect(summaries).not.toContain(secret);
  });
});
