import type { Action, AuditEvent, Identity, Meeting, Participant } from '../domain/model.js';
import type { KeyValueStore } from './key-value.js';
import type { OutboxMessage, OutboxStore } from './outbox.js';
import type { RetentionStore } from './retention-store.js';
import type { IdentityQuery } from '../domain/identity.js';

export type { IdentityQuery };

export interface ParticipantMatch {
  meetingId: string;
  participant: Participant;
}

export interface DueAction {
  meetingId: string;
  action: Action;
}

/** The outcome remembered for an action id, so a retried or double-clicked action applies once. */
export interface IdempotencyRecord {
  key: string;
  result: Record<string, unknown>;
  at: string;
}

/** Written with a meeting change, in the same unit of work where the store allows it. */
export interface SaveOptions {
  events: AuditEvent[];
  idempotency?: IdempotencyRecord;
  /** The messages the change promises: queued only if the change is saved, and then always. */
  outbox?: OutboxMessage[];
}

/**
 * The one storage port. Every adapter (SQLite, MongoDB) passes test/contract/store-contract.ts.
 * Meetings are whole documents with a version: saveMeeting succeeds only if the stored version is
 * still `expectedVersion`, otherwise it throws DomainError('STORE.CONFLICT') and writes nothing.
 */
export interface MeetingStore extends KeyValueStore, OutboxStore, RetentionStore {
  readonly kind: 'sqlite' | 'mongodb';
  /** Migrations (SQLite) or index creation (MongoDB). Safe to call on every start. */
  init(): Promise<void>;
  /** Resolves when the store answers and a write commits now; used by /readyz. Writes fail with StoreUnavailableError when it cannot write. */
  ping(): Promise<void>;
  /** What the operator must be told at start-up about the store as init() found it (a MongoDB without transactions, say). */
  cautions(): string[];
  close(): Promise<void>;

  /** Inserts a new meeting (version 1). Throws STORE.CONFLICT if the id exists. */
  createMeeting(meeting: Meeting, options: SaveOptions): Promise<void>;
  /** Replaces the meeting; `meeting.version` must be expectedVersion + 1. */
  saveMeeting(meeting: Meeting, expectedVersion: number, options: SaveOptions): Promise<void>;
  getMeeting(id: string): Promise<Meeting | undefined>;
  meetingsOfChild(childRef: string): Promise<Meeting[]>;
  meetingsOfParticipant(identity: IdentityQuery): Promise<Meeting[]>;
  findParticipants(identity: IdentityQuery): Promise<ParticipantMatch[]>;
  /** Whether any meeting has a participant with this identity: an index look-up, no meeting is read. */
  knowsParticipant(identity: IdentityQuery): Promise<boolean>;
  /** Open or blocked actions whose dueAt is strictly before `instant`, earliest first. */
  actionsDueBefore(instant: string): Promise<DueAction[]>;
  /** Oldest first. */
  auditTrail(meetingId: string): Promise<AuditEvent[]>;
  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /** The meeting holding the secure link with this token hash, indexed with the meeting's own write. */
  meetingOfLinkToken(tokenHash: string): Promise<string | undefined>;
}

export type { Identity };
