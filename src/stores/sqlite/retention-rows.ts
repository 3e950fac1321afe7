import type { Database } from 'better-sqlite3';
import { CLOSED_STATUSES, MEETING_AUDIT_NAMESPACES } from '../../domain/data-protection/held-records.js';
import type { HeldRecord, RecordSource } from '../../domain/data-protection/held-records.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { RemovableSource, RetentionStore } from '../../ports/retention-store.js';

interface Page {
  before: string;
  after: string;
  limit: number;
}

const CLOSED = CLOSED_STATUSES.map((status) => `'${status}'`).join(', ');

// julianday() reads ISO instants with any offset, so dates compare as instants, not as text.
const EARLIER = 'julianday(at) < julianday(@before) AND key > @after ORDER BY key LIMIT @limit';

/**
 * The retention run's queries on the SQLite file. Meetings are listed from their documents
 * (json_extract), which is a scan: it runs once a day, a page at a time.
 */
export function retentionRows(db: Database): RetentionStore & Pick<ChildStore, 'redactChildAudit'> {
  const list = (sql: string) => db.prepare<Page & { namespace?: string }, HeldRecord>(`SELECT key, at FROM (${sql}) WHERE ${EARLIER}`);
  const lists = {
    closedMeeting: list(
      `SELECT id AS key, coalesce(json_extract(doc, '$.concludedAt'), json_extract(doc, '$.updatedAt')) AS at FROM meetings
       WHERE json_extract(doc, '$.status') IN (${CLOSED}) AND json_extract(doc, '$.anonymised') IS NULL`,
    ),
    anonymisedMeeting: list(`SELECT id AS key, json_extract(doc, '$.anonymised.closedAt') AS at FROM meetings WHERE json_extract(doc, '$.anonymised') IS NOT NULL`),
    child: list(`SELECT ref AS key, json_extract(doc, '$.updatedAt') AS at FROM children WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE child_ref = children.ref)`),
    secureLink: list(`SELECT meetings.id || '/' || json_extract(link.value, '$.id') AS key, json_extract(link.value, '$.expiresAt') AS at FROM meetings, json_each(meetings.doc, '$.links') AS link`),
    idempotency: list('SELECT key, at FROM idempotency'),
    outbox: list(`SELECT id AS key, settled_at AS at FROM outbox WHERE state <> 'pending'`),
    keyValue: list('SELECT key, updated_at AS at FROM key_values WHERE namespace = @namespace'),
  };
  const removals = {
    idempotency: db.prepare<[string]>('DELETE FROM idempotency WHERE key = ?'),
    outbox: db.prepare<[string]>(`DELETE FROM outbox WHERE id = ? AND state <> 'pending'`),
    keyValue: db.prepare<[string, string]>('DELETE FROM key_values WHERE namespace = ? AND key = ?'),
    meeting: db.prepare<[string]>(`DELETE FROM meetings WHERE id = ? AND json_extract(doc, '$.anonymised') IS NOT NULL`),
    meetingRows: ['meeting_participants', 'meeting_actions', 'meeting_links', 'outbox'].map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE meeting_id = ?`)),
    audit: db.prepare<[string]>('DELETE FROM audit_events WHERE meeting_id = ?'),
    child: db.prepare<[string]>('DELETE FROM children WHERE ref = ? AND NOT EXISTS (SELECT 1 FROM meetings WHERE child_ref = children.ref)'),
    childAudit: db.prepare<[string]>('DELETE FROM child_audit_events WHERE child_ref = ?'),
    // `<id>/` up to `<id>0`: '0' is the character after '/', so this is exactly the keys under the meeting.
    meetingKeyValues: db.prepare<{ namespace: string; id: string }>(`DELETE FROM key_values WHERE namespace = @namespace AND key >= @id || '/' AND key < @id || '0'`),
  };
  // A meeting's entries, or a child's (migration 8 lets a chained child entry change in this one way only).
  const redactIn = (table: string, column: string) => {
    const statement = db.prepare<{ owner: string; id: string; data: string }>(
      `UPDATE ${table} SET event = json_set(event, '$.data', json(@data))
       WHERE ${column} = @owner AND json_extract(event, '$.id') = @id AND json_extract(event, '$.data.redacted') IS NULL`,
    );
    const redact = db.transaction((owner: string, ids: readonly string[], data: string): number => ids.reduce((count, id) => count + statement.run({ owner, id, data }).changes, 0));
    return (owner: string, ids: readonly string[], reason: 'erasure' | 'retention'): number => redact.immediate(owner, ids, JSON.stringify({ redacted: reason }));
  };
  const redactMeeting = redactIn('audit_events', 'meeting_id');
  const redactChild = redactIn('child_audit_events', 'child_ref');

  // The meeting row goes first (its index rows reference it: checked at commit), then its audit
  // entries, which the trigger lets go only once the meeting has.
  const removeMeeting = (id: string): number => {
    db.pragma('defer_foreign_keys = ON');
    if (removals.meeting.run(id).changes === 0) return 0;
    for (const statement of removals.meetingRows) statement.run(id);
    removals.audit.run(id);
    for (const namespace of MEETING_AUDIT_NAMESPACES) removals.meetingKeyValues.run({ namespace, id });
    return 1;
  };

  // Likewise the child first (their audit entries reference them), then the whole trail (migration 7).
  const removeChild = (ref: string): number => {
    db.pragma('defer_foreign_keys = ON');
    if (removals.child.run(ref).changes === 0) return 0;
    removals.childAudit.run(ref);
    return 1;
  };

  const remove = db.transaction((source: RemovableSource, keys: readonly string[]): number => {
    let removed = 0;
    for (const key of keys) {
      if (source === 'anonymised-meeting') removed += removeMeeting(key);
      else if (source === 'child') removed += removeChild(key);
      else if (source === 'idempotency') removed += removals.idempotency.run(key).changes;
      else if (source === 'outbox') removed += removals.outbox.run(key).changes;
      else removed += removals.keyValue.run(source.namespace, key).changes;
    }
    return removed;
  });

  const statementOf = (source: RecordSource) => {
    if (typeof source !== 'string') return lists.keyValue;
    return { 'closed-meeting': lists.closedMeeting, 'anonymised-meeting': lists.anonymisedMeeting, child: lists.child, 'secure-link': lists.secureLink, idempotency: lists.idempotency, outbox: lists.outbox }[source];
  };

  return {
    async heldRecords(source, { before, after, limit }) {
      const namespace = typeof source === 'string' ? undefined : source.namespace;
      return statementOf(source).all({ before, after: after ?? '', limit, ...(namespace === undefined ? {} : { namespace }) });
    },
    async removeHeld(source, keys) {
      return remove.immediate(source, keys);
    },
    async redactAudit(meetingId, eventIds, reason) {
      return redactMeeting(meetingId, eventIds, reason);
    },
    async redactChildAudit(ref, eventIds, reason) {
      return redactChild(ref, eventIds, reason);
    },
    async forgetRemoved() {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
