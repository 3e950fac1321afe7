import { describe, expect, it } from 'vitest';
import { homeView } from '../../../src/channels/slack/home-tab.js';
import { Scenario, createInput } from '../../domain/scenario.js';

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
});
