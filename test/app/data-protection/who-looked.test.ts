import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whoLookedReader } from '../../../src/app/data-protection/who-looked.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import { settableClock } from '../../contract/settable-clock.js';
import { aMeeting, anAuditEvent, nextVersion } from '../../support/meeting-fixture.js';
import { tempSqliteStore } from '../../support/sqlite-temp-store.js';

describe("who looked, for the Virtual School: each meeting's audit trail checked", () => {
  let store: StoreWithChildren;
  let filename: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ store, filename, remove } = await tempSqliteStore(settableClock('2026-04-01T09:00:00Z'))));
  afterEach(async () => remove());

  it('says the trail verifies, counting entries whose data was removed, and names an entry changed in the file', async () => {
    const meeting = aMeeting();
    const created = anAuditEvent(meeting.id);
    const changed = anAuditEvent(meeting.id, { data: { note: 'words' } });
    await store.createMeeting(meeting, { events: [created] });
    await store.saveMeeting(nextVersion(meeting), 1, { events: [changed] });
    await store.redactAudit(meeting.id, [changed.id], 'erasure');
    const read = whoLookedReader({ store, auditChains: store });
    expect((await read(meeting.child.ref)).map((m) => m.audit)).toEqual([{ verified: true, words: 'Audit trail verified: 2 entries, 1 with their data removed (erasure or retention).' }]);
    // Without the chains (a test of meeting rules alone), the page says nothing of them.
    expect((await whoLookedReader({ store })(meeting.child.ref))[0]?.audit).toBeUndefined();

    const db = new Database(filename);
    try {
      db.exec('DROP TRIGGER audit_events_no_update');
      db.prepare(`UPDATE audit_events SET event = json_set(event, '$.actorId', 'p-someone') WHERE chain_seq = 1`).run();
    } finally {
      db.close();
    }
    const [broken] = await read(meeting.child.ref);
    expect(broken?.audit?.verified).toBe(false);
    expect(broken?.audit?.words).toContain(`Entry ${created.id} (1) of ${meeting.id} was changed`);
  });

  it('says the trail does not verify when its last entry was deleted in the file, naming where it now ends', async () => {
    const meeting = aMeeting();
    await store.createMeeting(meeting, { events: [anAuditEvent(meeting.id)] });
    await store.saveMeeting(nextVersion(meeting), 1, { events: [anAuditEvent(meeting.id)] });
    const db = new Database(filename);
    try {
      db.exec('DROP TRIGGER audit_events_no_delete');
      db.prepare('DELETE FROM audit_events WHERE meeting_id = ? AND chain_seq = 2').run(meeting.id);
    } finally {
      db.close();
    }
    const [cut] = await whoLookedReader({ store, auditChains: store })(meeting.child.ref);
    expect(cut?.audit).toEqual({ verified: false, words: expect.stringContaining('entries missing after seq 1') });
  });
});
