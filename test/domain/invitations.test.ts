import { describe, expect, it } from 'vitest';
import { attendanceSummary } from '../../src/domain/attendance.js';
import { Scenario, createInput, expectRefusal } from './scenario.js';

describe('invitations and answers', () => {
  it('sending invitations moves draft → invited, stamps every invitee and asks channels to invite them', () => {
    const s = new Scenario();
    const change = s.run(s.organiser, { type: 'sendInvitations' });
    expect(s.meeting.status).toBe('invited');
    const invitees = s.meeting.participants.filter((p) => p.id !== s.organiser);
    expect(invitees.every((p) => p.invitedAt === s.at)).toBe(true);
    expect(change.alerts).toEqual([{ kind: 'invite', participantIds: invitees.map((p) => p.id) }]);
    expect(s.meeting.participants.find((p) => p.id === s.organiser)!.rsvp?.answer).toBe('accept');
  });

  it('only the organiser sends invitations', () => {
    const s = new Scenario();
    expect(expectRefusal(s, s.id('carer'), { type: 'sendInvitations' }).code).toBe('PERMISSION.NOT_ORGANISER');
  });

  it('records each person\'s own answer, and the latest answer counts', () => {
    const s = new Scenario().invited();
    s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'tentative' });
    s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'accept', note: 'Can stay 45 minutes' });
    expect(s.meeting.participants.find((p) => p.role === 'designated_teacher')!.rsvp).toEqual({
      answer: 'accept',
      at: s.at,
      note: 'Can stay 45 minutes',
    });
  });

  it('refuses an answer from someone who was not invited', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, 'stranger', { type: 'recordRsvp', answer: 'accept' }).code).toBe('PERMISSION.NOT_PARTICIPANT');
  });

  it('refuses answers before invitations go out and after the meeting has started', () => {
    const draft = new Scenario();
    expect(expectRefusal(draft, draft.id('carer'), { type: 'recordRsvp', answer: 'accept' }).code).toBe('MEETING.WRONG_STATUS');
    const live = new Scenario().inProgress();
    expect(expectRefusal(live, live.id('carer'), { type: 'recordRsvp', answer: 'accept' }).code).toBe('MEETING.WRONG_STATUS');
  });

  it('a critical role declining alerts the organiser and flags a reschedule', () => {
    const s = new Scenario().invited();
    const change = s.run(s.id('carer'), { type: 'recordRsvp', answer: 'decline' });
    expect(change.alerts).toEqual([{ kind: 'critical_declined', participantId: s.id('carer'), role: 'carer' }]);
    const summary = attendanceSummary(s.meeting);
    expect(summary.criticalGaps).toContainEqual({ role: 'carer', reason: 'declined' });
    expect(summary.shouldReschedule).toBe(true);
  });

  it('the child declining alerts the organiser and flags a reschedule', () => {
    const s = new Scenario().invited();
    const change = s.run(s.id('child'), { type: 'recordRsvp', answer: 'decline' }, 'web');
    expect(change.alerts).toEqual([{ kind: 'critical_declined', participantId: s.id('child'), role: 'child' }]);
    expect(attendanceSummary(s.meeting).criticalGaps).toEqual([
      { role: 'designated_teacher', reason: 'awaiting' },
      { role: 'carer', reason: 'awaiting' },
      { role: 'child', reason: 'declined' },
    ]);
    expect(attendanceSummary(s.meeting).shouldReschedule).toBe(true);
  });

  it('the social worker declining, when someone else organises, alerts the organiser and flags a reschedule', () => {
    const s = new Scenario({
      ...createInput,
      organiser: { name: 'Vic Officer', role: 'virtual_school_officer', email: 'vic@vs.example.org' },
      participants: [{ name: 'Sam Social', role: 'social_worker', email: 'sam@la.example.org' }, ...createInput.participants.filter((p) => p.role !== 'virtual_school_officer')],
    }).invited();
    for (const role of ['designated_teacher', 'carer', 'child']) s.run(s.id(role), { type: 'recordRsvp', answer: 'accept' });
    const change = s.run(s.id('social_worker'), { type: 'recordRsvp', answer: 'decline' });
    expect(change.alerts).toEqual([{ kind: 'critical_declined', participantId: s.id('social_worker'), role: 'social_worker' }]);
    expect(attendanceSummary(s.meeting)).toMatchObject({ criticalGaps: [{ role: 'social_worker', reason: 'declined' }], shouldReschedule: true });
  });

  it('with two carers, one declining is told to the organiser but the carers\' voice is still there; both declining flags a reschedule', () => {
    const s = new Scenario({ ...createInput, participants: [...createInput.participants, { name: 'Pat Carer', role: 'carer', email: 'pat@home.example.org' }] }).invited();
    const [chris, pat] = s.meeting.participants.filter((p) => p.role === 'carer').map((p) => p.id);
    for (const role of ['designated_teacher', 'child']) s.run(s.id(role), { type: 'recordRsvp', answer: 'accept' });
    expect(s.run(chris!, { type: 'recordRsvp', answer: 'decline' }).alerts).toEqual([{ kind: 'critical_declined', participantId: chris, role: 'carer' }]);
    // Pat has not answered yet: the carers' voice may still be there.
    expect(attendanceSummary(s.meeting)).toMatchObject({ criticalGaps: [{ role: 'carer', reason: 'awaiting' }], shouldReschedule: false });
    s.run(pat!, { type: 'recordRsvp', answer: 'accept' });
    expect(attendanceSummary(s.meeting)).toMatchObject({ criticalGaps: [], shouldReschedule: false });
    s.run(pat!, { type: 'recordRsvp', answer: 'decline' });
    expect(attendanceSummary(s.meeting)).toMatchObject({ criticalGaps: [{ role: 'carer', reason: 'declined' }], shouldReschedule: true });
  });

  it('a non-critical role declining raises no alert', () => {
    const s = new Scenario().invited();
    expect(s.run(s.id('virtual_school_officer'), { type: 'recordRsvp', answer: 'decline' }).alerts).toEqual([]);
  });

  it('"written contribution instead" opens one contribution request of the right kind', () => {
    const s = new Scenario().invited();
    s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'written_contribution' });
    s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'written_contribution' });
    expect(s.meeting.contributions).toHaveLength(1);
    expect(s.meeting.contributions[0]).toMatchObject({ participantId: s.id('designated_teacher'), kind: 'school', status: 'requested' });
    expect(attendanceSummary(s.meeting).criticalGaps).toContainEqual({ role: 'designated_teacher', reason: 'written_only' });
    expect(attendanceSummary(s.meeting).shouldReschedule).toBe(false);
  });

  it('summarises who answered what', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'recordRsvp', answer: 'accept' });
    s.run(s.id('child'), { type: 'recordRsvp', answer: 'tentative' });
    const summary = attendanceSummary(s.meeting);
    expect(summary.byAnswer.accept.map((p) => p.role)).toEqual(['social_worker', 'carer']);
    expect(summary.byAnswer.tentative.map((p) => p.role)).toEqual(['child']);
    expect(summary.byAnswer.awaiting.map((p) => p.role)).toEqual(['designated_teacher', 'virtual_school_officer']);
    expect(summary.criticalGaps).toEqual([{ role: 'designated_teacher', reason: 'awaiting' }]);
  });
});

