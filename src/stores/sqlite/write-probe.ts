import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { KeyValueRow } from '../key-values.js';
import type { Statements } from './statements.js';

/**
 * SQLite's answers for "this file cannot be written now": full (SQLITE_FULL, also what a
 * max_page_count cap gives), read-only (SQLITE_READONLY_*), the disk failing (SQLITE_IOERR_*),
 * the file or its journal not openable (SQLITE_CANTOPEN), or another process holding the write
 * lock past the busy timeout (SQLITE_BUSY). A constraint or a corrupt file is something else.
 */
const CANNOT_WRITE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY)(_|$)/;

export const sqliteCannotWrite = (error: unknown): boolean => error instanceof Database.SqliteError && CANNOT_WRITE.test(error.code);

/** Enough for one large meeting; more free pages than this prove nothing more. */
const MAX_ROOM_PAGES = 64;

/**
 * Proves a save would be written now, in one IMMEDIATE transaction: the health row is committed
 * (a read-only file, a failing disk or a lock fails that), and a value larger than the free list
 * is inserted and rolled back, because a full file only fails a write that needs a new page:
 * rewriting a small row in place still succeeds on a full disk. Two pages more than are free, as
 * part of a large value stays in its table's page and only the rest takes whole pages.
 */
export function sqliteWriteProbe(db: SqliteDatabase, statements: Statements): (row: KeyValueRow) => void {
  const roomBytes = db
    .prepare<[number], number>('SELECT min(freelist_count + 2, ?) * page_size FROM pragma_freelist_count, pragma_page_size')
    .pluck();
  // Hex doubles the length: zeroblob(n) written as hex is a JSON string of 2n characters.
  const takeRoom = db.prepare<[number]>(
    "INSERT INTO key_values (namespace, key, value, updated_at) VALUES ('store-health', 'room', json_quote(hex(zeroblob(? / 2))), '')",
  );
  return (row) => {
    db.exec('BEGIN IMMEDIATE');
    try {
      // A full file fails here, and the catch below rolls everything back; otherwise only the room is given back.
      db.exec('SAVEPOINT room');
      takeRoom.run(roomBytes.get(MAX_ROOM_PAGES) ?? 0);
      db.exec('ROLLBACK TO room');
      db.exec('RELEASE room');
      statements.keyValues.put.run(row);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
}
