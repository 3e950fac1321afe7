import { describe, expect, it } from 'vitest';
import { carerAttendance } from '../../src/domain/carer-attendance.js';
import { aMeeting } from '../support/meeting-fixture.js';

describe('carer attendance', () => {
  const withCarer = (overrides: Parameters<typeof aMeeting>[0]) => aMeeting(overrides);

  it('is what was recorded at the meeting before what the carer answered to the invitation', () => {
    const meeting = withCarer({ status: 'concluded', attendance: [{ participantId: 'p-carer', status: 'apologies', reason: 'ill' }] });
    expect(carerAttendance(meeting)).toBe('apologies');
    expect(carerAttendance(withCarer({}))).toBe('written_contribution');
  });

  it('counts a written contribution sent without an answer, and a decline after sending one, as a written contribution', () => {
    const meeting = aMeeting();
    const carer = meeting.participants.find((p) => p.role === 'carer')!;
    const sent = [{ id: 'c-carer', participantId: carer.id, kind: 'carer' as const, status: 'submitted' as const, requestedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-02T10:00:00Z', content: { text: 'Doing well' } }];
    const declined = { ...carer, rsvp: { answer: 'decline' as const, at: '2026-03-04T10:00:00Z' } };
    expect(carerAttendance({ ...meeting, contributions: sent, participants: meeting.participants.map((p) => (p.id === carer.id ? declined : p)) })).toBe('written_contribution');
    expect(carerAttendance({ ...meeting, participants: meeting.participants.map((p) => (p.id === carer.id ? declined : p)) })).toBe('declined');
  });

  it('with two carers, is the better of the two', () => {
    const meeting = aMeeting();
    const carer = meeting.participants.find((p) => p.role === 'carer')!;
    const answered = (id: string, answer: 'accept' | 'decline') => ({ ...carer, id, rsvp: { answer, at: '2026-03-04T10:00:00Z' } });
    const others = meeting.participants.filter((p) => p.role !== 'carer');
    expect(carerAttendance({ ...meeting, participants: [...others, answered('p-carer', 'decline'), answered('p-carer-2', 'accept')] })).toBe('coming');
  });

  it('says when no carer was invited', () => {
    const meeting = aMeeting();
    expect(carerAttendance({ ...meeting, participants: meeting.participants.filter((p) => p.role !== 'carer') })).toBe('none_invited');
  });
});
