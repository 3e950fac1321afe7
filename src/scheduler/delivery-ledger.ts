import { z } from 'zod';
import type { Clock } from '../ports/clock.js';
import type { KeyValueStore } from '../ports/key-value.js';
import type { MessageRef } from '../ports/messenger.js';
import { meetingKeyPrefix } from './scheduled-work.js';

export const LEDGER_NAMESPACE = 'nudge-ledger';

const At = z.iso.datetime({ offset: true });
const MessageRefSchema = z.object({ channel: z.enum(['teams', 'slack']), conversationId: z.string(), messageId: z.string() });

/**
 * One attempt at one piece of work. `sending` is written (atomically, insert-if-absent) before
 * the message goes out; the outcome replaces it once known. Attempts are never deleted: the
 * ledger is also the record of what was sent when, and why something was not.
 */
export const AttemptRecordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('sending'), at: At }),
  z.object({ state: z.literal('delivered'), at: At, ref: MessageRefSchema.optional() }),
  z.object({ state: z.literal('failed'), at: At, reason: z.string() }),
  z.object({ state: z.literal('undeliverable'), at: At, reason: z.string() }),
]);
export type AttemptRecord = z.infer<typeof AttemptRecordSchema>;
export type AttemptOutcome =
  | { state: 'delivered'; ref?: MessageRef }
  | { state: 'failed'; reason: string }
  | { state: 'undeliverable'; reason: string };

export type Claim =
  /** This caller owns the attempt and must record its outcome. */
  | { kind: 'claimed'; attemptKey: string; attempt: number }
  /** Delivered, or known undeliverable: nothing more to do. */
  | { kind: 'settled'; state: 'delivered' | 'undeliverable' }
  /** Another worker claimed the same attempt a moment ago. */
  | { kind: 'contended' };

export class StoredLedgerError extends Error {
  override readonly name = 'StoredLedgerError';
}

const ATTEMPT_DIGITS = 4;
const attemptKey = (key: string, attempt: number): string => `${key}#${String(attempt).padStart(ATTEMPT_DIGITS, '0')}`;
const workKeyOf = (entryKey: string): string => entryKey.slice(0, entryKey.lastIndexOf('#'));
const isSettled = (record: AttemptRecord): record is Extract<AttemptRecord, { state: 'delivered' | 'undeliverable' }> =>
  record.state === 'delivered' || record.state === 'undeliverable';

function parseAttempt(entryKey: string, value: unknown): AttemptRecord {
  const parsed = AttemptRecordSchema.safeParse(value);
  if (!parsed.success) throw new StoredLedgerError(`Ledger entry ${entryKey} does not match its schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Exactly one message per nudge on top of at-least-once jobs. Each attempt is its own key
 * (`<work key>#0001`, `#0002`…) claimed with claimValue, so two workers can never both own the
 * same attempt, and a worker that finds the last attempt still `sending` (its sender died before
 * confirming) takes over by claiming the next one.
 */
export function deliveryLedger(kv: KeyValueStore, clock: Clock) {
  const at = () => clock.now().toISOString();

  async function history(key: string): Promise<AttemptRecord[]> {
    const entries = await kv.listValues(LEDGER_NAMESPACE, `${key}#`);
    return entries.map((entry) => parseAttempt(entry.key, entry.value));
  }

  return {
    history,

    async claim(key: string): Promise<Claim> {
      const attempts = await history(key);
      const settled = attempts.find(isSettled);
      if (settled) return { kind: 'settled', state: settled.state };
      const attempt = attempts.length + 1;
      const claimed = await kv.claimValue(LEDGER_NAMESPACE, attemptKey(key, attempt), { state: 'sending', at: at() });
      return claimed ? { kind: 'claimed', attemptKey: attemptKey(key, attempt), attempt } : { kind: 'contended' };
    },

    async record(claimedKey: string, outcome: AttemptOutcome): Promise<void> {
      await kv.putValue(LEDGER_NAMESPACE, claimedKey, { ...outcome, at: at() });
    },

    /** The work keys of a meeting that need nothing more, read in one listing. */
    async settledKeys(meetingId: string): Promise<Set<string>> {
      const entries = await kv.listValues(LEDGER_NAMESPACE, meetingKeyPrefix(meetingId));
      return new Set(entries.filter((entry) => isSettled(parseAttempt(entry.key, entry.value))).map((entry) => workKeyOf(entry.key)));
    },
  };
}
export type DeliveryLedger = ReturnType<typeof deliveryLedger>;
