import { describe, expect, it } from 'vitest';
import { decideChild, newChildRecord } from '../../../src/domain/child/child-commands.js';
import type { CommandContext } from '../../../src/domain/context.js';
import { aChild } from '../../support/child-fixture.js';

const ctx = (at = '2026-11-25T10:00:00Z'): CommandContext => {
  let n = 0;
  return { actorId: 'p-organiser', channel: 'teams', at, newId: () => `id-${++n}` };
};

describe('deciding a child', () => {
  it('records a school move in date order, with the new school and designated teacher, audited as the child', () => {
    const child = aChild({ events: [{ id: 'ev-care', kind: 'entered_care', on: '2026-11-02', recordedBy: 'p-organiser', at: '2026-11-02T10:00:00Z' }, { id: 'ev-held', kind: 'pep_held', on: '2026-11-20', detail: 'meeting-1', recordedBy: 'system', at: '2026-11-20T12:00:00Z' }] });
    const change = decideChild(child, { type: 'recordSchoolChange', on: '2026-11-09', school: 'Southfield Academy', designatedTeacherEmail: 'dt@southfield.sch.uk' }, ctx());
    expect(change.child).toMatchObject({ version: 2, school: 'Southfield Academy', designatedTeacherEmail: 'dt@southfield.sch.uk', updatedAt: '2026-11-25T10:00:00Z' });
    expect(change.child.events.map((event) => `${event.kind} ${event.on}`)).toEqual(['entered_care 2026-11-02', 'changed_school 2026-11-09', 'pep_held 2026-11-20']);
    expect(change.child.events[1]).toMatchObject({ detail: 'Southfield Academy', recordedBy: 'p-organiser', at: '2026-11-25T10:00:00Z' });
    expect(change.events).toEqual([expect.objectContaining({ meetingId: 'child:PEP-2026-0042', type: 'recordSchoolChange', actorId: 'p-organiser', summary: 'Change of school recorded: a new PEP is due.' })]);
    // The record it was given is untouched.
    expect(child.version).toBe(1);
    expect(child.events).toHaveLength(2);
  });

  it('refuses a date after today in London', () => {
    // 23:30 GMT on 25 November: the 26th has not begun in London.
    expect(() => decideChild(aChild(), { type: 'recordEnteredCare', on: '2026-11-26' }, ctx('2026-11-25T23:30:00Z'))).toThrow(expect.objectContaining({ code: 'CHILD.EVENT_IN_FUTURE' }));
    // 23:30 UTC on 1 June is 00:30 BST on 2 June: already today in London.
    expect(decideChild(aChild({ events: [] }), { type: 'recordEnteredCare', on: '2026-06-02' }, ctx('2026-06-01T23:30:00Z')).child.events).toEqual([expect.objectContaining({ kind: 'entered_care', on: '2026-06-02' })]);
  });

  it('records a PEP held once per meeting', () => {
    const held = decideChild(aChild(), { type: 'recordPepHeld', on: '2026-11-20', meetingId: 'meeting-1' }, ctx()).child;
    expect(held.events.at(-1)).toMatchObject({ kind: 'pep_held', detail: 'meeting-1' });
    expect(() => decideChild(held, { type: 'recordPepHeld', on: '2026-11-20', meetingId: 'meeting-1' }, ctx())).toThrow(expect.objectContaining({ code: 'CHILD.ALREADY_RECORDED' }));
  });

  it('makes a new record from what a meeting knows of the child, with no event yet', () => {
    const made = newChildRecord({ ref: 'PEP-2026-0042', initials: 'JD', yearGroup: 7, school: 'Northfield Academy' }, ctx());
    expect(made.child).toEqual({ ref: 'PEP-2026-0042', initials: 'JD', yearGroup: 7, school: 'Northfield Academy', version: 1, events: [], createdAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z' });
    expect(made.events).toEqual([expect.objectContaining({ meetingId: 'child:PEP-2026-0042', type: 'createChild' })]);
  });
});
