import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { MeetingStore } from '../../src/ports/store.js';
import Database from 'better-sqlite3';
import { accessLogContract } from './access-log-contract.js';
import { childStoreContract } from './child-store-contract.js';
import { encryptionContract } from './encryption-contract.js';
import { storeContract } from './store-contract.js';

const folders = new Map<object, string>();

/** One SQLite file per store: the meeting and child contracts both run on it. */
const adapter = {
  create: async ({ clock }: { clock: Clock }): Promise<StoreWithChildren> => {
    const folder = mkdtempSync(join(tmpdir(), 'pep-bot-sqlite-'));
    const store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite'), clock });
    folders.set(store, folder);
    return store;
  },
  cleanup: async (store: MeetingStore) => {
    await store.close();
    rmSync(folders.get(store) ?? '', { recursive: true, force: true });
    folders.delete(store);
  },
};

/** Straight to the file on a second connection, the store's triggers dropped first, as someone with the disk could. */
const onFile = (store: MeetingStore, trigger: string, sql: string, ...params: string[]): void => {
  const db = new Database(join(folders.get(store) ?? '', 'pep-bot.sqlite'));
  try {
    db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
};

storeContract({ name: 'SQLite store contract', ...adapter });
childStoreContract({
  name: 'SQLite child store contract',
  ...adapter,
  raw: (store) => ({
    setSummary: async (meetingId, entryId, summary) =>
      onFile(store, 'audit_events_no_update', `UPDATE audit_events SET event = json_set(event, '$.summary', ?) WHERE meeting_id = ? AND json_extract(event, '$.id') = ?`, summary, meetingId, entryId),
    deleteEntry: async (meetingId, entryId) => onFile(store, 'audit_events_no_delete', `DELETE FROM audit_events WHERE meeting_id = ? AND json_extract(event, '$.id') = ?`, meetingId, entryId),
  }),
});

accessLogContract({ name: 'SQLite access log', create: () => adapter.create({ clock: { now: () => new Date() } }), cleanup: adapter.cleanup });

const fileOf = (folder: string): string => join(folder, 'pep-bot.sqlite');

encryptionContract({
  name: 'SQLite free text encrypted at rest',
  place: async () => mkdtempSync(join(tmpdir(), 'pep-bot-sqlite-enc-')),
  open: (folder, keys) => createSqliteStore({ filename: fileOf(folder), keys }),
  // The file's own bytes, and its write-ahead log's if one is left: what someone with the disk reads.
  raw: async (folder) => [fileOf(folder), `${fileOf(folder)}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file).toString('latin1')).join('\n'),
  storedMeeting: async (folder, id) => {
    const db = new Database(fileOf(folder), { readonly: true });
    try {
      return JSON.parse(db.prepare<[string], string>('SELECT doc FROM meetings WHERE id = ?').pluck().get(id) ?? 'null');
    } finally {
      db.close();
    }
  },
  remove: async (folder) => rmSync(folder, { recursive: true, force: true }),
});
