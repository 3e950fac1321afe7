import type { Job } from 'agenda';
import type { MessageRef } from '../ports/messenger.js';
import type { DeliveryLedger } from './delivery-ledger.js';

/** How one attempt went; `retryable` false means trying again cannot help. */
export type AttemptResult = { ok: true; ref?: MessageRef } | { ok: false; reason: string; retryable: boolean };

/** Thrown so that Agenda's backoff schedules the job again; the reason is already in the ledger. */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
}

export interface DeliverOnce {
  ledger: DeliveryLedger;
  key: string;
  /** Failed runs of this job so far (Agenda's failCount). */
  failuresSoFar: number;
  maxRetries: number;
  attempt: () => Promise<AttemptResult>;
  /** Told once the work can never be done, before the ledger records it as undeliverable. */
  giveUp: (reason: string) => Promise<void> | void;
}

export type DeliverOnceOutcome = 'delivered' | 'undeliverable' | 'already-settled';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Claim, attempt, record. What a crash leaves behind, and what happens next:
 *
 * - killed before the claim: nothing recorded; the job's lock expires, it runs again, sends once.
 * - killed after the claim, before the channel accepted the message: the attempt stays `sending`;
 *   the job runs again once its lock expires, sees the unconfirmed attempt, claims the next one
 *   and sends. The person gets exactly one message.
 * - killed after the channel accepted it, before `delivered` was recorded: the same takeover sends
 *   it a second time. This window (one network round trip plus one local write) is the remaining
 *   at-least-once case: closing it would need the channel to deduplicate, which neither Teams nor
 *   Slack offers for proactive messages. We prefer a rare duplicate to a lost reminder.
 * - a send still running when its job's lock expires (lockLifetime) can be overlapped the same
 *   way: keep the lock lifetime well above the sender's timeout.
 */
export async function deliverOnce(input: DeliverOnce): Promise<DeliverOnceOutcome> {
  const { ledger, key } = input;
  const claim = await ledger.claim(key);
  if (claim.kind === 'settled') return 'already-settled';
  if (claim.kind === 'contended') throw new RetryLaterError(`Another worker is sending ${key} right now.`);

  const result = await input.attempt().catch((error: unknown): AttemptResult => ({ ok: false, reason: message(error), retryable: true }));
  if (result.ok) {
    await ledger.record(claim.attemptKey, { state: 'delivered', ...(result.ref ? { ref: result.ref } : {}) });
    return 'delivered';
  }
  const lastAttempt = !result.retryable || input.failuresSoFar >= input.maxRetries;
  if (!lastAttempt) {
    await ledger.record(claim.attemptKey, { state: 'failed', reason: result.reason });
    throw new RetryLaterError(result.reason);
  }
  const reason = result.retryable ? `gave up after ${input.failuresSoFar + 1} attempts: ${result.reason}` : result.reason;
  try {
    await input.giveUp(reason);
  } catch (error) {
    // Not recorded as undeliverable until someone has been told: the retry will tell them.
    await ledger.record(claim.attemptKey, { state: 'failed', reason: `${reason} (and reporting it failed: ${message(error)})` });
    throw error;
  }
  await ledger.record(claim.attemptKey, { state: 'undeliverable', reason });
  return 'undeliverable';
}

/** A job woken this much before its due instant (clock skew between workers) sends anyway. */
const EARLY_TOLERANCE_MS = 60_000;

/**
 * What a woken job does once it knows its work is still wanted: too early, it goes back to sleep
 * until its instant (undefined); else it delivers once, counting the job's failed runs so far.
 */
export async function deliverWhenDue(
  job: Job,
  due: { instant: string; now: Date; runAt: (dueInstant: string) => Date },
  input: Omit<DeliverOnce, 'failuresSoFar'>,
): Promise<DeliverOnceOutcome | undefined> {
  if (Date.parse(due.instant) - due.now.getTime() > EARLY_TOLERANCE_MS) {
    job.schedule(due.runAt(due.instant));
    return undefined;
  }
  return deliverOnce({ ...input, failuresSoFar: job.attrs.failCount ?? 0 });
}
