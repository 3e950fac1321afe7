import { describe, expect, it } from 'vitest';
import { linkState } from '../../src/domain/links.js';
import { Scenario, createInput, expectRefusal } from './scenario.js';

/**
 * The same instant has many ISO spellings: with or without milliseconds, in UTC or with an
 * offset. Every rule must read them as instants, never compare the text.
 */
const hash = 'a'.repeat(64);

describe('instants written differently', () => {
  const issued = (expiresAt: string) => {
    const s = new Scenario().invited();
    s.run(s.organiser, { type: 'issueLink', participantId: s.id('carer'), purpose: 'invitation', tokenHash: hash, expiresAt, singleUse: true });
    return s.meeting.links[0]!;
  };

  it('a link has expired half a second after its expiry, whatever the precision of either side', () => {
    expect(linkState(issued('2026-12-09T09:00:00Z'), '2026-12-09T09:00:00.500Z')).toBe('expired');
    expect(linkState(issued('2026-12-09T09:00:00.000Z'), '2026-12-09T09:00:00.500Z')).toBe('expired');
    expect(linkState(issued('2026-12-09T09:00:00.500Z'), '2026-12-09T09:00:00.499Z')).toBe('active');
  });

  it('a link written with an offset expires at its instant, not at its text', () => {
    expect(linkState(issued('2026-12-09T10:00:00+01:00'), '2026-12-09T09:30:00Z')).toBe('expired');
    expect(linkState(issued('2026-12-09T08:00:00-02:00'), '2026-12-09T09:30:00Z')).toBe('active');
  });

  it('refuses a link whose expiry is already past when written with a +14:00 offset', () => {
    const s = new Scenario().invited();
    // 20:00 on 25 November at +14:00 is 06:00 UTC: four hours before "now" (10:00 UTC).
    const command = { type: 'issueLink', participantId: s.id('carer'), purpose: 'invitation', tokenHash: hash, expiresAt: '2026-11-25T20:00:00+14:00', singleUse: true };
    expect(expectRefusal(s, s.organiser, command).message).toBe('A link must expire in the future.');
  });

  it('refuses a reschedule to a past time written with a +14:00 offset or more precisely', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, s.organiser, { type: 'rescheduleMeeting', startsAt: '2026-11-25T20:00:00+14:00' }).message).toBe('The new time must be in the future.');
    expect(expectRefusal(s, s.organiser, { type: 'rescheduleMeeting', startsAt: '2026-11-25T09:59:59.999Z' }).message).toBe('The new time must be in the future.');
    s.run(s.organiser, { type: 'rescheduleMeeting', startsAt: '2026-11-25T00:00:01-10:00' });
    expect(s.meeting.startsAt).toBe('2026-11-25T00:00:01-10:00');
  });

  it('refuses a new meeting that starts in the past when written with a +14:00 offset', () => {
    expect(() => new Scenario({ ...createInput, startsAt: '2026-11-25T20:00:00+14:00' })).toThrow(/must start in the future/);
  });
});
