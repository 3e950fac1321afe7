/**
 * Small pieces of state the edges keep between requests, as JSON values under (namespace, key):
 * Teams conversation references, where each card was posted (to update it in place), which chat
 * belongs to which meeting, the nudge delivery ledger. Callers parse what they read with zod.
 */
export interface KeyValueEntry {
  key: string;
  value: unknown;
  updatedAt: string;
}

export interface KeyValueStore {
  getValue(namespace: string, key: string): Promise<unknown>;
  /** Inserts or replaces. */
  putValue(namespace: string, key: string, value: unknown): Promise<void>;
  /** Inserts only if the key is absent; true when this call inserted it (an atomic claim). */
  claimValue(namespace: string, key: string, value: unknown): Promise<boolean>;
  deleteValue(namespace: string, key: string): Promise<void>;
  /** Every entry of the namespace whose key starts with `keyPrefix`, in key order. */
  listValues(namespace: string, keyPrefix: string): Promise<KeyValueEntry[]>;
}
