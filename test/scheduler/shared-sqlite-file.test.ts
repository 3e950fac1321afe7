import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEDULER_MIGRATIONS } from '../../src/scheduler/sqlite-backend/migrations.js';
import { SqliteBackend } from '../../src/scheduler/sqlite-backend/sqlite-backend.js';
import { MIGRATIONS } from '../../src/stores/sqlite/migrations.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';

describe('the jobs in the store’s SQLite file', () => {
  let folder: string;
  let filename: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pep-bot-shared-'));
    filename = join(folder, 'pep-bot.sqlite');
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps its own tables and migration list beside the store’s, in WAL mode, whichever opens first', async () => {
    for (let start = 0; start < 2; start += 1) {
      const backend = new SqliteBackend({ filename });
      await backend.connect();
      const store = createSqliteStore({ filename });
      await store.init();
      await store.close();
      await backend.disconnect();
    }

    const raw = new Database(filename, { readonly: true });
    try {
      const versions = (table: string) => raw.prepare(`SELECT version FROM ${table} ORDER BY version`).pluck().all();
      expect(versions('scheduler_migrations')).toEqual(SCHEDULER_MIGRATIONS.map((m) => m.version));
      expect(versions('schema_migrations')).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['agenda_jobs', 'meetings', 'scheduler_migrations', 'schema_migrations']));
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('refuses calls before connect and after disconnect, by name', async () => {
    const backend = new SqliteBackend({ filename });
    await expect(backend.repository.getQueueSize()).rejects.toMatchObject({ name: 'SqliteBackendNotConnectedError' });
    await backend.connect();
    await backend.disconnect();
    await expect(backend.repository.getDistinctJobNames()).rejects.toMatchObject({ name: 'SqliteBackendNotConnectedError' });
  });
});
