import { ChildRecordSchema } from '../../../src/domain/child/child-record.js';
import type { ChildRecord } from '../../../src/domain/child/child-record.js';

/** A child record as the child store keeps it, parsed so it cannot drift from the schema. */
export function aChildRecord(overrides: Partial<ChildRecord> & Pick<ChildRecord, 'ref' | 'initials'>): ChildRecord {
  return ChildRecordSchema.parse({
    version: 1,
    fullName: `Child ${overrides.initials}`,
    yearGroup: 7,
    school: 'Northfield Academy',
    socialWorkerName: 'Sam Patel',
    events: [],
    createdAt: '2026-01-05T09:00:00Z',
    updatedAt: '2026-01-05T09:00:00Z',
    ...overrides,
  });
}