describe('contributions', () => {
  it('only the person asked can submit, and the organiser can request more', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'requestContribution', participantId: s.id('designated_teacher'), kind: 'school' });
    const id = s.meeting.contributions[0]!.id;
    expect(expectRefusal(s, s.id('carer'), { type: 'submitContribution', contributionId: id, content: { attendancePercent: 50 } }).code).toBe(
      'PERMISSION.NOT_ADDRESSEE',
    );
    s.run(s.id('designated_teacher'), { type: 'submitContribution', contributionId: id, content: { attendancePercent: 92.5, exclusions: 0 } });
    expect(s.meeting.contributions[0]).toMatchObject({ status: 'submitted', content: { attendancePercent: 92.5, exclusions: 0 } });
  });

  it('refuses impossible school data', () => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'requestContribution', participantId: s.id('designated_teacher'), kind: 'school' });
    expect(() =>
      s.run(s.id('designated_teacher'), { type: 'submitContribution', contributionId: s.meeting.contributions[0]!.id, content: { attendancePercent: 140 } }),
    ).toThrow();
  });
});

describe('rescheduling', () => {
  it('moves the meeting, asks everyone again and keeps the agenda', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'signOffAgenda' });
    s.run(s.id('carer'), { type: 'recordRsvp', answer: 'decline' });
    const change = s.run(s.organiser, { type: 'rescheduleMeeting', startsAt: '2026-12-11T10:00:00Z' });
    expect(s.meeting.startsAt).toBe('2026-12-11T10:00:00Z');
    expect(s.meeting.participants.filter((p) => p.id !== s.organiser).every((p) => !p.rsvp && p.invitedAt === s.at)).toBe(true);
    expect(s.meeting.agenda.signOffs).toHaveLength(1);
    expect(change.alerts).toEqual([{ kind: 'invite', participantIds: s.meeting.participants.filter((p) => p.id !== s.organiser).map((p) => p.id) }]);
  });

  it('only the organiser reschedules, before the meeting, to a future time', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, s.id('carer'), { type: 'rescheduleMeeting', startsAt: '2026-12-11T10:00:00Z' }).code).toBe('PERMISSION.NOT_ORGANISER');
    expect(expectRefusal(s, s.organiser, { type: 'rescheduleMeeting', startsAt: '2026-11-01T10:00:00Z' }).code).toBe('VALIDATION.INVALID_INPUT');
    const live = new Scenario().inProgress();
    expect(expectRefusal(live, live.organiser, { type: 'rescheduleMeeting', startsAt: '2026-12-11T10:00:00Z' }).code).toBe('MEETING.WRONG_STATUS');
  });
});
