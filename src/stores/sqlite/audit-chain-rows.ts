import type { Database } from 'better-sqlite3';
import { EMPTY_CHAIN } from '../../domain/audit-chain.js';
import type { ChainFields, ChainTip } from '../../domain/audit-chain.js';
import { childAuditKey } from '../../domain/child/child-record.js';
import type { AuditEvent } from '../../domain/model.js';
import type { AuditChainStore } from '../../ports/audit-chain-store.js';
import { auditKeysPage, auditLinkOf, auditOfKey, chainEntries, chainStoredEntries } from '../audit-links.js';
import type { ChainedEntry } from '../audit-links.js';
import type { Sealer } from '../encryption/sealed-documents.js';

interface LinkRow {
  position: number;
  event: string;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
  dataDigest: string | null;
}

const chainOf = (row: LinkRow): ChainFields | undefined =>
  row.seq === null || row.prevHash === null || row.hash === null || row.dataDigest === null ? undefined : { seq: row.seq, prevHash: row.prevHash, hash: row.hash, dataDigest: row.dataDigest };

/** Where a record anchors its chain (migration 9): both columns null before its first entry. */
interface AnchorRow {
  seq: number | null;
  hash: string | null;
}

const anchorOf = (row: AnchorRow): ChainTip => (row.seq === null || row.hash === null ? EMPTY_CHAIN : { seq: row.seq, hash: row.hash });

/** An audit table and the table of the records it belongs to, which anchors each chain's tip. */
interface ChainTable {
  table: string;
  column: string;
  records: string;
  recordKey: string;
  keyOf: (owner: string) => string;
}

/** One audit table: a meeting's entries by meeting_id, a child's by child_ref (its key `child:<ref>`). */
function chainTable(db: Database, sealer: Sealer, { table, column, records, recordKey, keyOf }: ChainTable) {
  const statements = {
    tip: db.prepare<[string], ChainTip>(`SELECT chain_seq AS seq, hash FROM ${table} WHERE ${column} = ? AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`),
    anchor: db.prepare<[string], AnchorRow>(`SELECT audit_tip_seq AS seq, audit_tip_hash AS hash FROM ${records} WHERE ${recordKey} = ?`),
    setAnchor: db.prepare<{ owner: string; seq: number; hash: string }>(`UPDATE ${records} SET audit_tip_seq = @seq, audit_tip_hash = @hash WHERE ${recordKey} = @owner`),
    insert: db.prepare<{ owner: string; event: string } & ChainFields>(
      `INSERT INTO ${table} (${column}, event, chain_seq, prev_hash, hash, data_digest) VALUES (@owner, @event, @seq, @prevHash, @hash, @dataDigest)`,
    ),
    links: db.prepare<{ owner: string; after: number; limit: number }, LinkRow>(
      `SELECT seq AS position, event, chain_seq AS seq, prev_hash AS prevHash, hash, data_digest AS dataDigest FROM ${table}
       WHERE ${column} = @owner AND seq > @after ORDER BY seq LIMIT @limit`,
    ),
    // With the records whose tip names entries, so a chain whose every entry was deleted is listed, and found cut short.
    owners: db
      .prepare<{ after: string; limit: number }, string>(
        `SELECT ${column} FROM ${table} WHERE ${column} > @after UNION SELECT ${recordKey} FROM ${records} WHERE ${recordKey} > @after AND audit_tip_seq > 0 ORDER BY 1 LIMIT @limit`,
      )
      .pluck(),
    unchainedOwners: db.prepare<[], string>(`SELECT DISTINCT ${column} FROM ${table} WHERE hash IS NULL`).pluck(),
    unchained: db.prepare<[string], { position: number; event: string }>(`SELECT seq AS position, event FROM ${table} WHERE ${column} = ? AND hash IS NULL ORDER BY seq`),
    chain: db.prepare<{ position: number; event: string } & ChainFields>(
      `UPDATE ${table} SET event = @event, chain_seq = @seq, prev_hash = @prevHash, hash = @hash, data_digest = @dataDigest WHERE seq = @position`,
    ),
  };
  const tip = (owner: string): ChainTip => statements.tip.get(owner) ?? EMPTY_CHAIN;
  const row = (entry: ChainedEntry) => ({ event: JSON.stringify(entry.sealed), ...entry.chain });
  const anchorLast = (owner: string, entries: readonly ChainedEntry[]): void => {
    const last = entries.at(-1);
    if (last) statements.setAnchor.run({ owner, seq: last.chain.seq, hash: last.chain.hash });
  };

  return {
    /**
     * Inside the caller's transaction, which holds the write lock: no other writer can append between
     * the read of the tip and the insert. The chain goes on from the tip its record anchors, not from
     * its last entry left, so entries deleted from its end stay missing after the next append too.
     */
    append(owner: string, events: readonly AuditEvent[]): void {
      const anchor = statements.anchor.get(owner);
      const entries = chainEntries(keyOf(owner), anchor ? anchorOf(anchor) : EMPTY_CHAIN, events, sealer);
      for (const entry of entries) statements.insert.run({ owner, ...row(entry) });
      anchorLast(owner, entries);
    },
    anchored(owner: string): ChainTip | undefined {
      const anchor = statements.anchor.get(owner);
      return anchor ? anchorOf(anchor) : undefined;
    },
    links(owner: string, after: number, limit: number) {
      return statements.links.all({ owner, after, limit }).map((link) => ({ position: link.position, link: auditLinkOf(keyOf(owner), JSON.parse(link.event), chainOf(link), sealer) }));
    },
    owners: (after: string, limit: number): string[] => statements.owners.all({ after, limit }),
    chainUnchained(): number {
      let chained = 0;
      for (const owner of statements.unchainedOwners.all()) {
        const rows = statements.unchained.all(owner);
        const entries = chainStoredEntries(keyOf(owner), tip(owner), rows.map((r) => JSON.parse(r.event) as unknown), sealer);
        entries.forEach((entry, index) => statements.chain.run({ position: rows[index]?.position ?? -1, ...row(entry) }));
        anchorLast(owner, entries);
        chained += entries.length;
      }
      return chained;
    },
  };
}

/**
 * The audit chains on the SQLite file: appends for the meeting and child writes (each anchoring its
 * chain's tip in the record), pages and tips for the verifier, and the start-up back-fill of entries
 * written before migration 6.
 */
export function auditChainRows(db: Database, sealer: Sealer) {
  const meetings = chainTable(db, sealer, { table: 'audit_events', column: 'meeting_id', records: 'meetings', recordKey: 'id', keyOf: (id) => id });
  const children = chainTable(db, sealer, { table: 'child_audit_events', column: 'child_ref', records: 'children', recordKey: 'ref', keyOf: childAuditKey });
  const store: AuditChainStore = {
    auditKeys: (page) => auditKeysPage(page, meetings.owners, children.owners),
    async auditLinks(key, { after, limit }) {
      const { audit, owner } = auditOfKey(key, { meetings, children });
      const rows = audit.links(owner, after === undefined ? 0 : Number(after), limit);
      const last = rows.at(-1);
      return { links: rows.map((r) => r.link), ...(rows.length === limit && last ? { next: String(last.position) } : {}) };
    },
    async auditTip(key) {
      const { audit, owner } = auditOfKey(key, { meetings, children });
      return audit.anchored(owner);
    },
  };

  return {
    store,
    appendMeeting: meetings.append,
    appendChild: children.append,
    /** Chains, in order, what was written before the chain existed; in one transaction, so a crash leaves all or nothing. */
    chainUnchained: db.transaction((): number => meetings.chainUnchained() + children.chainUnchained()),
  };
}
