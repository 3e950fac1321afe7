import type { AuditLink, ChainTip } from '../domain/audit-chain.js';

/**
 * The audit chains as stored (src/domain/audit-chain.ts), for verifying them a page at a time.
 * Both stores pass test/contract/audit-chain-contract.ts. Entries are appended and chained only
 * by the saves that write them (MeetingStore, ChildStore), in the same unit of work.
 */
export interface AuditChainStore {
  /** Every key that has audit entries: meeting ids in order, then `child:<ref>` keys in reference order; after the key `after`. */
  auditKeys(page: { after?: string; limit: number }): Promise<string[]>;
  /**
   * One key's entries in the order the store keeps them (the order auditTrail gives), with their
   * data opened and its salt. `next` is where the following page starts; absent after the last.
   */
  auditLinks(key: string, page: { after?: string; limit: number }): Promise<{ links: AuditLink[]; next?: string }>;
  /**
   * Where the key's record (the meeting, or the child) says its chain ends: the tip each append
   * writes there in its unit of work (seq 0 before the first entry). Undefined when no record is kept under the key.
   */
  auditTip(key: string): Promise<ChainTip | undefined>;
}
