import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/stores/sqlite/migrations.js';
import { DUE_OUTBOX_SQL } from '../../src/stores/sqlite/outbox-rows.js';

/**
 * The delivery worker claims after every answer, so the claim must read the pending messages
 * only: a SCAN of the outbox, which keeps every sent message, grew with all that was ever sent
 * (issue 13). The plan is asked of SQLite for the very SQL the store runs, over a table of
 * mostly sent messages and without statistics (the store never runs ANALYZE).
 */
describe('the SQLite outbox claim', () => {
  it('finds due messages through the index of pending ones, never by reading the whole outbox', () => {
    const db = new Database(':memory:');
    applyMigrations(db);
    const insert = db.prepare(
      `INSERT INTO outbox (id, meeting_id, message, state, due_at_ms, created_at) VALUES (?, ?, '{}', ?, ?, '2026-03-24T12:00:00Z')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 2_000; i += 1) insert.run(`m-${i}`, `meeting-${i % 50}`, i % 100 === 0 ? 'pending' : 'sent', 1_000 + i);
    })();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${DUE_OUTBOX_SQL}`).all({ now: 5_000, limit: 100 }) as { detail: string }[]).map((row) => row.detail);
    expect(plan.filter((detail) => /^SCAN /.test(detail))).toEqual([]);
    expect(plan.some((detail) => detail.includes('USING INDEX outbox_pending'))).toBe(true);
    expect(db.prepare(DUE_OUTBOX_SQL).all({ now: 5_000, limit: 100 })).toHaveLength(20);
    db.close();
  });
});
