import type { AuditEvent } from './model.js';

/**
 * The audit as a hash chain, one per audit key (a meeting id, or `child:<ref>`): each entry names
 * its place (seq 1, 2, 3…) and the hash of the entry before it, and its own hash covers every
 * field but its data, which it covers through `dataDigest`. The digest is taken over a random salt
 * kept inside the entry's (encrypted) data, so emptying the data for erasure or retention removes
 * the salt too: the chain still links, and nothing of what was erased can be guessed from it.
 * Pure: the hash function is given (SHA-256, src/ports/sha256.ts).
 */

/** Text in, lowercase hex out. */
export type Digest = (text: string) => string;

/** What the first entry of every chain names as the entry before it. */
export const GENESIS_HASH = '0'.repeat(64);

const HASH_VERSION = 'pep-bot-audit-chain/1';

/** Stored beside each entry. */
export interface ChainFields {
  seq: number;
  prevHash: string;
  hash: string;
  dataDigest: string;
}

/** Where a chain stands: its last entry (seq 0, GENESIS_HASH before the first). */
export interface ChainTip {
  seq: number;
  hash: string;
  entryId?: string;
}

export const EMPTY_CHAIN: ChainTip = { seq: 0, hash: GENESIS_HASH };

/** One stored entry as the verifier reads it: its data opened, its salt while the data is kept, its chain fields (none on an entry written unchained). */
export interface AuditLink {
  key: string;
  event: AuditEvent;
  salt?: string;
  chain?: ChainFields;
}

/** JSON with every object's keys sorted, of the value as it reads back from JSON (undefined dropped, dates as text). */
export function canonicalJson(value: unknown): string {
  return sorted(JSON.parse(JSON.stringify(value)) as unknown);
}

function sorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sorted).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${sorted(record[key])}`)
    .join(',')}}`;
}

export const dataDigestOf = (salt: string, data: Record<string, unknown>, digest: Digest): string => digest(canonicalJson([salt, data]));

const linkHash = (key: string, event: AuditEvent, fields: Omit<ChainFields, 'hash'>, digest: Digest): string =>
  digest(canonicalJson([HASH_VERSION, key, fields.seq, fields.prevHash, event.id, event.at, event.actorId, event.channel, event.type, event.summary, fields.dataDigest]));

/** The chain fields of an entry appended after `tip`, its data salted with `salt`. */
export function nextLink(tip: ChainTip, key: string, event: AuditEvent, salt: string, digest: Digest): ChainFields {
  const fields = { seq: tip.seq + 1, prevHash: tip.hash, dataDigest: dataDigestOf(salt, event.data, digest) };
  return { ...fields, hash: linkHash(key, event, fields, digest) };
}

/** What retention and erasure leave of an entry's data (src/ports/retention-store.ts, redactAudit). */
export const redactionReason = (data: Record<string, unknown>): string | undefined => {
  const keys = Object.keys(data);
  return keys.length === 1 && keys[0] === 'redacted' && typeof data.redacted === 'string' ? data.redacted : undefined;
};

export type ChainBreakKind = 'unchained' | 'gap' | 'reordered' | 'edited' | 'relinked' | 'data-altered' | 'unsalted' | 'truncated' | 'tip-mismatch';

export interface ChainBreak {
  kind: ChainBreakKind;
  key: string;
  /** The entry at fault; for a chain that ends in the wrong place, its last entry (none when it has no entries left). */
  entryId?: string;
  /** The entry's stored place in the chain, when it has one. */
  seq?: number;
  message: string;
}

export interface RedactedEntry {
  entryId: string;
  seq: number;
  reason: string;
}

export type ChainVerdict =
  | { ok: true; tip: ChainTip; checked: number; redacted: RedactedEntry[] }
  | { ok: false; break: ChainBreak; checked: number; redacted: RedactedEntry[] };

