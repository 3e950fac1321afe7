import { describe, expect, it } from 'vitest';
import { auditEntriesAbout } from '../../../src/domain/data-protection/erase-person.js';
import { aChildAuditEvent } from '../../support/child-fixture.js';

describe('the audit entries about a person', () => {
  const ref = 'PEP-2026-0042';
  const entries = [
    aChildAuditEvent(ref, { id: 'theirs', actorId: 'UTEACH01', data: { note: 'typed by them' } }),
    aChildAuditEvent(ref, { id: 'names-them', actorId: 'vso-kim', data: { designatedTeacherEmail: 'A.Morgan@Northfield.sch.uk' } }),
    aChildAuditEvent(ref, { id: 'someone-else', actorId: 'vso-kim', data: { designatedTeacherEmail: 'k.lee@southfield.sch.uk' } }),
    aChildAuditEvent(ref, { id: 'already-emptied', actorId: 'UTEACH01', data: { redacted: 'erasure' } }),
  ];

  it('are those they made and those whose data names them, whatever the case, never one already emptied', () => {
    expect(auditEntriesAbout(entries, ['UTEACH01'], ['a.morgan@northfield.sch.uk'])).toEqual(['theirs', 'names-them']);
  });

  it('are none when neither their actor ids nor their identifiers appear', () => {
    expect(auditEntriesAbout(entries, ['p-carer'], ['chris.jones@example.org'])).toEqual([]);
  });
});
