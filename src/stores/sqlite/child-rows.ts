import type { Database } from 'better-sqlite3';
import type { ChildRecord } from '../../domain/child/child-record.js';
import type { AuditEvent } from '../../domain/model.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { CheckedChildWrite } from '../child-write-checks.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import { childExists, staleChildVersion } from '../store-errors.js';
import { parseStoredAuditEvent, parseStoredChild } from '../stored-data.js';

interface ChildRow {
  ref: string;
  version: number;
  doc: string;
}

/**
 * The child store's rows on the meeting store's connection. As with meetings, each write is one
 * IMMEDIATE transaction: the child and its audit entries commit together or not at all.
 */
export function childRows(db: Database, sealer: Sealer, appendAudit: (ref: string, events: readonly AuditEvent[]) => void) {
  const childRow = (child: ChildRecord): ChildRow => ({ ref: child.ref, version: child.version, doc: JSON.stringify(sealer.seal('child', child)) });
  const childFromRow = (row: Pick<ChildRow, 'ref' | 'doc'>): ChildRecord => parseStoredChild(sealer.open('child', JSON.parse(row.doc)), row.ref);
  const statements = {
    insert: db.prepare<ChildRow>('INSERT INTO children (ref, version, doc) VALUES (@ref, @version, @doc) ON CONFLICT (ref) DO NOTHING'),
    update: db.prepare<ChildRow & { expectedVersion: number }>('UPDATE children SET version = @version, doc = @doc WHERE ref = @ref AND version = @expectedVersion'),
    byRef: db.prepare<[string], Pick<ChildRow, 'ref' | 'doc'>>('SELECT ref, doc FROM children WHERE ref = ?'),
    page: db.prepare<{ after: string; limit: number }, Pick<ChildRow, 'ref' | 'doc'>>('SELECT ref, doc FROM children WHERE ref > @after ORDER BY ref LIMIT @limit'),
    auditOf: db.prepare<[string], string>('SELECT event FROM child_audit_events WHERE child_ref = ? ORDER BY seq').pluck(),
  };

  const writeAudit = ({ child, events }: CheckedChildWrite): void => appendAudit(child.ref, events);
  const create = db.transaction((write: CheckedChildWrite): void => {
    if (statements.insert.run(childRow(write.child)).changes === 0) throw childExists(write.child.ref);
    writeAudit(write);
  });
  const save = db.transaction((write: CheckedChildWrite, expectedVersion: number): void => {
    if (statements.update.run({ ...childRow(write.child), expectedVersion }).changes === 0) throw staleChildVersion(write.child.ref, expectedVersion);
    writeAudit(write);
  });

  return {
    create: (write: CheckedChildWrite): void => create.immediate(write),
    save: (write: CheckedChildWrite, expectedVersion: number): void => save.immediate(write, expectedVersion),
    get: (ref: string): ChildRecord | undefined => {
      const row = statements.byRef.get(ref);
      return row ? childFromRow(row) : undefined;
    },
    // '' sorts before every reference, so the first page starts at the beginning.
    page: ({ after, limit }: Parameters<ChildStore['listChildren']>[0]): ChildRecord[] => statements.page.all({ after: after ?? '', limit }).map(childFromRow),
    audit: (ref: string) => statements.auditOf.all(ref).map((event) => parseStoredAuditEvent(sealer.openAudit(JSON.parse(event)), ref)),
  };
}
