import type { Collection } from 'mongodb';
import type { KeyValueRows, ListedRow } from '../key-values.js';
import type { KeyValueDocument } from './documents.js';
import { isDuplicateKey } from './duplicate-key.js';

/** Every character a regular expression gives a meaning to, so the prefix matches only itself. */
const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

export function keyValueRows(collection: Collection<KeyValueDocument>): KeyValueRows {
  return {
    async get(namespace, key) {
      const found = await collection.findOne<Pick<KeyValueDocument, 'value'>>({ namespace, key }, { projection: { _id: 0, value: 1 } });
      return found?.value;
    },

    async put({ namespace, key, value, updatedAt }) {
      // Two racing upserts cannot both insert (by_namespace_key is unique), and the server (4.2+)
      // retries the loser as an update because the filter is exactly the unique index's key.
      await collection.updateOne({ namespace, key }, { $set: { value, updatedAt } }, { upsert: true });
    },

    async claim(row) {
      try {
        // A copy: insertOne adds the generated _id to the document it is given.
        await collection.insertOne({ ...row });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async delete(namespace, key) {
      await collection.deleteOne({ namespace, key });
    },

    async list(namespace, keyPrefix) {
      // An anchored, case-sensitive regex is a bounded scan of by_namespace_key, sorted by key
      // with the default (binary) comparison, the same order as SQLite's.
      return collection
        .find({ namespace, key: { $regex: `^${escapeRegExp(keyPrefix)}` } })
        .sort({ key: 1 })
        .project<ListedRow>({ _id: 0, key: 1, value: 1, updatedAt: 1 })
        .toArray();
    },
  };
}
