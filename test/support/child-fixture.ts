import { ChildRecordSchema, childAuditKey } from '../../src/domain/child/child-record.js';
import type { ChildRecord } from '../../src/domain/child/child-record.js';
import type { AuditEvent } from '../../src/domain/model.js';
import { anAuditEvent } from './meeting-fixture.js';

/** A child who entered care on 2 November 2026, parsed with the domain schema so it cannot drift. */
export function aChild(overrides: Partial<ChildRecord> = {}): ChildRecord {
  return ChildRecordSchema.parse({
    ref: 'PEP-2026-0042',
    initials: 'JD',
    yearGroup: 7,
    school: 'Northfield Academy',
    version: 1,
    events: [{ id: 'ev-care', kind: 'entered_care', on: '2026-11-02', recordedBy: 'p-organiser', at: '2026-11-02T10:00:00Z' }],
    createdAt: '2026-11-02T10:00:00Z',
    updatedAt: '2026-11-02T10:00:00Z',
    ...overrides,
  });
}

/** The next version of a stored child, as a use case would write it. */
export const nextChildVersion = (child: ChildRecord, changes: Partial<ChildRecord> = {}): ChildRecord =>
  ChildRecordSchema.parse({ ...child, ...changes, version: child.version + 1 });

/** An audit entry about the child (keyed `child:<ref>`). */
export const aChildAuditEvent = (ref: string, overrides: Partial<AuditEvent> = {}): AuditEvent =>
  anAuditEvent(childAuditKey(ref), { type: 'recordChildEvent', ...overrides });
