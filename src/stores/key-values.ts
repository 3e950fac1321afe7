import { refuse } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { KeyValueStore } from '../ports/key-value.js';
import { StoredDataError } from './store-errors.js';

/** One entry as both databases keep it: the value as JSON text, so every store round-trips exactly what JSON does. */
export interface KeyValueRow {
  namespace: string;
  key: string;
  value: string;
  updatedAt: string;
}

export type ListedRow = Omit<KeyValueRow, 'namespace'>;

type Awaitable<T> = T | Promise<T>;

/**
 * What an adapter provides: rows in and out of its table or collection. The JSON encoding, the
 * checks and the clock live in keyValueStore() below, once for every adapter.
 */
export interface KeyValueRows {
  /** The stored JSON text, or undefined when the key is absent. */
  get(namespace: string, key: string): Awaitable<string | undefined>;
  put(row: KeyValueRow): Awaitable<void>;
  /** Inserts only if (namespace, key) is absent, atomically; true when this call inserted it. */
  claim(row: KeyValueRow): Awaitable<boolean>;
  delete(namespace: string, key: string): Awaitable<void>;
  /** The namespace's rows whose key starts with keyPrefix taken literally (no wildcards), in key order. */
  list(namespace: string, keyPrefix: string): Awaitable<ListedRow[]>;
}

/**
 * SQLite's length() stops at the first NUL and a BSON regex cannot hold one, so a NUL would make
 * the two stores disagree on prefixes: refuse it in names, which are ids, never free text.
 */
function checkNames(namespace: string, key: string): void {
  if (namespace.includes('\u0000') || key.includes('\u0000')) {
    refuse('VALIDATION.INVALID_INPUT', 'A key-value namespace or key cannot contain the NUL character.', { namespace });
  }
}

function encode(namespace: string, key: string, value: unknown): string {
  // JSON.stringify returns undefined (despite its declared type) for undefined, functions and symbols.
  const text: string | undefined = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) {
    refuse('VALIDATION.INVALID_INPUT', `The value for ${namespace}/${key} is not JSON (undefined, a function or a symbol); use deleteValue to remove a key.`, {
      namespace,
      key,
    });
  }
  return text;
}

function decode(text: string, namespace: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoredDataError(`Stored value ${namespace}/${key} is not valid JSON.`, { cause: error });
  }
}

/**
 * The KeyValueStore half of a MeetingStore, over an adapter's rows. `rows` is called on every use,
 * inside the async method, so a store that is not open rejects rather than throwing synchronously.
 */
export function keyValueStore(rows: () => KeyValueRows, clock: Clock): KeyValueStore {
  const rowOf = (namespace: string, key: string, value: unknown): KeyValueRow => {
    checkNames(namespace, key);
    return { namespace, key, value: encode(namespace, key, value), updatedAt: clock.now().toISOString() };
  };

  return {
    async getValue(namespace, key) {
      checkNames(namespace, key);
      const text = await rows().get(namespace, key);
      return text === undefined ? undefined : decode(text, namespace, key);
    },

    async putValue(namespace, key, value) {
      await rows().put(rowOf(namespace, key, value));
    },

    async claimValue(namespace, key, value) {
      return rows().claim(rowOf(namespace, key, value));
    },

    async deleteValue(namespace, key) {
      checkNames(namespace, key);
      await rows().delete(namespace, key);
    },

    async listValues(namespace, keyPrefix) {
      checkNames(namespace, keyPrefix);
      const listed = await rows().list(namespace, keyPrefix);
      return listed.map((row) => ({ key: row.key, value: decode(row.value, namespace, row.key), updatedAt: row.updatedAt }));
    },
  };
}
