import { describe, expect, it } from 'vitest';
import { CalendarSettingsSchema } from '../../../src/domain/child/calendar-settings.js';
import type { ChildEvent } from '../../../src/domain/child/child-record.js';
import { statutoryStatus } from '../../../src/domain/child/statutory-clock.js';
import type { ClockMeeting } from '../../../src/domain/child/statutory-clock.js';

const settings = { calendar: CalendarSettingsSchema.parse({}) };

const event = (kind: ChildEvent['kind'], on: string): ChildEvent => ({ id: `ev-${kind}-${on}`, kind, on, recordedBy: 'p-organiser', at: `${on}T10:00:00Z` });
const child = (...events: ChildEvent[]) => ({ events });
const meeting = (id: string, status: ClockMeeting['status'], startsAt: string, createdAt = startsAt): ClockMeeting => ({ id, status, startsAt, createdAt, timeZone: 'Europe/London' });

describe('entering care', () => {
  const care = child(event('entered_care', '2026-11-02'));

  it('wants the PEP initiated within 10 working days, nudging 5 working days before', () => {
    expect(statutoryStatus(care, [], settings, '2026-11-02')).toEqual({ kind: 'initial', nextDue: '2026-11-16', nudgeOn: '2026-11-09', breached: false, daysLeft: 14, since: '2026-11-02' });
  });

  it('once a meeting is created, wants it ready for the first care-plan review at 20 working days', () => {
    const created = meeting('m1', 'invited', '2026-11-20T10:00:00Z', '2026-11-05T09:00:00Z');
    expect(statutoryStatus(care, [created], settings, '2026-11-06')).toMatchObject({ kind: 'ready_for_review', nextDue: '2026-11-30', breached: false });
  });

  it('is breached the day after the due date with no meeting', () => {
    expect(statutoryStatus(care, [], settings, '2026-11-17')).toMatchObject({ kind: 'initial', nextDue: '2026-11-16', breached: true, daysLeft: -1 });
  });

  it('counts bank holidays out: care entered before Christmas', () => {
    // 25, 28 December (Boxing Day substitute) and 1 January are bank holidays in 2026-27.
    expect(statutoryStatus(child(event('entered_care', '2026-12-21')), [], settings, '2026-12-21')).toMatchObject({ nextDue: '2027-01-07' });
  });

  it('after the first PEP is held, wants a termly review in the first half of the next term', () => {
    const held = meeting('m1', 'concluded', '2026-11-25T10:00:00Z', '2026-11-05T09:00:00Z');
    expect(statutoryStatus(care, [held], settings, '2026-11-26')).toMatchObject({ kind: 'termly', nextDue: '2027-02-12', breached: false, since: '2026-11-25' });
  });
});

describe('a school move', () => {
  it('in term time, wants a new PEP within 10 school days', () => {
    expect(statutoryStatus(child(event('changed_school', '2026-11-09')), [], settings, '2026-11-09')).toMatchObject({ kind: 'new_school', nextDue: '2026-11-23' });
  });

  it('uses the council window: 20 school days', () => {
    const wide = { calendar: CalendarSettingsSchema.parse({ schoolMoveSchoolDays: 20 }) };
    expect(statutoryStatus(child(event('changed_school', '2026-11-09')), [], wide, '2026-11-09')).toMatchObject({ kind: 'new_school', nextDue: '2026-12-07' });
  });

  it('whose window runs into the Christmas holiday: an interim PEP on the last school day of term, then the full one after', () => {
    const move = child(event('changed_school', '2026-12-07'));
    expect(statutoryStatus(move, [], settings, '2026-12-07')).toMatchObject({ kind: 'interim', nextDue: '2026-12-18', breached: false });
    const interim = meeting('m1', 'concluded', '2026-12-17T10:00:00Z');
    expect(statutoryStatus(move, [interim], settings, '2026-12-18')).toMatchObject({ kind: 'new_school', nextDue: '2027-01-04' });
    const full = meeting('m2', 'plan_distributed', '2027-01-04T10:00:00Z');
    expect(statutoryStatus(move, [interim, full], settings, '2027-01-05')).toMatchObject({ kind: 'termly', since: '2027-01-04', nextDue: '2027-05-06' });
  });

  it('made during the summer holiday: an interim PEP 10 working days after the move, the full one 10 school days into the autumn term', () => {
    const move = child(event('changed_school', '2026-07-27'));
    expect(statutoryStatus(move, [], settings, '2026-07-27')).toMatchObject({ kind: 'interim', nextDue: '2026-08-10' });
    expect(statutoryStatus(move, [], settings, '2026-08-11')).toMatchObject({ kind: 'interim', breached: true });
    const interim = child(event('changed_school', '2026-07-27'), event('pep_held', '2026-08-06'));
    expect(statutoryStatus(interim, [], settings, '2026-08-07')).toMatchObject({ kind: 'new_school', nextDue: '2026-09-16' });
  });

  it('reports the earliest open obligation: a placement move days after entering care', () => {
    const both = child(event('entered_care', '2026-11-02'), event('changed_placement', '2026-11-04'));
    expect(statutoryStatus(both, [], settings, '2026-11-04')).toMatchObject({ kind: 'initial', nextDue: '2026-11-16' });
  });
});

describe('termly reviews', () => {
  const reviewed = meeting('m1', 'plan_distributed', '2026-03-10T10:00:00Z');

  it('are due by the end of the first half of the next term', () => {
    expect(statutoryStatus(child(), [reviewed], settings, '2026-05-01')).toMatchObject({ kind: 'termly', nextDue: '2026-05-22', nudgeOn: '2026-05-15', breached: false, daysLeft: 21 });
  });

  it('once missed, are breached and stay so until a PEP is held', () => {
    expect(statutoryStatus(child(), [reviewed], settings, '2026-05-26')).toMatchObject({ kind: 'termly', nextDue: '2026-05-22', breached: true, daysLeft: -4 });
    const late = meeting('m2', 'concluded', '2026-06-03T10:00:00Z');
    expect(statutoryStatus(child(), [reviewed, late], settings, '2026-06-04')).toMatchObject({ kind: 'termly', nextDue: '2026-10-02', breached: false });
  });

  it('are never further apart than the review interval, brought back to a working day', () => {
    // 3 September + 122 days is Saturday 3 January; Friday 2 January is the last working day before it.
    const early = meeting('m1', 'concluded', '2025-09-03T10:00:00Z');
    expect(statutoryStatus(child(), [early], settings, '2025-09-04')).toMatchObject({ kind: 'termly', nextDue: '2026-01-02' });
  });

  it('ignore meetings not held, and a child with nothing recorded has nothing due', () => {
    expect(statutoryStatus(child(), [meeting('m1', 'cancelled', '2026-03-10T10:00:00Z')], settings, '2026-05-01')).toEqual({ kind: 'none', breached: false });
  });
});
