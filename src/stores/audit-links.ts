import { nextLink, redactionReason } from '../domain/audit-chain.js';
import type { AuditLink, ChainFields, ChainTip } from '../domain/audit-chain.js';
import { childAuditKey } from '../domain/child/child-record.js';
import type { AuditEvent } from '../domain/model.js';
import { sha256Hex } from '../ports/sha256.js';
import { randomSlices } from './encryption/random-slices.js';
import type { Sealer } from './encryption/sealed-documents.js';
import { parseStoredAuditEvent } from './stored-data.js';

/** An entry as a store writes it: sealed with its salt, and its place in the chain. */
export interface ChainedEntry {
  sealed: AuditEvent;
  chain: ChainFields;
}

// 128 random bits: the digest of data as small as a participant id cannot be guessed while the salt is kept secret.
const saltBytes = randomSlices(16, 64);
const newSalt = (): string => saltBytes().toString('base64url');

const tipOf = (chain: ChainFields): ChainTip => ({ seq: chain.seq, hash: chain.hash });

/** The entries appended after `tip`, each sealed with a fresh salt and linked to the one before. */
export function chainEntries(key: string, tip: ChainTip, events: readonly AuditEvent[], sealer: Sealer): ChainedEntry[] {
  let at = tip;
  return events.map((event) => {
    const salt = newSalt();
    const chain = nextLink(at, key, event, salt, sha256Hex);
    at = tipOf(chain);
    return { sealed: sealer.sealAudit(event, salt), chain };
  });
}

/**
 * Entries written before the chain existed, as stored, in their order, given their places after
 * `tip` (the back-fill both stores run at start-up). Each is opened and sealed again with a salt,
 * as if appended now; one already redacted keeps its emptied data, its digest taken with a salt
 * thrown away, so it verifies as redacted.
 */
export function chainStoredEntries(key: string, tip: ChainTip, stored: readonly unknown[], sealer: Sealer): ChainedEntry[] {
  let at = tip;
  return stored.map((value) => {
    const event = parseStoredAuditEvent(sealer.openAudit(value), key);
    const [entry] = chainEntries(key, at, [event], sealer);
    if (!entry) throw new Error('chainEntries gives one entry per event.');
    at = tipOf(entry.chain);
    return redactionReason(event.data) === undefined ? entry : { sealed: event, chain: entry.chain };
  });
}

/** A stored entry as the verifier reads it. */
export function auditLinkOf(key: string, stored: unknown, chain: ChainFields | undefined, sealer: Sealer): AuditLink {
  const { event, salt } = sealer.openAuditEntry(stored);
  return { key, event: parseStoredAuditEvent(event, key), ...(salt === undefined ? {} : { salt }), ...(chain ? { chain } : {}) };
}

const CHILD_PREFIX = childAuditKey('');

/** The owner an audit key names: a meeting id, or a child's reference for `child:<ref>`. */
export const ownerOfKey = (key: string): { children: boolean; owner: string } =>
  key.startsWith(CHILD_PREFIX) ? { children: true, owner: key.slice(CHILD_PREFIX.length) } : { children: false, owner: key };

/** The audit of the key's owner (meetings' or children's) and the owner within it. */
export function auditOfKey<Audit>(key: string, audits: { meetings: Audit; children: Audit }): { audit: Audit; owner: string } {
  const { children, owner } = ownerOfKey(key);
  return { audit: children ? audits.children : audits.meetings, owner };
}

type OwnerPage = (after: string, limit: number) => Promise<string[]> | string[];

/** AuditChainStore.auditKeys over a store's two audits: meeting ids first, then `child:<ref>` keys. */
export async function auditKeysPage({ after, limit }: { after?: string; limit: number }, meetings: OwnerPage, children: OwnerPage): Promise<string[]> {
  const start = after === undefined ? undefined : ownerOfKey(after);
  if (start?.children) return (await children(start.owner, limit)).map(childAuditKey);
  const meetingKeys = await meetings(start?.owner ?? '', limit);
  return meetingKeys.length === limit ? meetingKeys : [...meetingKeys, ...(await children('', limit - meetingKeys.length)).map(childAuditKey)];
}
