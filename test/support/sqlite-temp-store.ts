import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { Clock } from '../../src/ports/clock.js';
import { SqliteBackend } from '../../src/scheduler/sqlite-backend/sqlite-backend.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';

/** A real SQLite store in a folder of its own; `remove` closes it and deletes the folder. */
export async function tempSqliteStore(clock: Clock): Promise<{ store: StoreWithChildren; filename: string; remove: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'pep-bot-rights-'));
  const filename = join(folder, 'pep-bot.sqlite');
  const store = createSqliteStore({ filename, clock });
  await store.init();
  return {
    store,
    filename,
    remove: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The same, with the scheduler's job store in the same file, as the bot keeps it; `remove` closes both. */
export async function tempSqliteStoreWithJobs(clock: Clock): Promise<{ store: StoreWithChildren; jobs: SqliteBackend; remove: () => Promise<void> }> {
  const opened = await tempSqliteStore(clock);
  const jobs = new SqliteBackend({ filename: opened.filename });
  await jobs.connect();
  const remove = async () => {
    await jobs.disconnect();
    await opened.remove();
  };
  return { store: opened.store, jobs, remove };
}
