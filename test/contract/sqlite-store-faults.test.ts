import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { StoreUnavailableError } from '../../src/ports/store-unavailable.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { fillTheDisk } from '../support/full-disk.js';
import { aMeeting, anAction, nextVersion } from '../support/meeting-fixture.js';

/**
 * The SQLite store when its file cannot be written: a full disk (max_page_count capped at the
 * file's size on the store's own connection, every free page taken) and a read-only connection.
 * Writes fail as StoreUnavailableError with SQLite's code as the cause, refusals stay refusals,
 * ping() fails while writes would, and everything works again once they can.
 */
let folder: string;
let store: MeetingStore;
let db: Database;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pep-bot-sqlite-faults-'));
  store = createSqliteStore({
    filename: join(folder, 'pep-bot.sqlite'),
    connection: (opened) => {
      db = opened;
    },
  });
  await store.init();
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const unavailable = (code: string) => expect.objectContaining({ name: 'StoreUnavailableError', cause: expect.objectContaining({ code }) });

describe('a SQLite store whose disk is full', () => {
  it('refuses a save that needs room as StoreUnavailableError, keeps refusals as they were, and saves once there is room', async () => {
    const meeting = aMeeting({ id: 'm-full' });
    await store.createMeeting(meeting, { events: [] });
    const makeRoom = fillTheDisk(db);
    // Forty more actions: a change far larger than any page, so it needs room the file no longer has.
    const more = Array.from({ length: 40 }, (_, n) => anAction({ id: `a-more-${n}`, description: `Read together for twenty minutes, evening ${n}` }));
    const bigger = nextVersion(meeting, { actions: [...meeting.actions, ...more] });

    await expect(store.saveMeeting(bigger, meeting.version, { events: [] })).rejects.toThrow(StoreUnavailableError);
    await expect(store.saveMeeting(bigger, meeting.version, { events: [] })).rejects.toEqual(unavailable('SQLITE_FULL'));
    // Read at a version that was never saved: a conflict, whatever the disk.
    await expect(store.saveMeeting(nextVersion(bigger), bigger.version, { events: [] })).rejects.toMatchObject({ name: 'DomainError', code: 'STORE.CONFLICT' });
    await expect(store.ping()).rejects.toEqual(unavailable('SQLITE_FULL'));
    expect((await store.getMeeting(meeting.id))?.version).toBe(meeting.version);

    makeRoom();
    await expect(store.ping()).resolves.toBeUndefined();
    await store.saveMeeting(bigger, meeting.version, { events: [] });
    expect((await store.getMeeting(meeting.id))?.actions).toHaveLength(bigger.actions.length);
  });
});

describe('a SQLite store that is read-only', () => {
  it('refuses every write, key values included, as StoreUnavailableError, and ping() with it', async () => {
    await store.putValue('ns', 'kept', { a: 1 });
    db.pragma('query_only = ON');

    await expect(store.createMeeting(aMeeting({ id: 'm-ro' }), { events: [] })).rejects.toEqual(unavailable('SQLITE_READONLY'));
    await expect(store.putValue('ns', 'k', 1)).rejects.toEqual(unavailable('SQLITE_READONLY'));
    await expect(store.claimValue('ns', 'k', 1)).rejects.toEqual(unavailable('SQLITE_READONLY'));
    await expect(store.deleteValue('ns', 'kept')).rejects.toEqual(unavailable('SQLITE_READONLY'));
    await expect(store.ping()).rejects.toEqual(unavailable('SQLITE_READONLY'));
    expect(await store.getValue('ns', 'kept')).toEqual({ a: 1 });

    db.pragma('query_only = OFF');
    await expect(store.ping()).resolves.toBeUndefined();
    await expect(store.claimValue('ns', 'k', 1)).resolves.toBe(true);
  });
});
