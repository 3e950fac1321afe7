import type { MeetingStatus } from '../model.js';
import type { RetentionKindName } from './retention-settings.js';

/** A meeting in one of these has closed: its retention period runs from then (concludedAt, or its last change). */
export const CLOSED_STATUSES = ['concluded', 'plan_distributed', 'cancelled'] as const satisfies readonly MeetingStatus[];

/**
 * Where a record the retention run looks at comes from. Meetings are looked at twice: closed and
 * not yet anonymised (the `meetings` period), then anonymised (the `auditEntries` period, after
 * which what is left of the meeting goes together with its whole audit trail). Key-value entries
 * by namespace: each namespace belongs to one kind. A child's record is looked at only once none of
 * their meetings is left: it is dated by its last change (the `children` period).
 */
export type RecordSource =
  | 'closed-meeting'
  | 'anonymised-meeting'
  | 'child'
  | 'secure-link'
  | 'idempotency'
  | 'outbox'
  | { namespace: string };

/** One record as the stores list it for the retention run: `at` is the date its period counts from. */
export interface HeldRecord {
  /** The meeting id; `<meeting id>/<link id>` for a secure link; the PEP reference for a child; the job id for a failed job; the row's key otherwise. */
  key: string;
  at: string;
}

/** The key-value namespaces each kind covers. Namespaces not listed here are never removed by retention. */
export const NAMESPACES_OF_KIND = {
  idempotency: ['slack-handled', 'slack-inbound', 'slack-inbound-takeover', 'teams-form-submission'],
  deliveries: ['nudge-ledger'],
  cardReferences: ['card-ref', 'chat-meeting', 'teams-conversation', 'teams-person', 'unreachable', 'reach-report'],
} as const satisfies Partial<Record<RetentionKindName, readonly string[]>>;

/**
 * Key-value namespaces keyed `<meeting id>/...` that are kept exactly as long as the meeting's audit
 * (the access log: who looked): removed with what is left of an anonymised meeting.
 */
export const MEETING_AUDIT_NAMESPACES = ['access-log'] as const;

/** Every source the run visits, with the kind whose period applies. */
export const RETENTION_SOURCES: ReadonlyArray<{ source: RecordSource; kind: RetentionKindName }> = [
  { source: 'closed-meeting', kind: 'meetings' },
  { source: 'anonymised-meeting', kind: 'auditEntries' },
  { source: 'child', kind: 'children' },
  { source: 'secure-link', kind: 'secureLinks' },
  { source: 'idempotency', kind: 'idempotency' },
  { source: 'outbox', kind: 'deliveries' },
  ...Object.entries(NAMESPACES_OF_KIND).flatMap(([kind, namespaces]) =>
    namespaces.map((namespace) => ({ source: { namespace }, kind: kind as RetentionKindName })),
  ),
];

export const sourceName = (source: RecordSource): string => (typeof source === 'string' ? source : `key-value:${source.namespace}`);