/** Why one entry does not follow `tip`, or undefined when it does. */
function breakAt(link: AuditLink, tip: ChainTip, digest: Digest): ChainBreak | undefined {
  const { key, event, chain } = link;
  const at = { key, entryId: event.id, ...(chain ? { seq: chain.seq } : {}) };
  const before = tip.entryId === undefined ? 'the start of the chain' : `entry ${tip.entryId}`;
  if (!chain) return { ...at, kind: 'unchained', message: `Entry ${event.id} of ${key} has no place in the chain.` };
  const expected = tip.seq + 1;
  if (chain.seq > expected) {
    const missing = chain.seq - 1 === expected ? `entry ${expected} is` : `entries ${expected} to ${chain.seq - 1} are`;
    return { ...at, kind: 'gap', message: `Before entry ${event.id} (${chain.seq}) of ${key}, ${missing} missing.` };
  }
  if (chain.seq < expected) return { ...at, kind: 'reordered', message: `Entry ${event.id} (${chain.seq}) of ${key} comes after ${before} (${tip.seq}): out of order or repeated.` };
  if (event.meetingId !== key || linkHash(key, event, chain, digest) !== chain.hash) {
    return { ...at, kind: 'edited', message: `Entry ${event.id} (${chain.seq}) of ${key} was changed after it was written.` };
  }
  if (chain.prevHash !== tip.hash) {
    return { ...at, kind: 'relinked', message: `Entry ${event.id} (${chain.seq}) of ${key} does not follow ${before}: that entry was changed and hashed again, or replaced.` };
  }
  if (link.salt !== undefined) {
    if (dataDigestOf(link.salt, event.data, digest) !== chain.dataDigest) return { ...at, kind: 'data-altered', message: `The data of entry ${event.id} (${chain.seq}) of ${key} is not the data it was written with.` };
  } else if (redactionReason(event.data) === undefined) {
    return { ...at, kind: 'unsalted', message: `The data of entry ${event.id} (${chain.seq}) of ${key} has lost its salt, so it cannot be checked.` };
  }
  return undefined;
}

/**
 * Checks entries of one chain, in the order the store keeps them, continuing from `from` (a page
 * at a time: pass the previous page's tip). Stops at the first break, naming the entry. An entry
 * whose data was redacted is accepted, and listed with the reason.
 */
export function verifyAuditChain(links: readonly AuditLink[], digest: Digest, from: ChainTip = EMPTY_CHAIN): ChainVerdict {
  let tip = from;
  const redacted: RedactedEntry[] = [];
  for (const [index, link] of links.entries()) {
    const broken = breakAt(link, tip, digest);
    if (broken) return { ok: false, break: broken, checked: index, redacted };
    const chain = link.chain as ChainFields;
    const reason = link.salt === undefined ? redactionReason(link.event.data) : undefined;
    if (reason !== undefined) redacted.push({ entryId: link.event.id, seq: chain.seq, reason });
    tip = { seq: chain.seq, hash: chain.hash, entryId: link.event.id };
  }
  return { ok: true, tip, checked: links.length, redacted };
}

/**
 * Whether a chain that verified entry by entry ends where its record says it does (the tip the
 * store keeps in the meeting or child record, written with each append; undefined where no record
 * holds the key). The chain alone cannot show its last entries deleted: this can.
 */
export function tipBreak(key: string, ended: ChainTip, anchored: ChainTip | undefined): ChainBreak | undefined {
  const at = { key, ...(ended.entryId === undefined ? {} : { entryId: ended.entryId, seq: ended.seq }) };
  if (anchored === undefined) {
    return ended.seq === 0 ? undefined : { ...at, kind: 'tip-mismatch', message: `The tip of ${key} does not match: no record is kept for the ${ended.seq} entries left.` };
  }
  if (ended.seq < anchored.seq) {
    return { ...at, kind: 'truncated', message: `The chain of ${key} ends at entry ${ended.seq} but its record says ${anchored.seq}: entries missing after seq ${ended.seq}.` };
  }
  if (ended.seq > anchored.seq) {
    return { ...at, kind: 'tip-mismatch', message: `The tip of ${key} does not match: the chain goes on to entry ${ended.seq}, past entry ${anchored.seq} where its record says it ends.` };
  }
  return ended.hash === anchored.hash ? undefined : { ...at, kind: 'tip-mismatch', message: `The tip of ${key} does not match: its entry ${ended.seq} is not the one its record names.` };
}
