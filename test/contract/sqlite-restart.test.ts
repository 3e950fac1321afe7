import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, applyMigrations } from '../../src/stores/sqlite/migrations.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';

describe('SQLite store across a restart', () => {
  let folder: string;
  let filename: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pep-bot-restart-'));
    filename = join(folder, 'pep-bot.sqlite');
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps meetings, answers, audit events and idempotency records when the file is opened again', async () => {
    const before = createSqliteStore({ filename });
    await before.init();
    const meeting = aMeeting();
    const created = anAuditEvent(meeting.id, { type: 'createMeeting' });
    await before.createMeeting(meeting, { events: [created] });
    const rsvp = { answer: 'tentative' as const, at: '2026-03-04T08:00:00Z', note: 'Depends on cover.' };
    const answered = nextVersion(meeting, {
      participants: meeting.participants.map((p) => (p.id === 'p-organiser' ? { ...p, rsvp } : p)),
    });
    const recorded = anAuditEvent(meeting.id, { type: 'recordRsvp', actorId: 'p-organiser', data: { answer: 'tentative' } });
    const idempotency = { key: 'teams:activity-42:p-organiser', result: { rsvp: 'tentative' }, at: rsvp.at };
    await before.saveMeeting(answered, 1, { events: [recorded], idempotency });
    const otherChild = aMeeting({ child: { ref: 'PEP-2026-0077', initials: 'KL' } });
    await before.createMeeting(otherChild, { events: [] });
    await before.close();

    const after = createSqliteStore({ filename });
    await after.init();
    expect(await after.getMeeting(meeting.id)).toStrictEqual(answered);
    expect(await after.meetingsOfChild('PEP-2026-0077')).toStrictEqual([otherChild]);
    expect(await after.auditTrail(meeting.id)).toStrictEqual([created, recorded]);
    expect(await after.getIdempotency(idempotency.key)).toStrictEqual(idempotency);
    const [organiser] = await after.findParticipants({ kind: 'teams', teamsUserId: '29:1a2b3c-sam' });
    expect(organiser).toStrictEqual({ meetingId: meeting.id, participant: { ...meeting.participants[0], rsvp } });
    expect((await after.actionsDueBefore('2026-03-22T00:00:00Z')).map((due) => due.meetingId)).toStrictEqual([
      meeting.id,
      otherChild.id,
    ]);

    // The reopened store carries on from the stored version.
    await expect(after.saveMeeting(nextVersion(meeting), 1, { events: [] })).rejects.toMatchObject({ code: 'STORE.CONFLICT' });
    await after.saveMeeting(nextVersion(answered), 2, { events: [] });
    await after.close();
  });

  it('upgrades a file an earlier release left at migration 1, keeping its meetings, then stores key values', async () => {
    const meeting = aMeeting();
    const old = new Database(filename);
    try {
      // As the first release left it: only migration 1 applied, and a meeting written.
      applyMigrations(old, MIGRATIONS.slice(0, 1));
      old
        .prepare('INSERT INTO meetings (id, version, child_ref, doc) VALUES (?, ?, ?, ?)')
        .run(meeting.id, meeting.version, meeting.child.ref, JSON.stringify(meeting));
    } finally {
      old.close();
    }

    const upgraded = createSqliteStore({ filename });
    await upgraded.init();
    expect(await upgraded.getMeeting(meeting.id)).toStrictEqual(meeting);
    await upgraded.putValue('teams.conversation', meeting.id, { id: '19:abc@thread.v2' });
    expect(await upgraded.getValue('teams.conversation', meeting.id)).toStrictEqual({ id: '19:abc@thread.v2' });
    await upgraded.close();
  });

  it('applies each migration once, and leaves the file in WAL mode', async () => {
    for (let start = 0; start < 2; start += 1) {
      const store = createSqliteStore({ filename });
      await store.init();
      await store.close();
    }

    const raw = new Database(filename, { readonly: true });
    try {
      expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toStrictEqual(
        MIGRATIONS.map((migration) => migration.version),
      );
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });
});
