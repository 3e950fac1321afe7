import type { Collection, Db } from 'mongodb';
import type { ChainFields, ChainTip } from '../../domain/audit-chain.js';
import type { ChildRecord } from '../../domain/child/child-record.js';
import type { Action, AuditEvent, Meeting } from '../../domain/model.js';
import type { MessageRef } from '../../ports/messenger.js';
import type { OutboxState } from '../../ports/outbox.js';
import type { KeyValueRow } from '../key-values.js';
import type { SealedTexts, Sealer } from '../encryption/sealed-documents.js';
import { instantMillis } from '../query-rules.js';
import { parseStoredMeeting } from '../stored-data.js';
import type { KeptSealedTexts } from './kept-sealed-texts.js';

/**
 * dueAtDate is a BSON Date twin of the ISO dueAt, kept only so "due before" is an indexed,
 * chronological comparison (ISO strings with different offsets do not sort as strings).
 */
export type ActionDocument = Action & { dueAtDate: Date };
export type MeetingDocument = Omit<Meeting, 'actions'> & { _id: string; actions: ActionDocument[]; auditTip?: AuditTip };

/** Where the record's audit chain ends, set by each append in its unit of work (src/stores/mongo/audit-chain.ts); absent only before the start-up back-fill. */
export type AuditTip = Pick<ChainTip, 'seq' | 'hash'>;

/** meetingVersion + position: the audit trail's insertion order, the same in every process. chain: its place in the hash chain (absent only before the start-up back-fill). */
export interface AuditDocument {
  meetingId: string;
  meetingVersion: number;
  position: number;
  event: AuditEvent;
  chain?: ChainFields;
}

export type ChildDocument = ChildRecord & { _id: string; auditTip?: AuditTip };

/** childVersion + position: a child's audit order, as meetingVersion + position is a meeting's. */
export interface ChildAuditDocument {
  childRef: string;
  childVersion: number;
  position: number;
  event: AuditEvent;
  chain?: ChainFields;
}

export interface IdempotencyDocument {
  _id: string;
  result: Record<string, unknown>;
  at: string;
}

/**
 * The value stays JSON text rather than a BSON document, so it round-trips exactly as in SQLite:
 * keys such as "$type" or "a.b" and the order of keys need no special care. (namespace, key) is
 * unique through the by_namespace_key index, which also serves prefix listings in key order.
 */
export type KeyValueDocument = KeyValueRow;

/** seq is a BSON Date plus the id: the order of queueing, good enough across instances. */
export interface OutboxDocument {
  _id: string;
  meetingId: string;
  message: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  dueAt: Date;
  leaseUntil: Date;
  createdAt: string;
  settledAt?: string;
  reason?: string;
  ref?: MessageRef;
}

/** While a worker holds a meeting's lease, no other instance sends that meeting's messages. */
export interface OutboxLeaseDocument {
  _id: string;
  until: Date;
}

export interface Collections {
  meetings: Collection<MeetingDocument>;
  audit: Collection<AuditDocument>;
  idempotency: Collection<IdempotencyDocument>;
  keyValues: Collection<KeyValueDocument>;
  outbox: Collection<OutboxDocument>;
  outboxLeases: Collection<OutboxLeaseDocument>;
  children: Collection<ChildDocument>;
  childAudit: Collection<ChildAuditDocument>;
}

/** The collections' names in the database, which are not always the names used in code. */
export const COLLECTION_NAMES = {
  meetings: 'meetings',
  audit: 'audit',
  idempotency: 'idempotency',
  keyValues: 'key_values',
  outbox: 'outbox',
  outboxLeases: 'outbox_leases',
  children: 'children',
  childAudit: 'child_audit',
} as const satisfies Record<keyof Collections, string>;

export const collectionsOf = (db: Db): Collections => ({
  meetings: db.collection<MeetingDocument>(COLLECTION_NAMES.meetings),
  audit: db.collection<AuditDocument>(COLLECTION_NAMES.audit),
  idempotency: db.collection<IdempotencyDocument>(COLLECTION_NAMES.idempotency),
  keyValues: db.collection<KeyValueDocument>(COLLECTION_NAMES.keyValues),
  outbox: db.collection<OutboxDocument>(COLLECTION_NAMES.outbox),
  outboxLeases: db.collection<OutboxLeaseDocument>(COLLECTION_NAMES.outboxLeases),
  children: db.collection<ChildDocument>(COLLECTION_NAMES.children),
  childAudit: db.collection<ChildAuditDocument>(COLLECTION_NAMES.childAudit),
});

/**
 * The meeting with its free text encrypted (unchanged text keeps its sealed value from `previous`,
 * the version replaced); the fields the queries use stay readable.
 */
export function toMeetingDocument(meeting: Meeting, sealer: Sealer, previous?: SealedTexts): { document: MeetingDocument; texts: SealedTexts } {
  const { sealed, texts } = sealer.sealReusing('meeting', meeting, previous);
  const document = { _id: meeting.id, ...sealed, actions: sealed.actions.map((action) => ({ ...action, dueAtDate: new Date(instantMillis(action.dueAt)) })) };
  return { document, texts };
}

/** MeetingSchema keeps only the meeting's own fields, so _id and every dueAtDate are dropped here. The sealed texts read are kept for the next save. */
export function fromMeetingDocument(document: MeetingDocument, sealer: Sealer, kept: KeptSealedTexts): Meeting {
  const texts = sealer.openTexts('meeting', document);
  const meeting = parseStoredMeeting(document, document._id);
  kept.keep(meeting.id, meeting.version, texts);
  return meeting;
}
