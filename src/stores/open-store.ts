import type { Clock } from '../ports/clock.js';
import type { StoreWithChildren } from '../ports/child-store.js';
import type { StoredTextRotation } from '../ports/stored-text-rotation.js';
import type { DataKey } from './encryption/data-keys.js';
import { DATA_KEYS_FORMAT, DATA_KEYS_VARIABLE, DataKeyError } from './encryption/data-keys.js';
import { defaultSqliteFilename } from './sqlite/default-file.js';

/**
 * Meetings and, on the same connection, the children beside them (ChildStore).
 * MongoDB when a URI is configured, otherwise the embedded SQLite file under dataDir. An empty
 * URI is passed on as given (and fails at init) rather than silently falling back to SQLite.
 * Without a clock the stores stamp key-value entries with the system time. Only the chosen
 * store's code and driver are imported: the MongoDB driver is a tenth of a second and megabytes
 * that an embedded bot never needs. Free text is encrypted with `dataKeys`; the embedded store
 * without them uses (and on first start makes) the key file in dataDir; MongoDB needs them.
 */
export async function openStore(config: { mongodbUri?: string; dataDir: string; clock?: Clock; dataKeys?: readonly DataKey[] }): Promise<StoreWithChildren & StoredTextRotation> {
  const { clock, dataKeys: keys } = config;
  if (config.mongodbUri === undefined) {
    const { createSqliteStore } = await import('./sqlite/sqlite-store.js');
    return createSqliteStore({ filename: defaultSqliteFilename(config.dataDir), clock, keys });
  }
  if (!keys) throw new DataKeyError(`${DATA_KEYS_VARIABLE} must be set when MONGODB_URI is: ${DATA_KEYS_FORMAT}.`);
  const { createMongoStore } = await import('./mongo/mongo-store.js');
  return createMongoStore({ uri: config.mongodbUri, clock, keys });
}
