import { describe, expect, it } from 'vitest';
import { attendancePrefill, saidBeforehand } from '../../src/domain/attendance-record.js';
import { carerAttendance } from '../../src/domain/carer-attendance.js';
import { expectRefusal, Scenario } from './scenario.js';

const record = (entries: unknown[]): Record<string, unknown> => ({ type: 'recordAttendance', entries });

/** Dana (designated teacher) accepts, Chris (carer) declines with a note, Jordan (child) sends a written contribution, Vic says nothing. */
function answered(): Scenario {
  const s = new Scenario().invited();
  s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'accept' });
  s.run(s.id('carer'), { type: 'recordRsvp', answer: 'decline', note: 'Hospital appointment' });
  s.run(s.id('child'), { type: 'recordRsvp', answer: 'written_contribution' });
  return s;
}

describe('attendance record', () => {
  it('starts from the RSVPs: apologies keep the decline note, a written contribution counts as one, silence is absence', () => {
    const s = answered();
    expect(attendancePrefill(s.meeting)).toEqual([
      { participantId: s.organiser, status: 'attended' },
      { participantId: s.id('designated_teacher'), status: 'attended' },
      { participantId: s.id('carer'), status: 'apologies', reason: 'Hospital appointment' },
      { participantId: s.id('child'), status: 'written_contribution' },
      { participantId: s.id('virtual_school_officer'), status: 'absent' },
    ]);
  });

  it('is recorded by the organiser once the meeting is held, audited, and read for the carer before what they said', () => {
    const s = answered();
    s.run(s.organiser, { type: 'lockAgenda' });
    expect(expectRefusal(s, s.organiser, { type: 'recordAttendance', entries: [{ participantId: s.organiser, status: 'attended' }] }).code).toBe('MEETING.WRONG_STATUS');
    s.run(s.organiser, { type: 'startMeeting' });
    const change = s.run(
      s.organiser,
      record([...attendancePrefill(s.meeting).filter((e) => e.participantId !== s.id('carer')), { participantId: s.id('carer'), status: 'attended', reason: 'ignored for someone who came' }]),
    );
    expect(change.meeting.attendance?.find((e) => e.participantId === s.id('carer'))).toEqual({ participantId: s.id('carer'), status: 'attended' });
    expect(change.events[0]).toMatchObject({ type: 'recordAttendance', summary: 'Attendance recorded: 3 attended, 0 apologies, 1 absent, 1 written contributions' });
    expect(carerAttendance(change.meeting)).toBe('attended');
  });

  it('can be corrected after the meeting closes, one person at a time', () => {
    const s = answered();
    s.run(s.organiser, { type: 'lockAgenda' });
    s.run(s.organiser, { type: 'startMeeting' });
    s.run(s.organiser, record(attendancePrefill(s.meeting)));
    s.run(s.organiser, { type: 'setNextReviewDate', date: '2027-03-04' });
    s.run(s.organiser, { type: 'concludeMeeting' });
    s.run(s.organiser, record([{ participantId: s.id('virtual_school_officer'), status: 'apologies', reason: 'Sent word after' }]));
    expect(s.meeting.attendance).toHaveLength(5);
    expect(s.meeting.attendance?.at(-1)).toEqual({ participantId: s.id('virtual_school_officer'), status: 'apologies', reason: 'Sent word after' });
    expect(carerAttendance(s.meeting)).toBe('apologies');
  });

  it('is the organiser\'s alone, names only participants, each once', () => {
    const s = answered();
    s.run(s.organiser, { type: 'lockAgenda' });
    s.run(s.organiser, { type: 'startMeeting' });
    expect(expectRefusal(s, s.id('carer'), { type: 'recordAttendance', entries: [{ participantId: s.id('carer'), status: 'attended' }] }).code).toBe('PERMISSION.NOT_ORGANISER');
    expect(expectRefusal(s, s.organiser, { type: 'recordAttendance', entries: [{ participantId: 'nobody', status: 'attended' }] }).code).toBe('PARTICIPANT.NOT_FOUND');
    const twice = [{ participantId: s.organiser, status: 'attended' }, { participantId: s.organiser, status: 'absent' }];
    expect(expectRefusal(s, s.organiser, { type: 'recordAttendance', entries: twice }).code).toBe('PARTICIPANT.DUPLICATE');
  });

  it('until recorded, the carer is what they said beforehand', () => {
    const s = answered();
    expect(s.meeting.participants.map((p) => saidBeforehand(s.meeting, p))).toEqual(['coming', 'coming', 'declined', 'written_contribution', 'no_answer']);
    expect(carerAttendance(s.meeting)).toBe('declined');
  });
});
