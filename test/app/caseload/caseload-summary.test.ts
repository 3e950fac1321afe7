import { describe, expect, it } from 'vitest';
import { filterChoices, filterRows, parseCaseloadFilter } from '../../../src/app/caseload/caseload-filters.js';
import { caseloadRow } from '../../../src/app/caseload/caseload-row.js';
import type { CaseloadRow } from '../../../src/app/caseload/caseload-row.js';
import { onTimeByTerm, summarise } from '../../../src/app/caseload/caseload-summary.js';
import { anAction, aMeeting } from '../../support/meeting-fixture.js';
import { aChild } from '../../support/child-fixture.js';

const NOW = new Date('2026-03-25T12:00:00Z');
const TODAY = '2026-03-25';

const rows: CaseloadRow[] = [
  caseloadRow(
    {
      child: aChild({ ref: 'PEP-0001', initials: 'AB', school: 'Northfield Academy', yearGroup: 7, socialWorkerName: 'Sam Patel' }),
      meetings: [aMeeting({ status: 'concluded', startsAt: '2026-02-10T10:00:00Z', qa: { status: 'submitted' }, attendance: [{ participantId: 'p-carer', status: 'attended' }], actions: [anAction({ id: 'a1', dueDate: '2026-03-01' })] })],
      statutory: { nextDue: '2026-03-20', kind: 'termly review', breached: true },
    },
    NOW,
    TODAY,
  ),
  caseloadRow(
    {
      child: aChild({ ref: 'PEP-0002', initials: 'CD', school: 'Southgate School', yearGroup: 10, socialWorkerName: 'Priya Shah' }),
      meetings: [aMeeting({ status: 'concluded', startsAt: '2025-10-10T10:00:00Z', qa: { status: 'approved', rag: 'green' }, attendance: [{ participantId: 'p-carer', status: 'absent' }], actions: [] })],
      statutory: { nextDue: '2026-04-20', kind: 'termly review', breached: false },
    },
    NOW,
    TODAY,
  ),
  caseloadRow({ child: aChild({ ref: 'PEP-0003', initials: 'EF', school: 'Northfield Academy', yearGroup: 7, socialWorkerName: 'Priya Shah' }), meetings: [], statutory: undefined }, NOW, TODAY),
];

describe('the caseload summary', () => {
  it('counts children by status, breaches, overdue actions, missing contributions and carers at held PEPs', () => {
    expect(summarise(rows)).toEqual({
      children: 3,
      byStatus: [
        { status: 'no_pep', children: 1 },
        { status: 'in_qa', children: 1 },
        { status: 'approved', children: 1 },
      ],
      breached: 1,
      withOverdueActions: 1,
      withMissingContributions: 0,
      carerAttended: { attended: 1, held: 2 },
    });
  });

  it('groups held PEPs by term for the on-time chart, oldest term first', () => {
    const spring = { key: '2025-26 spring', academicYear: '2025-26', season: 'spring' as const, label: 'Spring term 2025-26' };
    const autumn = { key: '2025-26 autumn', academicYear: '2025-26', season: 'autumn' as const, label: 'Autumn term 2025-26' };
    const held: CaseloadRow = { ...rows[0]!, held: [{ term: spring, timeliness: 'on_time' }, { term: autumn, timeliness: 'late' }, { term: spring, timeliness: 'unknown' }] };
    expect(onTimeByTerm([held, { ...rows[1]!, held: [{ term: spring, timeliness: 'on_time' }] }])).toEqual([
      { term: autumn, onTime: 0, late: 1, unknown: 0 },
      { term: spring, onTime: 2, late: 0, unknown: 1 },
    ]);
  });
});

describe('the caseload filters', () => {
  it('read the query string, blanks meaning any, and refuse what the page does not offer', () => {
    expect(parseCaseloadFilter({ school: 'Northfield Academy', year: '7', socialWorker: '', term: '2025-26 spring' })).toEqual({ school: 'Northfield Academy', year: 7, term: '2025-26 spring' });
    expect(parseCaseloadFilter({})).toEqual({});
    expect(parseCaseloadFilter({ year: '14' })).toBeUndefined();
    expect(parseCaseloadFilter({ term: 'spring' })).toBeUndefined();
    expect(parseCaseloadFilter({ term: '2026-01-05' })).toBeUndefined();
    expect(parseCaseloadFilter({ colour: 'red' })).toBeUndefined();
    expect(parseCaseloadFilter({ school: ['a', 'b'] })).toBeUndefined();
  });

  it('keep the children matching every filter given', () => {
    expect(filterRows(rows, { school: 'Northfield Academy' }).map((r) => r.ref)).toEqual(['PEP-0001', 'PEP-0003']);
    expect(filterRows(rows, { school: 'Northfield Academy', socialWorker: 'Priya Shah' }).map((r) => r.ref)).toEqual(['PEP-0003']);
    expect(filterRows(rows, { year: 10 }).map((r) => r.ref)).toEqual(['PEP-0002']);
    expect(filterRows(rows, { term: '2025-26 autumn' }).map((r) => r.ref)).toEqual(['PEP-0002']);
  });

  it('offer the values the caseload has', () => {
    expect(filterChoices(rows)).toEqual({
      schools: ['Northfield Academy', 'Southgate School'],
      years: [7, 10],
      socialWorkers: ['Priya Shah', 'Sam Patel'],
      terms: [
        { key: '2025-26 autumn', academicYear: '2025-26', season: 'autumn', label: 'Autumn term 2025-26' },
        { key: '2025-26 spring', academicYear: '2025-26', season: 'spring', label: 'Spring term 2025-26' },
      ],
    });
  });
});
