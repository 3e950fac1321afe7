import { describe, expect, it } from 'vitest';
import { caseloadRow, sortRows } from '../../../src/app/caseload/caseload-row.js';
import { anAction, aMeeting } from '../../support/meeting-fixture.js';
import { aChild } from '../../support/child-fixture.js';

const NOW = new Date('2026-03-25T12:00:00Z');
const TODAY = '2026-03-25';
const child = aChild({ fullName: 'Jordan Doe', socialWorkerName: 'Sam Patel' });
const row = (meetings: Parameters<typeof caseloadRow>[0]['meetings'], statutory?: Parameters<typeof caseloadRow>[0]['statutory']) =>
  caseloadRow({ child, meetings, statutory }, NOW, TODAY);

describe('a child on the caseload', () => {
  it('with no meeting has no PEP yet, and the statutory due date as the clock gave it', () => {
    const r = row([], { nextDue: '2026-03-20', kind: 'first PEP', breached: true });
    expect(r).toMatchObject({ ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe', status: 'no_pep', statutory: { breached: true }, carer: 'none_invited', overdueActions: 0 });
  });

  it('takes its status from the latest meeting that was not cancelled, and its RAG from the latest rating', () => {
    const rated = aMeeting({ status: 'plan_distributed', startsAt: '2025-11-10T10:00:00Z', qa: { status: 'approved', rag: 'amber' } });
    const next = aMeeting({ status: 'invited', startsAt: '2026-03-30T10:00:00Z', previousMeetingId: rated.id });
    const cancelled = aMeeting({ status: 'cancelled', startsAt: '2026-04-02T10:00:00Z' });
    expect(row([cancelled, next, rated])).toMatchObject({ status: 'scheduled', rag: 'amber' });
  });

  it.each([
    [undefined, 'plan_written'],
    [{ status: 'submitted' as const }, 'in_qa'],
    [{ status: 'reopened' as const, rag: 'green' as const }, 'in_qa'],
    [{ status: 'returned' as const, rag: 'red' as const }, 'returned'],
    [{ status: 'approved' as const, rag: 'green' as const }, 'approved'],
  ])('a held PEP with QA %j is %s', (qa, status) => {
    expect(row([aMeeting({ status: 'concluded', qa })]).status).toBe(status);
  });

  it('counts the open actions past their due day, carried-forward ones included, and not those done or due today', () => {
    const meeting = aMeeting({
      actions: [
        anAction({ id: 'a1', dueDate: '2026-03-20', status: 'open' }),
        anAction({ id: 'a2', dueDate: '2026-03-24', status: 'blocked' }),
        anAction({ id: 'a3', dueDate: '2026-03-20', status: 'done' }),
        anAction({ id: 'a4', dueDate: TODAY, status: 'open' }),
      ],
      previousActions: [
        { id: 'pa1', description: 'Reading report', dueDate: '2026-02-01', status: 'open' },
        { id: 'pa2', description: 'Tutor', status: 'open' },
      ],
    });
    expect(row([meeting]).overdueActions).toBe(3);
  });

  it('counts the contributions asked for and not in once due, or once the meeting started when no due time was set', () => {
    const base = { participantId: 'p-teacher', kind: 'school' as const, requestedAt: '2026-03-01T09:00:00Z' };
    const meeting = aMeeting({
      startsAt: '2026-03-24T10:00:00Z',
      contributions: [
        { ...base, id: 'c1', status: 'requested', dueAt: '2026-03-20T17:00:00Z' },
        { ...base, id: 'c2', status: 'requested', dueAt: '2026-03-30T17:00:00Z' },
        { ...base, id: 'c3', status: 'submitted', dueAt: '2026-03-20T17:00:00Z', submittedAt: '2026-03-19T17:00:00Z' },
        { ...base, id: 'c4', status: 'requested' },
      ],
    });
    expect(row([meeting]).missingContributions).toBe(2);
  });

  it('marks each held PEP on time or late against the review date its previous meeting set', () => {
    const autumn = aMeeting({ status: 'plan_distributed', startsAt: '2025-10-01T09:00:00Z', concludedAt: '2025-10-01T10:00:00Z', nextReviewDate: '2026-01-31' });
    const spring = aMeeting({ status: 'concluded', startsAt: '2026-02-10T10:00:00Z', concludedAt: '2026-02-10T11:00:00Z', previousMeetingId: autumn.id, nextReviewDate: '2026-05-01' });
    const summer = aMeeting({ status: 'concluded', startsAt: '2026-05-12T10:00:00Z', concludedAt: '2026-05-12T11:00:00Z', previousMeetingId: spring.id });
    const term = (key: string) => expect.objectContaining({ key });
    expect(row([summer, autumn, spring]).held).toEqual([
      { term: term('2025-26 autumn'), timeliness: 'unknown' },
      { term: term('2025-26 spring'), timeliness: 'late' },
      { term: term('2025-26 summer'), timeliness: 'late' },
    ]);
    const onTime = aMeeting({ status: 'concluded', startsAt: '2026-01-20T10:00:00Z', previousMeetingId: autumn.id });
    expect(row([autumn, onTime]).held.at(-1)).toEqual({ term: term('2025-26 spring'), timeliness: 'on_time' });
    expect(row([autumn, onTime]).terms).toEqual([term('2025-26 autumn'), term('2025-26 spring')]);
  });

  it('lists by status, then the soonest due date, then by reference', () => {
    const due = (nextDue: string) => ({ nextDue, kind: 'termly review', breached: false });
    const a = caseloadRow({ child: aChild({ ref: 'PEP-A', initials: 'AA' }), meetings: [], statutory: due('2026-05-01') }, NOW, TODAY);
    const b = caseloadRow({ child: aChild({ ref: 'PEP-B', initials: 'BB' }), meetings: [], statutory: due('2026-04-01') }, NOW, TODAY);
    const c = caseloadRow({ child: aChild({ ref: 'PEP-C', initials: 'CC' }), meetings: [aMeeting({ status: 'invited' })], statutory: undefined }, NOW, TODAY);
    const d = caseloadRow({ child: aChild({ ref: 'PEP-D', initials: 'DD' }), meetings: [], statutory: undefined }, NOW, TODAY);
    expect(sortRows([c, d, a, b]).map((r) => r.ref)).toEqual(['PEP-B', 'PEP-A', 'PEP-D', 'PEP-C']);
  });
});
