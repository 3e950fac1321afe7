import { EMPTY_CHAIN, tipBreak, verifyAuditChain } from '../../domain/audit-chain.js';
import type { ChainBreak, ChainTip, RedactedEntry } from '../../domain/audit-chain.js';
import type { AuditChainStore } from '../../ports/audit-chain-store.js';
import { sha256Hex } from '../../ports/sha256.js';

/** One audit key's chain, checked: how many entries, which were redacted and why, and the first break if any. */
export interface ChainReport {
  key: string;
  entries: number;
  redacted: RedactedEntry[];
  break?: ChainBreak;
}

const PAGE = 500;

/**
 * Verifies one chain a page at a time, so a long trail is never held whole in memory, then that it
 * ends at the tip its record keeps. The tip is read first: entries appended while the pages are
 * read carry the chain past it, so it is read again before calling that a mismatch.
 */
export async function verifyChainOf(store: AuditChainStore, key: string, pageSize = PAGE): Promise<ChainReport> {
  const report: ChainReport = { key, entries: 0, redacted: [] };
  let anchored = await store.auditTip(key);
  let tip: ChainTip = EMPTY_CHAIN;
  for (let after: string | undefined; ; ) {
    const { links, next } = await store.auditLinks(key, { after, limit: pageSize });
    const verdict = verifyAuditChain(links, sha256Hex, tip);
    report.entries += verdict.checked;
    report.redacted.push(...verdict.redacted);
    if (!verdict.ok) return { ...report, break: verdict.break };
    tip = verdict.tip;
    if (next === undefined) break;
    after = next;
  }
  if (anchored !== undefined && tip.seq > anchored.seq) {
    anchored = await store.auditTip(key);
    if (anchored !== undefined && anchored.seq > tip.seq) return report;
  }
  const broken = tipBreak(key, tip, anchored);
  return broken ? { ...report, break: broken } : report;
}

/** Every chain in the store, meetings then children, a page of keys at a time. */
export async function* verifyEveryChain(store: AuditChainStore, pageSize = PAGE): AsyncGenerator<ChainReport> {
  for (let after: string | undefined, keys: string[]; (keys = await store.auditKeys({ after, limit: pageSize })).length > 0; after = keys.at(-1)) {
    for (const key of keys) yield await verifyChainOf(store, key, pageSize);
  }
}
