import { describe, expect, it } from 'vitest';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { aChild, aChildAuditEvent } from '../support/child-fixture.js';
import { aMeeting, anAuditEvent } from '../support/meeting-fixture.js';

const FAR = '2100-01-01T00:00:00Z';
const ANONYMISED = { at: '2026-01-01T00:00:00Z', closedAt: '2019-01-01T00:00:00Z' };

/** A child's record as the retention run sees it: listed only once none of their meetings is left, removed with its whole trail. */
export function childRetentionContract(store: () => StoreWithChildren): void {
  describe('retention of children', () => {
    it('lists children none of whose meetings is left, dated by their last change as instants, in key order and pages', async () => {
      const alone = ['PEP-2020-0003', 'PEP-2020-0001', 'PEP-2020-0002'];
      for (const ref of alone) await store().createChild(aChild({ ref, updatedAt: '2024-01-10T10:00:00+05:00' }), { events: [] });
      await store().createChild(aChild({ ref: 'PEP-2020-0009', updatedAt: '2025-01-01T00:00:00Z' }), { events: [] });
      // A meeting of any kind keeps its child, an anonymised one too.
      for (const [ref, meeting] of [['PEP-2020-0004', {}], ['PEP-2020-0005', { status: 'cancelled', anonymised: ANONYMISED }]] as const) {
        await store().createChild(aChild({ ref, updatedAt: '2020-01-01T00:00:00Z' }), { events: [] });
        await store().createMeeting(aMeeting({ ...meeting, child: { ref, initials: 'JD', yearGroup: 7 } }), { events: [] });
      }

      // 10:00+05:00 is 05:00Z: before 06:00Z, though not as text.
      const first = await store().heldRecords('child', { before: '2024-01-10T06:00:00Z', limit: 2 });
      const second = await store().heldRecords('child', { before: '2024-01-10T06:00:00Z', after: first.at(-1)?.key, limit: 2 });
      expect([...first, ...second]).toEqual([...alone].sort().map((key) => ({ key, at: '2024-01-10T10:00:00+05:00' })));
      expect(await store().heldRecords('child', { before: '2024-01-10T04:00:00Z', limit: 10 })).toEqual([]);
      expect((await store().heldRecords('child', { before: FAR, limit: 10 })).map((record) => record.key)).toEqual([...[...alone].sort(), 'PEP-2020-0009']);
    });

    it("removes a child with their whole audit trail in one go, and refuses one with a meeting left, keeping every other child's trail", async () => {
      const gone = aChild({ ref: 'PEP-2020-0001' });
      const kept = aChild({ ref: 'PEP-2020-0002' });
      const withMeeting = aChild({ ref: 'PEP-2020-0003' });
      for (const child of [gone, kept, withMeeting]) {
        await store().createChild(child, { events: [aChildAuditEvent(child.ref), aChildAuditEvent(child.ref, { data: { detail: 'Moved to Southfield School' } })] });
      }
      const meeting = aMeeting({ status: 'cancelled', anonymised: ANONYMISED, child: { ref: withMeeting.ref, initials: 'JD', yearGroup: 7 } });
      await store().createMeeting(meeting, { events: [anAuditEvent(meeting.id)] });

      expect(await store().removeHeld('child', [gone.ref, withMeeting.ref, 'PEP-2020-0404'])).toBe(1);
      expect(await store().getChild(gone.ref)).toBeUndefined();
      expect(await store().childAuditTrail(gone.ref)).toEqual([]);
      expect(await store().getChild(withMeeting.ref)).toStrictEqual(withMeeting);
      expect(await store().childAuditTrail(withMeeting.ref)).toHaveLength(2);
      expect(await store().childAuditTrail(kept.ref)).toHaveLength(2);
      expect(await store().auditTrail(meeting.id)).toHaveLength(1);

      // Once the child's last meeting has gone, so may they, and the reference can be recorded afresh.
      expect(await store().removeHeld('anonymised-meeting', [meeting.id])).toBe(1);
      expect(await store().removeHeld('child', [withMeeting.ref])).toBe(1);
      expect(await store().childAuditTrail(withMeeting.ref)).toEqual([]);
      await store().createChild(gone, { events: [aChildAuditEvent(gone.ref)] });
      expect(await store().childAuditTrail(gone.ref)).toHaveLength(1);
    });
  });
}
