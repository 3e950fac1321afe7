import type { AuditEvent } from '../domain/model.js';
import type { ChildRecord } from '../domain/child/child-record.js';
import type { AuditChainStore } from './audit-chain-store.js';
import type { MeetingStore } from './store.js';

/**
 * The children the Virtual School oversees, beside the meetings. Same rules as meetings: whole
 * versioned documents, a save succeeds only from the expected version (else STORE.CONFLICT), and
 * every change is written with its audit entries. Both stores pass the child-store contract suite.
 * A child's audit entries carry `meetingId: childAuditKey(ref)` (src/domain/child/child-record.ts).
 */
export interface ChildStore {
  getChild(ref: string): Promise<ChildRecord | undefined>;
  /** Throws STORE.CONFLICT if the reference exists. */
  createChild(child: ChildRecord, options: { events: AuditEvent[] }): Promise<void>;
  /** `child.version` must be expectedVersion + 1. */
  saveChild(child: ChildRecord, expectedVersion: number, options: { events: AuditEvent[] }): Promise<void>;
  /** Every child, ordered by reference, a page at a time (after: the last reference of the previous page). */
  listChildren(page: { after?: string; limit: number }): Promise<ChildRecord[]>;
  /** The child's audit entries, oldest first. */
  childAuditTrail(ref: string): Promise<AuditEvent[]>;
  /** As RetentionStore.redactAudit, for the child's audit entries: their data emptied, the entries and their chain kept. */
  redactChildAudit(ref: string, eventIds: readonly string[], reason: 'erasure' | 'retention'): Promise<number>;
}

/** What openStore gives the app: both stores keep children beside meetings, on the same connection, and both audits' chains. */
export type StoreWithChildren = MeetingStore & ChildStore & AuditChainStore;
