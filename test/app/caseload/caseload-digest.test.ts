import { describe, expect, it } from 'vitest';
import { caseloadDigest } from '../../../src/app/caseload/caseload-digest.js';
import { caseloadRow } from '../../../src/app/caseload/caseload-row.js';
import { renderCard, renderSlackMessage } from '../../../src/cards/index.js';
import { aMeeting } from '../../support/meeting-fixture.js';
import { aChild } from '../../support/child-fixture.js';

const NOW = new Date('2026-03-23T08:00:00Z');
const TODAY = '2026-03-23';
const FULL_NAMES = ['Jordan Doe', 'Ava Khan', 'Leo Brown'];

const rows = [
  caseloadRow({ child: aChild({ ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe' }), meetings: [aMeeting({ status: 'invited' })], statutory: { nextDue: '2026-03-20', kind: 'Termly review', breached: true } }, NOW, TODAY),
  caseloadRow({ child: aChild({ ref: 'PEP-2026-0107', initials: 'AK', fullName: 'Ava Khan' }), meetings: [], statutory: { nextDue: '2026-03-18', kind: 'New PEP after a change of school', breached: true } }, NOW, TODAY),
  caseloadRow({ child: aChild({ ref: 'PEP-2026-0200', initials: 'LB', fullName: 'Leo Brown' }), meetings: [aMeeting({ status: 'concluded', qa: { status: 'approved', rag: 'green' } })], statutory: { nextDue: '2026-05-01', kind: 'Termly review', breached: false } }, NOW, TODAY),
];

describe('the weekly caseload digest', () => {
  const data = caseloadDigest(rows, TODAY, 'https://pep.example.org/caseload');

  it('carries the caseload summary, and the breaches by initials and PEP reference, the longest overdue first', () => {
    expect(data).toEqual({
      on: TODAY,
      children: 3,
      byStatus: [
        { label: 'No PEP yet', children: 1 },
        { label: 'PEP meeting arranged', children: 1 },
        { label: 'Plan approved', children: 1 },
      ],
      breached: 2,
      withOverdueActions: 2,
      withMissingContributions: 0,
      carerAttended: { attended: 0, held: 1 },
      breaches: [
        { child: { ref: 'PEP-2026-0107', initials: 'AK' }, due: '2026-03-18', what: 'New PEP after a change of school' },
        { child: { ref: 'PEP-2026-0042', initials: 'JD' }, due: '2026-03-20', what: 'Termly review' },
      ],
      moreBreaches: 0,
      caseloadUrl: 'https://pep.example.org/caseload',
    });
  });

  it('names no child in full, as drawn for Teams and for Slack', () => {
    const drawn = [JSON.stringify(renderCard('caseload-digest', data)), JSON.stringify(renderSlackMessage('caseload-digest', data))];
    for (const card of drawn) {
      for (const name of FULL_NAMES) expect(card).not.toContain(name);
      expect(card).toContain('AK (PEP-2026-0107): New PEP after a change of school, due Wednesday 18 March 2026');
      expect(card).toContain('PEPs overdue by law');
    }
  });

  it('cannot be given a full name: the card refuses a child with more than initials and reference', () => {
    const named = { ...data, breaches: [{ child: { ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe' }, due: TODAY, what: 'Termly review' }] };
    expect(() => renderCard('caseload-digest', named as typeof data)).toThrow();
  });

  it('lists fifteen breaches and counts the rest', () => {
    const many = Array.from({ length: 18 }, (_, i) =>
      caseloadRow({ child: aChild({ ref: `PEP-2026-${String(i).padStart(4, '0')}`, initials: 'AB' }), meetings: [], statutory: { nextDue: '2026-03-01', kind: 'Termly review', breached: true } }, NOW, TODAY),
    );
    const digest = caseloadDigest(many, TODAY, 'http://127.0.0.1:3978/caseload');
    expect(digest.breaches).toHaveLength(15);
    expect(digest.moreBreaches).toBe(3);
    const card = JSON.stringify(renderCard('caseload-digest', digest));
    expect(card).toContain('And 3 more on the caseload page.');
    // A local install's http address is shown as text: Teams opens only https links from a button.
    expect(card).toContain('The caseload page: http://127.0.0.1:3978/caseload');
  });
});
