import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChainOf, verifyEveryChain } from '../../src/app/data-protection/verify-audit-chains.js';
import { childAuditKey } from '../../src/domain/child/child-record.js';
import type { AuditEvent } from '../../src/domain/model.js';
import { createFieldCipher } from '../../src/stores/encryption/field-cipher.js';
import { MIGRATIONS, applyMigrations } from '../../src/stores/sqlite/migrations.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { aChild, aChildAuditEvent } from '../support/child-fixture.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';

describe('SQLite audit chain back-fill of a file written before migration 6', () => {
  let folder = '';
  let filename = '';
  const keys = [{ id: 'k1', key: randomBytes(32) }];
  const cipher = createFieldCipher(keys);
  const meeting = aMeeting();
  const child = aChild();
  const sealed = (event: AuditEvent) => JSON.stringify({ ...event, data: { sealed: cipher.encrypt(JSON.stringify(event.data)) } });
  // As the release before the chain wrote them: data sealed alone, one already redacted, one from before encryption.
  const events = [
    anAuditEvent(meeting.id, { data: { note: 'Moved to Oak House' } }),
    anAuditEvent(meeting.id, { data: { redacted: 'erasure' } }),
    anAuditEvent(meeting.id, { data: { answer: 'yes' } }),
  ];
  const childEvent = aChildAuditEvent(child.ref, { data: { detail: 'Oak House' } });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pep-bot-chain-'));
    filename = join(folder, 'pep-bot.sqlite');
    const old = new Database(filename);
    try {
      applyMigrations(old, MIGRATIONS.filter((migration) => migration.version < 6));
      old.prepare('INSERT INTO meetings (id, version, child_ref, doc) VALUES (?, ?, ?, ?)').run(meeting.id, 1, meeting.child.ref, JSON.stringify(meeting));
      const insert = old.prepare('INSERT INTO audit_events (meeting_id, event) VALUES (?, ?)');
      insert.run(meeting.id, sealed(events[0] as AuditEvent));
      insert.run(meeting.id, JSON.stringify(events[1]));
      insert.run(meeting.id, JSON.stringify(events[2]));
      old.prepare('INSERT INTO children (ref, version, doc) VALUES (?, ?, ?)').run(child.ref, 1, JSON.stringify(child));
      old.prepare('INSERT INTO child_audit_events (child_ref, event) VALUES (?, ?)').run(child.ref, sealed(childEvent));
    } finally {
      old.close();
    }
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('chains the entries in the order they were written, salted and sealed, and the trail reads as before', async () => {
    const store = createSqliteStore({ filename, keys });
    await store.init();
    try {
      expect(await store.auditTrail(meeting.id)).toStrictEqual(events);
      expect(await store.childAuditTrail(child.ref)).toStrictEqual([childEvent]);
      expect(await verifyChainOf(store, meeting.id)).toEqual({ key: meeting.id, entries: 3, redacted: [{ entryId: events[1]?.id, seq: 2, reason: 'erasure' }] });
      expect(await verifyChainOf(store, childAuditKey(child.ref))).toEqual({ key: childAuditKey(child.ref), entries: 1, redacted: [] });

      // New entries carry on the chain, after a restart too (the back-fill finds nothing more to do).
      await store.close();
      await store.init();
      await store.saveMeeting(nextVersion(meeting), 1, { events: [anAuditEvent(meeting.id)] });
      const reports = [];
      for await (const report of verifyEveryChain(store)) reports.push(report);
      expect(reports.map((r) => [r.key, r.entries, r.break])).toEqual([
        [meeting.id, 4, undefined],
        [childAuditKey(child.ref), 1, undefined],
      ]);
    } finally {
      await store.close();
    }

    const raw = new Database(filename, { readonly: true });
    try {
      const rows = raw.prepare<[], { event: string; seq: number }>('SELECT event, chain_seq AS seq FROM audit_events ORDER BY seq').all();
      expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
      // What was plain is now encrypted with its salt; the redacted entry stays empty.
      expect(rows.map((row) => Object.keys((JSON.parse(row.event) as AuditEvent).data))).toEqual([['salted'], ['redacted'], ['salted'], ['salted']]);
    } finally {
      raw.close();
    }
  });

  /** Starts a store once, so the file is chained, then works on the file itself. */
  const onChainedFile = async (work: (db: Database.Database) => void) => {
    const store = createSqliteStore({ filename, keys });
    await store.init();
    await store.close();
    const db = new Database(filename);
    try {
      work(db);
    } finally {
      db.close();
    }
    return store;
  };

  it('refuses an entry written without its chain fields once the file is chained', async () => {
    await onChainedFile((db) => {
      expect(() => db.prepare('INSERT INTO audit_events (meeting_id, event) VALUES (?, ?)').run(meeting.id, JSON.stringify(anAuditEvent(meeting.id)))).toThrow(/chain fields/);
      expect(() => db.prepare('UPDATE audit_events SET chain_seq = 9 WHERE chain_seq = 1').run()).toThrow(/never change/);
    });
  });

  it('anchors, in migration 9, the tips of chains linked before it', async () => {
    // The file as migration 8 left it: chains linked, no tips anchored.
    const store = await onChainedFile((db) => {
      for (const table of ['meetings', 'children']) db.exec(`ALTER TABLE ${table} DROP COLUMN audit_tip_seq; ALTER TABLE ${table} DROP COLUMN audit_tip_hash;`);
      db.prepare('DELETE FROM schema_migrations WHERE version = 9').run();
    });
    await store.init();
    try {
      expect(await store.auditTip(meeting.id)).toMatchObject({ seq: 3 });
      expect(await store.auditTip(childAuditKey(child.ref))).toMatchObject({ seq: 1 });
      for (const key of [meeting.id, childAuditKey(child.ref)]) expect((await verifyChainOf(store, key)).break).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
