import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { applyMigrations } from './migrations.js';

/**
 * How long a statement waits for another process's write lock before failing with SQLITE_BUSY.
 * Several processes may share one DATA_DIR (README, "Several processes on one DATA_DIR"): every
 * write here is one statement or one IMMEDIATE transaction, each over in milliseconds, so a wait
 * this long means the other process is stuck, and the write is refused as "cannot write now".
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * WAL lets readers (the web pages, /readyz, another process) run while a save commits; with WAL,
 * synchronous=NORMAL is still safe against corruption and only risks the last commits on power
 * loss. The busy timeout is set first, so even switching the journal mode waits for a process
 * that is opening the same file.
 */
export function openDatabase(filename: string): SqliteDatabase {
  const db = new Database(filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Erasure and retention must leave nothing readable in the file: freed pages are zeroed.
    db.pragma('secure_delete = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
