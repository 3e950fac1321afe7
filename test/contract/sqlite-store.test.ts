import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { storeContract } from './store-contract.js';

const folders = new Map<object, string>();

storeContract({
  name: 'SQLite store contract',
  create: async ({ clock }) => {
    const folder = mkdtempSync(join(tmpdir(), 'pep-bot-sqlite-'));
    const store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite'), clock });
    folders.set(store, folder);
    return store;
  },
  cleanup: async (store) => {
    await store.close();
    rmSync(folders.get(store) ?? '', { recursive: true, force: true });
    folders.delete(store);
  },
});
