import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { aMeeting, nextVersion } from '../support/meeting-fixture.js';

/**
 * The SQLite store keeps the meetings it last parsed (src/stores/parsed-meetings.ts). What it hands
 * out must stay what a fresh read of the file gives: another connection's write is seen, and a
 * caller changing its copy changes nothing stored or read later.
 */
let folder: string;
let filename: string;
let store: MeetingStore;
let other: MeetingStore;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pep-bot-sqlite-parsed-'));
  filename = join(folder, 'pep-bot.sqlite');
  store = createSqliteStore({ filename });
  await store.init();
  // Another process on the same file (the scheduler's, say): its own connection, the same key file.
  other = createSqliteStore({ filename });
  await other.init();
});
afterEach(async () => {
  await store.close();
  await other.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the meetings a SQLite store keeps parsed', () => {
  it("reads another connection's save, not the meeting it read before", async () => {
    const meeting = aMeeting({ id: 'm-kept' });
    await store.createMeeting(meeting, { events: [] });
    expect((await store.getMeeting(meeting.id))?.version).toBe(1);
    await other.saveMeeting({ ...nextVersion(meeting), notes: [] }, meeting.version, { events: [] });
    const read = await store.getMeeting(meeting.id);
    expect(read?.version).toBe(2);
    expect(read).toEqual(await other.getMeeting(meeting.id));
  });

  it('hands each caller its own copy', async () => {
    const meeting = aMeeting({ id: 'm-copied' });
    await store.createMeeting(meeting, { events: [] });
    const first = await store.getMeeting(meeting.id);
    first!.child.initials = 'ZZ';
    first!.participants.length = 0;
    const second = await store.getMeeting(meeting.id);
    expect(second).toEqual(await other.getMeeting(meeting.id));
    expect(second?.child.initials).toBe(meeting.child.initials);
  });

  it('keeps nothing from a save that was refused', async () => {
    const meeting = aMeeting({ id: 'm-refused' });
    await store.createMeeting(meeting, { events: [] });
    await other.saveMeeting(nextVersion(meeting), meeting.version, { events: [] });
    // Saved over version 1 again: stale, so the transaction rolls back.
    await expect(store.saveMeeting({ ...nextVersion(meeting), child: { ...meeting.child, initials: 'LU' } }, meeting.version, { events: [] })).rejects.toThrow();
    expect((await store.getMeeting(meeting.id))?.child.initials).toBe(meeting.child.initials);
    expect((await store.getMeeting(meeting.id))?.version).toBe(2);
  });
});
