import { describe, expect, it } from 'vitest';
import { verifyChainOf, verifyEveryChain } from '../../src/app/data-protection/verify-audit-chains.js';
import { EMPTY_CHAIN } from '../../src/domain/audit-chain.js';
import { childAuditKey } from '../../src/domain/child/child-record.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { aChild, aChildAuditEvent, nextChildVersion } from '../support/child-fixture.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';
import { refusal } from './refusal.js';

/** What someone with the database itself could do, past the store's own rules (SQLite's triggers dropped first). */
export interface RawAudit {
  setSummary(meetingId: string, entryId: string, summary: string): Promise<void>;
  deleteEntry(meetingId: string, entryId: string): Promise<void>;
}

const all = async (store: StoreWithChildren) => {
  const reports = [];
  for await (const report of verifyEveryChain(store, 2)) reports.push(report);
  return reports;
};

/** The audit hash chains (src/domain/audit-chain.ts) as each store keeps them; run inside the child store contract, on its store. */
export function auditChainContract(current: () => StoreWithChildren, raw: (store: StoreWithChildren) => RawAudit): void {
  describe('audit hash chains', () => {
    /** A meeting with five entries over three saves. */
    const meetingWithFiveEntries = async () => {
      const meeting = aMeeting();
      const events = [1, 2, 3, 4, 5].map((n) => anAuditEvent(meeting.id, { data: { n, note: `words ${n}` } }));
      await current().createMeeting(meeting, { events: events.slice(0, 2) });
      await current().saveMeeting(nextVersion(meeting), 1, { events: events.slice(2, 4) });
      await current().saveMeeting(nextVersion(nextVersion(meeting)), 2, { events: events.slice(4) });
      return { meeting, events };
    };

    it("links each save's entries after the last, one chain per meeting and per child, and verifies them a page at a time", async () => {
      const { meeting, events } = await meetingWithFiveEntries();
      const child = aChild();
      await current().createChild(child, { events: [aChildAuditEvent(child.ref)] });
      await current().saveChild(nextChildVersion(child), 1, { events: [aChildAuditEvent(child.ref), aChildAuditEvent(child.ref)] });

      const { links, next } = await current().auditLinks(meeting.id, { limit: 3 });
      expect(links.map((link) => [link.event.id, link.chain?.seq])).toEqual(events.slice(0, 3).map((event, index) => [event.id, index + 1]));
      expect(links[1]?.chain?.prevHash).toBe(links[0]?.chain?.hash);
      expect(links[0]?.event).toStrictEqual(events[0]);
      const rest = await current().auditLinks(meeting.id, { after: next, limit: 3 });
      expect(rest.links.map((link) => link.chain?.seq)).toEqual([4, 5]);
      expect(rest.next).toBeUndefined();

      expect(await verifyChainOf(current(), meeting.id, 2)).toEqual({ key: meeting.id, entries: 5, redacted: [] });
      expect(await all(current())).toEqual([
        { key: meeting.id, entries: 5, redacted: [] },
        { key: childAuditKey(child.ref), entries: 3, redacted: [] },
      ]);
    });

    it('lists audit keys a page at a time: meetings in id order, then children', async () => {
      const [a, b] = [aMeeting(), aMeeting()];
      for (const meeting of [a, b]) await current().createMeeting(meeting, { events: [anAuditEvent(meeting.id)] });
      const child = aChild();
      await current().createChild(child, { events: [aChildAuditEvent(child.ref)] });
      const ids = [a.id, b.id].sort();
      expect(await current().auditKeys({ limit: 1 })).toEqual([ids[0]]);
      expect(await current().auditKeys({ after: ids[0], limit: 5 })).toEqual([ids[1], childAuditKey(child.ref)]);
      expect(await current().auditKeys({ after: childAuditKey(child.ref), limit: 5 })).toEqual([]);
    });

    it('does not fork the chain when two saves race from the same version: one conflicts and writes nothing', async () => {
      const meeting = aMeeting();
      await current().createMeeting(meeting, { events: [anAuditEvent(meeting.id)] });
      const outcomes = await Promise.allSettled(
        ['first', 'second'].map((who) => current().saveMeeting(nextVersion(meeting, { purpose: who }), 1, { events: [anAuditEvent(meeting.id), anAuditEvent(meeting.id)] })),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: refusal('STORE.CONFLICT') });
      expect(await verifyChainOf(current(), meeting.id)).toEqual({ key: meeting.id, entries: 3, redacted: [] });

      const child = aChild();
      await current().createChild(child, { events: [aChildAuditEvent(child.ref)] });
      await Promise.allSettled([1, 2].map(() => current().saveChild(nextChildVersion(child), 1, { events: [aChildAuditEvent(child.ref)] })));
      expect(await verifyChainOf(current(), childAuditKey(child.ref))).toEqual({ key: childAuditKey(child.ref), entries: 2, redacted: [] });
    });

    it('still verifies after entries are redacted, naming them with the reason, and keeps neither their data nor its salt', async () => {
      const { meeting, events } = await meetingWithFiveEntries();
      const [, second, third] = events;
      if (!second || !third) throw new Error('five entries');
      await current().redactAudit(meeting.id, [second.id], 'erasure');
      await current().redactAudit(meeting.id, [third.id], 'retention');
      expect(await verifyChainOf(current(), meeting.id)).toEqual({
        key: meeting.id,
        entries: 5,
        redacted: [
          { entryId: second.id, seq: 2, reason: 'erasure' },
          { entryId: third.id, seq: 3, reason: 'retention' },
        ],
      });
      const [, redacted] = (await current().auditLinks(meeting.id, { limit: 5 })).links;
      expect(redacted?.event.data).toStrictEqual({ redacted: 'erasure' });
      expect(redacted?.salt).toBeUndefined();
      expect(redacted?.chain?.dataDigest).toMatch(/^[0-9a-f]{64}$/);
    });

    it('detects a summary changed in the database itself, naming the entry', async () => {
      const { meeting, events } = await meetingWithFiveEntries();
      const third = events[2];
      if (!third) throw new Error('five entries');
      await raw(current()).setSummary(meeting.id, third.id, 'Nothing to see');
      const report = await verifyChainOf(current(), meeting.id);
      expect(report).toMatchObject({ entries: 2, break: { kind: 'edited', entryId: third.id, seq: 3 } });
      expect(report.break?.message).toContain(third.id);
    });

    it('detects a middle entry deleted in the database itself as a gap', async () => {
      const { meeting, events } = await meetingWithFiveEntries();
      const [, , third, fourth] = events;
      if (!third || !fourth) throw new Error('five entries');
      await raw(current()).deleteEntry(meeting.id, third.id);
      const report = await verifyChainOf(current(), meeting.id);
      expect(report).toMatchObject({ entries: 2, break: { kind: 'gap', entryId: fourth.id, seq: 4 } });
      expect(report.break?.message).toContain('entry 3 is missing');
      expect((await all(current())).filter((r) => r.break).map((r) => r.key)).toEqual([meeting.id]);
    });

    it("anchors each chain's tip in its record, moved on by every append and kept by a save without entries", async () => {
      const { meeting } = await meetingWithFiveEntries();
      const last = (await current().auditLinks(meeting.id, { after: (await current().auditLinks(meeting.id, { limit: 4 })).next, limit: 4 })).links.at(-1);
      expect(await current().auditTip(meeting.id)).toEqual({ seq: 5, hash: last?.chain?.hash });
      await current().saveMeeting(nextVersion(nextVersion(nextVersion(meeting))), 3, { events: [] });
      expect(await current().auditTip(meeting.id)).toEqual({ seq: 5, hash: last?.chain?.hash });

      const child = aChild();
      await current().createChild(child, { events: [] });
      expect(await current().auditTip(childAuditKey(child.ref))).toEqual(EMPTY_CHAIN);
      await current().saveChild(nextChildVersion(child), 1, { events: [aChildAuditEvent(child.ref), aChildAuditEvent(child.ref)] });
      const childLinks = (await current().auditLinks(childAuditKey(child.ref), { limit: 5 })).links;
      expect(await current().auditTip(childAuditKey(child.ref))).toEqual({ seq: 2, hash: childLinks[1]?.chain?.hash });
      expect(await current().auditTip('no-such-meeting')).toBeUndefined();
      expect(await current().auditTip(childAuditKey('NO-SUCH-REF'))).toBeUndefined();
    });

    it('detects the last entry deleted in the database itself as truncation, naming where the chain now ends; every entry deleted too; and still after the next append', async () => {
      const { meeting, events } = await meetingWithFiveEntries();
      const [, , , fourth, fifth] = events;
      if (!fourth || !fifth) throw new Error('five entries');
      await raw(current()).deleteEntry(meeting.id, fifth.id);
      const report = await verifyChainOf(current(), meeting.id);
      expect(report).toMatchObject({ entries: 4, break: { kind: 'truncated', entryId: fourth.id, seq: 4 } });
      expect(report.break?.message).toContain('entries missing after seq 4');
      expect((await all(current())).filter((r) => r.break).map((r) => r.break?.kind)).toEqual(['truncated']);

      for (const event of events.slice(0, 4)) await raw(current()).deleteEntry(meeting.id, event.id);
      expect(await all(current())).toMatchObject([{ key: meeting.id, entries: 0, break: { kind: 'truncated', message: expect.stringContaining('entries missing after seq 0') } }]);

      const later = anAuditEvent(meeting.id);
      await current().saveMeeting(nextVersion(nextVersion(nextVersion(meeting))), 3, { events: [later] });
      expect(await verifyChainOf(current(), meeting.id)).toMatchObject({ break: { kind: 'gap', entryId: later.id, seq: 6 } });
    });

    it('keeps the tip valid when the last entry is redacted for erasure', async () => {
      const { meeting, events } = await meetingWithFiveEntries();
      const fifth = events[4];
      if (!fifth) throw new Error('five entries');
      const before = await current().auditTip(meeting.id);
      await current().redactAudit(meeting.id, [fifth.id], 'erasure');
      expect(await current().auditTip(meeting.id)).toEqual(before);
      expect(await verifyChainOf(current(), meeting.id)).toEqual({ key: meeting.id, entries: 5, redacted: [{ entryId: fifth.id, seq: 5, reason: 'erasure' }] });
    });
  });
}
