import type { KeyValueStore } from '../../ports/key-value.js';

/** Slack requests and events already taken on, by idempotency key (see claimOnce). */
const NAMESPACE = 'slack-handled';

/**
 * True the first time a key is claimed, false for an event retry (X-Slack-Retry-Num) or a replayed
 * request: the claim is an atomic insert in the shared store, so it holds across instances too.
 * Card clicks and typed commands need no claim: the core applies them once by their own key.
 */
export async function claimOnce(store: KeyValueStore, key: string, at: Date): Promise<boolean> {
  return store.claimValue(NAMESPACE, key, { at: at.toISOString() });
}
