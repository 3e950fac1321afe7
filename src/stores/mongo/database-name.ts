/**
 * The driver falls back to a database called "test" when the URI names none; PEP Bot uses
 * "pep-bot" instead, unless the caller or the URI (mongodb://host/<name>) says otherwise.
 */
export function databaseName(uri: string, dbName: string | undefined): string {
  if (dbName !== undefined) return dbName;
  const path = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(uri)?.[1];
  return path ? decodeURIComponent(path) : 'pep-bot';
}
