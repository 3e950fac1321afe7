import type { Clock } from '../ports/clock.js';
import type { MeetingStore } from '../ports/store.js';
import { createMongoStore } from './mongo/mongo-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import { defaultSqliteFilename } from './sqlite/default-file.js';

/**
 * MongoDB when a URI is configured, otherwise the embedded SQLite file under dataDir. An empty
 * URI is passed on as given (and fails at init) rather than silently falling back to SQLite.
 * Without a clock the stores stamp key-value entries with the system time.
 */
export function openStore(config: { mongodbUri?: string; dataDir: string; clock?: Clock }): MeetingStore {
  const { clock } = config;
  return config.mongodbUri === undefined
    ? createSqliteStore({ filename: defaultSqliteFilename(config.dataDir), clock })
    : createMongoStore({ uri: config.mongodbUri, clock });
}
