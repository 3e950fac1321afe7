import type { Database } from 'better-sqlite3';

/**
 * Makes a SQLite file full as SQLite itself sees a full disk, on the store's own connection (the
 * cap holds for that connection alone): PRAGMA max_page_count at the file's size, then filler
 * rows until SQLITE_FULL, so not a free page is left. Any write that needs a new page then fails
 * with SQLITE_FULL, as on a full disk; a small row rewritten in place still succeeds, as there.
 * Returns the way to free the space again.
 */
export function fillTheDisk(db: Database): () => void {
  const uncapped = db.pragma('max_page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const filler = db.prepare<[number]>("INSERT INTO key_values (namespace, key, value, updated_at) VALUES ('test-filler', ?, json_quote(hex(zeroblob(512))), '')");
  for (let n = 0; ; n += 1) {
    try {
      filler.run(n);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_FULL') throw error;
      return () => db.pragma(`max_page_count = ${uncapped}`);
    }
  }
}
