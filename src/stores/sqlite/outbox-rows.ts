import type { Database } from 'better-sqlite3';
import type { OutboxMessage, OutboxRecord, OutboxSettlement, OutboxStore } from '../../ports/outbox.js';
import { instantMillis } from '../query-rules.js';
import { parseStoredOutbox } from '../stored-data.js';

interface OutboxRow {
  id: string;
  meetingId: string;
  message: string;
  createdAt: string;
  state: string;
  attempts: number;
  reason: string | null;
  ref: string | null;
}

const COLUMNS = 'id, meeting_id AS meetingId, message, created_at AS createdAt, state, attempts, reason, ref';

/**
 * What a claim leases: pending, due, and of a meeting none of whose messages is leased. Through the
 * index of pending messages: left to itself SQLite walks the whole table in `seq` order for the
 * ORDER BY, sent messages and all, and the worker claims after every answer (issue 13).
 */
export const DUE_OUTBOX_SQL = `SELECT seq, ${COLUMNS} FROM outbox AS candidate INDEXED BY outbox_pending
     WHERE state = 'pending' AND due_at_ms <= @now AND lease_until_ms <= @now
       AND NOT EXISTS (SELECT 1 FROM outbox AS leased
                       WHERE leased.meeting_id = candidate.meeting_id AND leased.state = 'pending' AND leased.lease_until_ms > @now)
     ORDER BY seq LIMIT @limit`;

const recordOf = (row: OutboxRow): OutboxRecord =>
  parseStoredOutbox({ ...row, message: JSON.parse(row.message), reason: row.reason ?? undefined, ref: row.ref === null ? undefined : JSON.parse(row.ref) }, row.id);

/**
 * The outbox in SQLite. A claim is one IMMEDIATE transaction, so two processes on the same file
 * never lease the same message, nor two messages of one meeting at once.
 */
export function outboxRows(db: Database) {
  const insert = db.prepare<{ id: string; meetingId: string; message: string; dueAtMs: number; createdAt: string }>(
    `INSERT INTO outbox (id, meeting_id, message, state, due_at_ms, created_at)
     VALUES (@id, @meetingId, @message, 'pending', @dueAtMs, @createdAt) ON CONFLICT (id) DO NOTHING`,
  );
  const due = db.prepare<{ now: number; limit: number }, OutboxRow & { seq: number }>(DUE_OUTBOX_SQL);
  const lease = db.prepare<{ seq: number; until: number }>('UPDATE outbox SET lease_until_ms = @until, attempts = attempts + 1 WHERE seq = @seq');
  // A sent message no longer needs the secret of the link it carried: only its hash stays, on the meeting.
  const sent = db.prepare<{ id: string; at: string; ref: string | null }>(
    `UPDATE outbox SET state = 'sent', settled_at = @at, ref = @ref, reason = NULL, lease_until_ms = 0,
       message = json_remove(message, '$.link.token') WHERE id = @id`,
  );
  const retry = db.prepare<{ id: string; reason: string; dueAtMs: number }>(
    "UPDATE outbox SET reason = @reason, due_at_ms = @dueAtMs, lease_until_ms = 0 WHERE id = @id AND state = 'pending'",
  );
  const failed = db.prepare<{ id: string; at: string; reason: string }>(
    `UPDATE outbox SET state = 'failed', settled_at = @at, reason = @reason, lease_until_ms = 0,
       message = json_remove(message, '$.link.token') WHERE id = @id`,
  );
  const ofMeeting = db.prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE meeting_id = ? ORDER BY seq`);

  const claim = db.transaction((now: number, leaseMs: number, limit: number): OutboxRow[] => {
    const rows = due.all({ now, limit });
    for (const row of rows) lease.run({ seq: row.seq, until: now + leaseMs });
    return rows.map((row) => ({ ...row, attempts: row.attempts + 1 }));
  });

  const store: OutboxStore = {
    async claimOutbox({ now, leaseMs, limit }) {
      const at = instantMillis(now);
      // Most looks find nothing due: only then is the write lock worth taking.
      if (due.all({ now: at, limit: 1 }).length === 0) return [];
      return claim.immediate(at, leaseMs, limit).map(recordOf);
    },
    async settleOutbox(id: string, settlement: OutboxSettlement, at: string) {
      if (settlement.state === 'sent') sent.run({ id, at, ref: settlement.ref ? JSON.stringify(settlement.ref) : null });
      else if (settlement.state === 'retry') retry.run({ id, reason: settlement.reason, dueAtMs: instantMillis(settlement.dueAt) });
      else failed.run({ id, at, reason: settlement.reason });
    },
    async outboxOf(meetingId: string) {
      return ofMeeting.all(meetingId).map(recordOf);
    },
  };

  return {
    store,
    /** Inside the meeting's own transaction. */
    queue(messages: readonly OutboxMessage[]): void {
      for (const message of messages) {
        insert.run({ id: message.id, meetingId: message.meetingId, message: JSON.stringify(message.message), dueAtMs: instantMillis(message.createdAt), createdAt: message.createdAt });
      }
    },
  };
}
