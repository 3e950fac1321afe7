import { describe, expect, it } from 'vitest';
import { DEFAULT_NUDGE_SETTINGS, NudgeSettingsSchema, planNextMeetingPreparation } from '../../../src/domain/nudges/index.js';
import { aMeeting } from '../../support/meeting-fixture.js';

describe('preparing the next PEP', () => {
  it('prepares 15 school days before the review date, skipping Christmas and New Year', () => {
    const closed = aMeeting({ status: 'concluded', nextReviewDate: '2027-01-20', concludedAt: '2026-11-30T11:00:00Z' });
    expect(planNextMeetingPreparation(closed, DEFAULT_NUDGE_SETTINGS)).toEqual({
      meetingId: closed.id,
      reviewDate: '2027-01-20',
      dueInstant: '2026-12-29T09:00:00Z',
    });
  });

  it('uses the configured lead time, in London time across the clock change', () => {
    const closed = aMeeting({ status: 'plan_distributed', nextReviewDate: '2026-04-14' });
    const settings = NudgeSettingsSchema.parse({ nextMeetingLeadWorkingDays: 9 });
    // 14 April less nine working days, skipping Easter Monday and Good Friday: Monday 30 March, in BST.
    expect(planNextMeetingPreparation(closed, settings)?.dueInstant).toBe('2026-03-30T08:00:00Z');
  });

  it('prepares nothing until the meeting is closed', () => {
    expect(planNextMeetingPreparation(aMeeting({ nextReviewDate: '2027-01-20' }), DEFAULT_NUDGE_SETTINGS)).toBeUndefined();
    expect(planNextMeetingPreparation(aMeeting({ status: 'concluded' }), DEFAULT_NUDGE_SETTINGS)).toBeUndefined();
  });
});
