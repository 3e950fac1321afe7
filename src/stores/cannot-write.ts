import type { Clock } from '../ports/clock.js';
import { StoreUnavailableError } from '../ports/store-unavailable.js';
import type { KeyValueRow, KeyValueRows } from './key-values.js';

/**
 * Runs one write of a store. A failure its database classes as "cannot write now" becomes a
 * StoreUnavailableError (the driver's error kept as its cause, for the log); a refusal such as
 * STORE.CONFLICT, or a bug, passes through unchanged.
 */
export type WriteGuard = <T>(write: () => T | Promise<T>) => Promise<T>;

export function guardWrites(store: string, cannotWrite: (error: unknown) => boolean): WriteGuard {
  return async (write) => {
    try {
      return await write();
    } catch (error) {
      throw cannotWrite(error) ? new StoreUnavailableError(store, { cause: error }) : error;
    }
  };
}

/** The key-value rows with their three writes guarded; reads pass through. */
export const guardedKeyValueRows = (rows: KeyValueRows, guard: WriteGuard): KeyValueRows => ({
  ...rows,
  put: (row) => guard(() => rows.put(row)),
  claim: (row) => guard(() => rows.claim(row)),
  delete: (namespace, key) => guard(() => rows.delete(namespace, key)),
});

/**
 * What readiness writes to prove the store can write: one small key-value entry, rewritten on
 * every /readyz, through the same rows (and so the same table or collection) real writes use.
 */
export function healthRow(clock: Clock): KeyValueRow {
  const at = clock.now().toISOString();
  return { namespace: 'store-health', key: 'write-probe', value: JSON.stringify(at), updatedAt: at };
}
