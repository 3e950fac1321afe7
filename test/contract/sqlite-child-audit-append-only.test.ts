import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { aChild, aChildAuditEvent } from '../support/child-fixture.js';
import { tempSqliteStore } from '../support/sqlite-temp-store.js';

/** Migrations 7 and 8: the file itself refuses to cut a child's audit trail short or change it, but for emptying an entry's data, whatever code runs against it. */
describe("the SQLite file's guard on a child's audit trail", () => {
  let store: StoreWithChildren;
  let filename: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ store, filename, remove } = await tempSqliteStore({ now: () => new Date('2026-11-02T09:00:00Z') })));
  afterEach(async () => remove());

  it("lets a chained entry's data become the redaction marker, once, and refuses every other change", async () => {
    const child = aChild();
    await store.createChild(child, { events: [aChildAuditEvent(child.ref, { data: { designatedTeacherEmail: 'dt@northfield.sch.uk' } })] });
    const db = new Database(filename);
    const update = (set: string) => () => db.prepare(`UPDATE child_audit_events SET ${set}`).run();
    try {
      expect(update(`event = json_set(event, '$.summary', 'Nothing to see')`)).toThrow(/only an entry's data may be redacted/);
      expect(update(`event = json_set(event, '$.data', json('{"note":"changed"}'))`)).toThrow(/only an entry's data may be redacted/);
      expect(update(`event = json_set(event, '$.data', json('{"redacted":"because"}'))`)).toThrow(/only an entry's data may be redacted/);
      expect(update(`event = json_set(event, '$.data', json('{"redacted":"erasure","kept":"dt@northfield.sch.uk"}'))`)).toThrow(/only an entry's data may be redacted/);
      expect(update(`hash = '${'0'.repeat(64)}', event = json_set(event, '$.data', json('{"redacted":"erasure"}'))`)).toThrow(/only an entry's data may be redacted/);
      expect(update(`data_digest = '${'0'.repeat(64)}'`)).toThrow(/only an entry's data may be redacted/);
      expect(update(`child_ref = 'PEP-2026-9999'`)).toThrow(/only an entry's data may be redacted/);

      expect(update(`event = json_set(event, '$.data', json('{"redacted":"erasure"}'))`)().changes).toBe(1);
      expect(update(`event = json_set(event, '$.data', json('{"redacted":"retention"}'))`)).toThrow(/only an entry's data may be redacted/);
      expect((await store.childAuditTrail(child.ref))[0]?.data).toStrictEqual({ redacted: 'erasure' });
    } finally {
      db.close();
    }
  });

  it('refuses to delete or change an entry while the child is kept, and lets the whole trail go with the child', async () => {
    const child = aChild();
    await store.createChild(child, { events: [aChildAuditEvent(child.ref), aChildAuditEvent(child.ref)] });
    const db = new Database(filename);
    try {
      expect(() => db.prepare('DELETE FROM child_audit_events WHERE seq = (SELECT min(seq) FROM child_audit_events)').run()).toThrow(/append-only while its child is kept/);
      expect(() => db.prepare("UPDATE child_audit_events SET event = '{}'").run()).toThrow(/append-only/);
      expect(await store.childAuditTrail(child.ref)).toHaveLength(2);

      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        db.prepare('DELETE FROM children WHERE ref = ?').run(child.ref);
        db.prepare('DELETE FROM child_audit_events WHERE child_ref = ?').run(child.ref);
      })();
      expect(await store.childAuditTrail(child.ref)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
