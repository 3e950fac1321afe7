import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChainOf } from '../../src/app/data-protection/verify-audit-chains.js';
import { childAuditKey } from '../../src/domain/child/child-record.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { Clock } from '../../src/ports/clock.js';
import { aChild, aChildAuditEvent, nextChildVersion } from '../support/child-fixture.js';
import { aMeeting, anAuditEvent } from '../support/meeting-fixture.js';
import { auditChainContract } from './audit-chain-contract.js';
import type { RawAudit } from './audit-chain-contract.js';
import { refusal } from './refusal.js';
import { childRetentionContract } from './store-contract-child-retention.js';
import { settableClock } from './settable-clock.js';

export interface ChildStoreContractOptions {
  name: string;
  /** A new store on an empty database of its own; the suite calls init(). */
  create: (options: { clock: Clock }) => Promise<StoreWithChildren>;
  cleanup: (store: StoreWithChildren) => Promise<void>;
  /** The database itself, for the audit chain's tampering cases. */
  raw: (store: StoreWithChildren) => RawAudit;
  skip?: string;
}

/** The one contract every ChildStore adapter passes; each adapter's test file calls it beside storeContract. */
export function childStoreContract({ name, create, cleanup, raw, skip }: ChildStoreContractOptions): void {
  const title = skip === undefined ? name : `${name} — SKIPPED: ${skip}`;

  describe.skipIf(skip !== undefined)(title, () => {
    let store: StoreWithChildren | undefined;
    const current = (): StoreWithChildren => {
      if (!store) throw new Error('The store was not created: see the beforeEach failure.');
      return store;
    };

    beforeEach(async () => {
      store = await create({ clock: settableClock('2026-11-02T09:00:00.000Z') });
      await store.init();
    });

    afterEach(async () => {
      if (store) await cleanup(store);
      store = undefined;
    });

    it('creates a child with its audit entries and reads both back, also after close and init', async () => {
      const child = aChild({ officerId: 'vso-1', designatedTeacherEmail: 'dt@northfield.sch.uk' });
      const event = aChildAuditEvent(child.ref);
      await current().createChild(child, { events: [event] });
      expect(await current().getChild(child.ref)).toStrictEqual(child);
      await current().close();
      await current().init();
      expect(await current().getChild(child.ref)).toStrictEqual(child);
      expect(await current().childAuditTrail(child.ref)).toStrictEqual([event]);
    });

    it('answers undefined and an empty trail for a child it has never seen', async () => {
      expect(await current().getChild('PEP-2026-9999')).toBeUndefined();
      expect(await current().childAuditTrail('PEP-2026-9999')).toEqual([]);
    });

    it('refuses a second child with the same reference, keeping the first and its trail', async () => {
      const child = aChild();
      const first = aChildAuditEvent(child.ref);
      await current().createChild(child, { events: [first] });
      await expect(current().createChild(aChild({ initials: 'XY' }), { events: [aChildAuditEvent(child.ref)] })).rejects.toEqual(refusal('STORE.CONFLICT'));
      expect(await current().getChild(child.ref)).toStrictEqual(child);
      expect(await current().childAuditTrail(child.ref)).toStrictEqual([first]);
    });

    it('saves from the expected version and appends the audit entries in order', async () => {
      const child = aChild();
      const events = [aChildAuditEvent(child.ref), aChildAuditEvent(child.ref), aChildAuditEvent(child.ref)];
      await current().createChild(child, { events: [events[0]!] });
      const v2 = nextChildVersion(child, { school: 'Southfield School', updatedAt: '2026-12-01T10:00:00Z' });
      await current().saveChild(v2, 1, { events: [events[1]!, events[2]!] });
      expect(await current().getChild(child.ref)).toStrictEqual(v2);
      expect(await current().childAuditTrail(child.ref)).toStrictEqual(events);
    });

    it('refuses a save from a stale version and writes neither the child nor its audit entries', async () => {
      const child = aChild();
      await current().createChild(child, { events: [] });
      const v2 = nextChildVersion(child, { school: 'Southfield School' });
      await current().saveChild(v2, 1, { events: [] });
      const stale = nextChildVersion(child, { school: 'Eastfield School' });
      await expect(current().saveChild(stale, 1, { events: [aChildAuditEvent(child.ref)] })).rejects.toEqual(refusal('STORE.CONFLICT'));
      expect(await current().getChild(child.ref)).toStrictEqual(v2);
      expect(await current().childAuditTrail(child.ref)).toEqual([]);
    });

    it('refuses a save of a child that was never created', async () => {
      await expect(current().saveChild(nextChildVersion(aChild()), 1, { events: [] })).rejects.toEqual(refusal('STORE.CONFLICT'));
      expect(await current().getChild('PEP-2026-0042')).toBeUndefined();
    });

    it('refuses a version that does not follow the expected one, an invalid record, and an audit entry about something else', async () => {
      const child = aChild();
      await expect(current().createChild({ ...child, version: 2 }, { events: [] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      await expect(current().createChild({ ...child, initials: 'jd' }, { events: [] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      await expect(current().createChild(child, { events: [anAuditEvent('meeting-1')] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      await current().createChild(child, { events: [] });
      await expect(current().saveChild({ ...child, version: 3 }, 1, { events: [] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      expect(await current().getChild(child.ref)).toStrictEqual(child);
    });

    it('keeps a child and the meetings about them apart: neither trail shows the other', async () => {
      const meeting = aMeeting();
      const meetingEvent = anAuditEvent(meeting.id);
      const childEvent = aChildAuditEvent(meeting.child.ref);
      await current().createMeeting(meeting, { events: [meetingEvent] });
      await current().createChild(aChild({ ref: meeting.child.ref }), { events: [childEvent] });
      expect(await current().auditTrail(meeting.id)).toStrictEqual([meetingEvent]);
      expect(await current().childAuditTrail(meeting.child.ref)).toStrictEqual([childEvent]);
    });

    it('lists every child by reference, a page at a time', async () => {
      const refs = ['PEP-2026-0107', 'PEP-2025-0003', 'PEP-2026-0042', 'PEP-2026-0001', 'PEP-2027-0010'];
      for (const ref of refs) await current().createChild(aChild({ ref }), { events: [] });
      const sorted = [...refs].sort();
      const first = await current().listChildren({ limit: 2 });
      expect(first.map((child) => child.ref)).toEqual(sorted.slice(0, 2));
      const second = await current().listChildren({ after: first.at(-1)?.ref, limit: 2 });
      expect(second.map((child) => child.ref)).toEqual(sorted.slice(2, 4));
      const last = await current().listChildren({ after: second.at(-1)?.ref, limit: 2 });
      expect(last.map((child) => child.ref)).toEqual(sorted.slice(4));
      expect(await current().listChildren({ after: sorted.at(-1), limit: 2 })).toEqual([]);
      expect((await current().listChildren({ limit: 10 }))[0]).toStrictEqual(aChild({ ref: sorted[0] }));
    });

    it("empties the data of a child's audit entries once each, keeping the entries in order and the chain verifying", async () => {
      const child = aChild();
      const events = [1, 2, 3].map((n) => aChildAuditEvent(child.ref, { data: { n, designatedTeacherEmail: `dt${n}@northfield.sch.uk` } }));
      await current().createChild(child, { events: events.slice(0, 2) });
      await current().saveChild(nextChildVersion(child), 1, { events: events.slice(2) });
      const [, second] = events;
      if (!second) throw new Error('three entries');
      expect(await current().redactChildAudit(child.ref, [second.id, 'no-such-entry'], 'erasure')).toBe(1);
      expect(await current().redactChildAudit(child.ref, [second.id], 'retention')).toBe(0);
      expect(await current().redactChildAudit('PEP-2026-9999', [second.id], 'erasure')).toBe(0);
      expect(await current().childAuditTrail(child.ref)).toStrictEqual([events[0], { ...second, data: { redacted: 'erasure' } }, events[2]]);
      expect(await verifyChainOf(current(), childAuditKey(child.ref))).toEqual({ key: childAuditKey(child.ref), entries: 3, redacted: [{ entryId: second.id, seq: 2, reason: 'erasure' }] });
      const [, redacted] = (await current().auditLinks(childAuditKey(child.ref), { limit: 3 })).links;
      expect(redacted?.salt).toBeUndefined();
    });

    auditChainContract(current, raw);
    childRetentionContract(current);
  });
}
