import type { MessageRef } from './messenger.js';

/**
 * One message a change promised, written in the same unit of work as the change. `message` is
 * the app's description of what to send (src/app/outbox/outgoing.ts parses it when read back).
 */
export interface OutboxMessage {
  /** Unique and stable: `<meeting id>/v<version>/<n>`, so a retried save cannot queue twice. */
  id: string;
  meetingId: string;
  message: unknown;
  createdAt: string;
}

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxRecord extends OutboxMessage {
  state: OutboxState;
  /** Claims so far: a crash between claim and settlement shows as one more attempt. */
  attempts: number;
  /** Why the last attempt failed, or why it was given up. */
  reason?: string;
  ref?: MessageRef;
}

export type OutboxSettlement =
  | { state: 'sent'; ref?: MessageRef }
  /** Back in the queue, not before `dueAt` (backoff, or the platform's Retry-After). */
  | { state: 'retry'; reason: string; dueAt: string }
  | { state: 'failed'; reason: string };

/**
 * The queue the delivery worker drains. A claim leases messages for `leaseMs`; while any message
 * of a meeting is leased, no other claim gets that meeting's messages, so the cards of one meeting
 * are sent in order by one worker at a time, whichever process it runs in.
 */
export interface OutboxStore {
  claimOutbox(request: { now: string; leaseMs: number; limit: number }): Promise<OutboxRecord[]>;
  settleOutbox(id: string, settlement: OutboxSettlement, at: string): Promise<void>;
  /** Every message queued for a meeting, oldest first: what was sent, what waits, what failed. */
  outboxOf(meetingId: string): Promise<OutboxRecord[]>;
}
