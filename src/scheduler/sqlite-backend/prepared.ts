import type { Database, Statement } from 'better-sqlite3';

/** Statement texts kept per connection; an IN list's length changes the text, so it is bounded. */
const KEPT = 200;
const byConnection = new WeakMap<Database, Map<string, Statement>>();

/**
 * The connection's statement for `sql`, compiled once: better-sqlite3 compiles again on every
 * prepare(), a tenth of the cost of saving a job. Only for statements used as they come, since
 * pluck() or raw() on a shared statement would change it for every caller.
 */
export function prepared(db: Database, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= KEPT) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
