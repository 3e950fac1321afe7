import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteBackend } from '../../src/scheduler/sqlite-backend/sqlite-backend.js';
import { schedulerBackendContract } from './scheduler-backend-contract.js';

const folders = new Map<object, string>();

schedulerBackendContract({
  name: 'SQLite scheduler backend contract',
  failReasons: 'text',
  create: async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pep-bot-jobs-'));
    const backend = new SqliteBackend({ filename: join(folder, 'pep-bot.sqlite') });
    folders.set(backend, folder);
    return backend;
  },
  cleanup: async (backend) => {
    await backend.disconnect();
    rmSync(folders.get(backend) ?? '', { recursive: true, force: true });
    folders.delete(backend);
  },
});
