import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { applyMigrations } from './migrations.js';

/**
 * WAL lets readers (the web pages, /readyz) run while a save commits; with WAL, synchronous=NORMAL
 * is still safe against corruption and only risks the last commits on power loss.
 */
export function openDatabase(filename: string): SqliteDatabase {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
