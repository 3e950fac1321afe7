import type { KeyValueRows } from '../key-values.js';
import type { Statements } from './statements.js';

/**
 * The least string that sorts after every string starting with `prefix`, or undefined when there
 * is none. SQLite compares TEXT as UTF-8 bytes, which is code point order: the prefix with its last
 * code point raised by one (past the surrogates, which are not characters), carrying leftwards
 * over U+10FFFF.
 */
export function prefixEnd(prefix: string): string | undefined {
  const points = Array.from(prefix, (char) => char.codePointAt(0) ?? 0);
  while (points.length > 0) {
    const last = points.pop() ?? 0;
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return String.fromCodePoint(...points, next);
  }
  return undefined;
}

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
  list: (namespace, prefix) => {
    const end = prefixEnd(prefix);
    return end === undefined ? statements.listToEnd.all({ namespace, prefix }) : statements.list.all({ namespace, prefix, end });
  },
});
