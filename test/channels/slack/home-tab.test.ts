import { describe, expect, it } from 'vitest';
import { homeView } from '../../../src/channels/slack/home-tab.js';
import { Scenario, createInput } from '../../domain/scenario.js';
import { aMeeting, anAction } from '../../support/meeting-fixture.js';

describe('the Slack Home tab', () => {
  it('lists meetings by when they start, whatever offset each start was written with', () => {
    const meetingFor = (ref: string, startsAt: string) => new Scenario({ ...createInput, child: { ...createInput.child, ref }, startsAt }).meeting;
    const later = meetingFor('PEP-2026-0001', '2026-12-04T10:00:00Z');
    // 11:00 at +03:00 is 08:00 UTC: two hours before the other, though its text sorts after it.
    const earlier = meetingFor('PEP-2026-0002', '2026-12-04T11:00:00+03:00');
    const text = JSON.stringify(homeView([later, earlier], 'U0CARER', new Date('2026-11-25T10:00:00Z')).blocks);
    const refs = [...text.matchAll(/PEP-2026-000\d/g)].map((m) => m[0]);
    expect(refs).toEqual(['PEP-2026-0002', 'PEP-2026-0001']);
  });

  it('does not mark an action due on 25 October 2026, when the clocks go back, overdue before that day has ended', () => {
    const meeting = aMeeting({ actions: [anAction({ id: 'sunday', dueDate: '2026-10-25', createdAt: '2026-10-12T10:00:00Z' })] });
    const flagged = (now: string) => JSON.stringify(homeView([meeting], 'U012AB3CD', new Date(now)).blocks).includes('overdue');
    // The last second of the 24th (BST), the first of the 25th, and the last of the 25th (GMT).
    expect(['2026-10-24T22:59:59Z', '2026-10-24T23:00:00Z', '2026-10-25T23:59:59Z', '2026-10-26T00:00:00Z'].map(flagged)).toEqual([false, false, false, true]);
  });
});
