import { describe, expect, it } from 'vitest';
import { DEFAULT_NUDGE_SETTINGS, nextAllowedSendingTime, planNudges, sendingWindow } from '../../../src/domain/nudges/index.js';
import { Scenario, createInput } from '../scenario.js';

/**
 * Both of London's clock changes in 2026: forward at 01:00Z on Sunday 29 March (GMT to BST),
 * back at 01:00Z on Sunday 25 October (BST to GMT). Nudges keep to local wall-clock times.
 */
const brief = (s: Scenario) => planNudges(s.meeting, s.at).map((n) => `${n.dueInstant} ${n.kind} → ${s.meeting.participants.find((p) => p.id === n.recipientParticipantId)!.role}`);
const chasers = (at: string) => ['designated_teacher', 'carer', 'child', 'virtual_school_officer'].map((role) => `${at} rsvp_chaser → ${role}`);

describe('a meeting invited on one side of a clock change and held on the other', () => {
  it('invited in GMT, held in BST: chasers at 09:00 GMT, the reminder at 09:00 BST', () => {
    // Invitations Wednesday 25 March 2026; meeting Wednesday 1 April at 10:00 BST.
    const s = new Scenario({ ...createInput, startsAt: '2026-04-01T09:00:00Z' }, '2026-03-25T10:00:00Z').invited();
    expect(brief(s)).toEqual([
      '2026-03-25T10:00:00Z carer_questions → carer',
      '2026-03-25T10:00:00Z child_questions → child',
      ...chasers('2026-03-27T09:00:00Z'),
      '2026-03-31T08:00:00Z meeting_reminder → social_worker',
    ]);
  });

  it('invited in BST, held in GMT: chasers at 09:00 BST, the reminder at 09:00 GMT', () => {
    // Invitations Wednesday 21 October 2026; meeting Wednesday 28 October at 10:00 GMT.
    const s = new Scenario({ ...createInput, startsAt: '2026-10-28T10:00:00Z' }, '2026-10-21T09:00:00Z').invited();
    expect(brief(s)).toEqual([
      '2026-10-21T09:00:00Z carer_questions → carer',
      '2026-10-21T09:00:00Z child_questions → child',
      ...chasers('2026-10-23T08:00:00Z'),
      '2026-10-27T09:00:00Z meeting_reminder → social_worker',
    ]);
  });
});

describe('a sending window that spans a clock change', () => {
  const london = sendingWindow('Europe/London', DEFAULT_NUDGE_SETTINGS);
  const everyDay = sendingWindow('Europe/London', DEFAULT_NUDGE_SETTINGS, { days: [1, 2, 3, 4, 5, 6, 7], bankHolidays: true });

  it('holds a Friday-evening nudge to 08:00 on the Monday after, in the new time', () => {
    expect(nextAllowedSendingTime('2026-03-27T18:30:00Z', london)).toBe('2026-03-30T07:00:00Z');
    expect(nextAllowedSendingTime('2026-10-23T17:30:00Z', london)).toBe('2026-10-26T08:00:00Z');
  });

  it('keeps the quiet night before each change quiet until 08:00 local time', () => {
    // Saturday 18:00 local time, in the old time; the quiet hours end at 08:00 in the new.
    expect(nextAllowedSendingTime('2026-03-28T18:00:00Z', everyDay)).toBe('2026-03-29T07:00:00Z');
    expect(nextAllowedSendingTime('2026-10-24T17:00:00Z', everyDay)).toBe('2026-10-25T08:00:00Z');
    // A minute before the quiet hours on each Saturday is still inside the window.
    expect(nextAllowedSendingTime('2026-03-28T17:59:00Z', everyDay)).toBe('2026-03-28T17:59:00Z');
    expect(nextAllowedSendingTime('2026-10-24T16:59:00Z', everyDay)).toBe('2026-10-24T16:59:00Z');
  });
});
