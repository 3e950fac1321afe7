import type { KeyValueRows } from '../key-values.js';
import type { Statements } from './statements.js';

/**
 * A claim is one INSERT ... ON CONFLICT DO NOTHING, atomic even against another process on the
 * same file, so `changes` says whether this call inserted the row.
 */
export const keyValueRows = (statements: Statements['keyValues']): KeyValueRows => ({
  get: (namespace, key) => statements.get.get(namespace, key),
  put: (row) => {
    statements.put.run(row);
  },
  claim: (row) => statements.claim.run(row).changes === 1,
  delete: (namespace, key) => {
    statements.delete.run(namespace, key);
  },
  list: (namespace, prefix) => statements.list.all({ namespace, prefix }),
});
