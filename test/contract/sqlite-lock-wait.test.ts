import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { aMeeting, nextVersion } from '../support/meeting-fixture.js';

/**
 * Another process on the same file holds the write lock for a moment (BEGIN IMMEDIATE, a pause,
 * COMMIT), as a second PEP Bot saving a meeting would. The store's writes wait for it (busy
 * timeout) instead of failing with SQLITE_BUSY, and a read-then-write save is not refused either.
 */
const HOLD_MS = 400;

/** A separate node process: better-sqlite3 is synchronous, so a lock held in this one would block the test itself. */
function holdWriteLock(filename: string) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${HOLD_MS});
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, filename], { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve) => createInterface({ input: child.stdout }).on('line', (line) => line === 'locked' && resolve()));
  return { locked, exit: once(child, 'close') };
}

let folder: string;
let filename: string;
let store: MeetingStore;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pep-bot-sqlite-lock-'));
  filename = join(folder, 'pep-bot.sqlite');
  store = createSqliteStore({ filename });
  await store.init();
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('a SQLite store whose file another process is writing', () => {
  it("waits for the other process's write lock and then saves and claims", async () => {
    const meeting = aMeeting({ id: 'm-shared' });
    await store.createMeeting(meeting, { events: [] });
    const other = holdWriteLock(filename);
    await other.locked;
    const started = Date.now();
    await store.saveMeeting(nextVersion(meeting), meeting.version, { events: [] });
    const waited = Date.now() - started;
    expect(await store.claimValue('slack-handled', 'event-1', { at: 'now' })).toBe(true);
    await other.exit;
    // It really waited: the save could only commit once the other process let go.
    expect(waited).toBeGreaterThanOrEqual(HOLD_MS / 2);
    expect((await store.getMeeting(meeting.id))?.version).toBe(meeting.version + 1);
  });
});
