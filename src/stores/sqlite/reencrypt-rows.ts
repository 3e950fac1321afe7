import type { Database } from 'better-sqlite3';
import type { StoredTextRotation } from '../../ports/stored-text-rotation.js';
import type { Sealer } from '../encryption/sealed-documents.js';

interface VersionedRow {
  id: string;
  version: number;
  doc: string;
}

const TABLES = {
  meetings: { table: 'meetings', key: 'id', document: 'meeting' },
  children: { table: 'children', key: 'ref', document: 'child' },
} as const;

/** The key rotation's page: each stale row is rewritten in its own statement, at the version read. */
export function reencryptRows(db: Database, sealer: Sealer): StoredTextRotation['reencryptPage'] {
  const statements = Object.fromEntries(
    Object.entries(TABLES).map(([records, { table, key }]) => [
      records,
      {
        page: db.prepare<{ after: string; limit: number }, VersionedRow>(`SELECT ${key} AS id, version, doc FROM ${table} WHERE ${key} > @after ORDER BY ${key} LIMIT @limit`),
        rewrite: db.prepare<VersionedRow>(`UPDATE ${table} SET doc = @doc WHERE ${key} = @id AND version = @version`),
      },
    ]),
  ) as Record<keyof typeof TABLES, { page: ReturnType<Database['prepare']>; rewrite: ReturnType<Database['prepare']> }>;

  return async ({ records, after, limit }) => {
    const { document } = TABLES[records];
    const { page, rewrite } = statements[records];
    const rows = page.all({ after: after ?? '', limit }) as VersionedRow[];
    let rewritten = 0;
    for (const row of rows) {
      const stored: unknown = JSON.parse(row.doc);
      if (!sealer.isStale(document, stored)) continue;
      const doc = JSON.stringify(sealer.seal(document, sealer.open(document, stored)));
      rewritten += rewrite.run({ id: row.id, version: row.version, doc }).changes;
    }
    return { scanned: rows.length, rewritten, last: rows.at(-1)?.id };
  };
}
