import { describe, expect, it } from 'vitest';
import { CreateMeetingSchema } from '../../src/domain/commands.js';
import { carriedForward, nextMeetingCommand, nextMeetingStart } from '../../src/domain/plan/carry-forward.js';
import { actionOf, planned } from './plan-scenario.js';

describe('the next PEP starts from this one', () => {
  it('carries every action not done, and every goal, for review', () => {
    const s = planned();
    s.run(s.id('designated_teacher'), { type: 'completeAction', actionId: actionOf(s, 'Send the reading report').id });
    const childAction = actionOf(s, 'Choose three books at the library');
    s.run(s.id('child'), { type: 'blockAction', actionId: childAction.id, reason: 'Library closed' });
    expect(carriedForward(s.meeting)).toEqual([
      // The review card is a group card: the child who owns an action appears by initials.
      { id: childAction.id, description: 'Choose three books at the library', ownerName: 'JD', dueDate: '2026-12-18', status: 'blocked' },
      { id: s.meeting.goals[0]!.id, description: 'Goal: Read every day', dueDate: '2027-02-26', status: 'open' },
    ]);
  });

  it('starts on the next review date at the usual local time, across a clock change', () => {
    const s = planned();
    expect(s.meeting.startsAt).toBe('2026-12-04T10:00:00Z');
    expect(nextMeetingStart(s.meeting)).toBe('2027-03-10T10:00:00Z');
    expect(nextMeetingStart({ ...s.meeting, nextReviewDate: '2027-06-10' })).toBe('2027-06-10T09:00:00Z');
    expect(nextMeetingStart({ ...s.meeting, nextReviewDate: undefined })).toBeUndefined();
  });

  it('invites the same people to the same place, linked to this meeting', () => {
    const s = planned();
    const command = CreateMeetingSchema.parse(nextMeetingCommand(s.meeting, { startsAt: '2027-03-10T10:00:00Z' }));
    expect(command).toMatchObject({ child: s.meeting.child, previousMeetingId: s.meeting.id, location: s.meeting.location, durationMinutes: 60 });
    expect(command.organiser).toMatchObject({ name: 'Sam Social', role: 'social_worker', email: 'sam@la.example.org' });
    expect(command.participants.map((p) => p.role)).toEqual(['designated_teacher', 'carer', 'child', 'virtual_school_officer']);
    expect(command.previousActions).toHaveLength(3);
  });
});
