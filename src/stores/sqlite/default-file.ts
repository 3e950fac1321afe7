import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded store's file under the data folder, creating the folder on first start. */
export function defaultSqliteFilename(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'pep-bot.sqlite');
}
