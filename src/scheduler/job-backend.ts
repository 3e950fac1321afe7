import type { AgendaBackend } from 'agenda';
import { databaseName } from '../stores/mongo/database-name.js';
import { defaultSqliteFilename } from '../stores/sqlite/default-file.js';
import { SqliteBackend } from './sqlite-backend/sqlite-backend.js';

/** Where the jobs live: beside the store, in its SQLite file or its MongoDB database. */
export type JobStoreConfig = { kind: 'sqlite'; filename: string } | { kind: 'mongodb'; uri: string; dbName?: string };

/** The job store beside the store the configuration names (MONGODB_URI, else DATA_DIR's file): the bot's and the scripts' alike. */
export const jobStoreBeside = (config: { mongodbUri: string | undefined; dataDir: string }): JobStoreConfig =>
  config.mongodbUri === undefined ? { kind: 'sqlite', filename: defaultSqliteFilename(config.dataDir) } : { kind: 'mongodb', uri: config.mongodbUri };

export interface OpenJobBackend {
  /** Already connected; Agenda's own connect() and disconnect() calls are no-ops on it. */
  backend: AgendaBackend;
  close(): Promise<void>;
}

/**
 * Agenda calls backend.connect() from its constructor without handling a rejection, which would
 * surface as an unhandled rejection far from its cause. So the scheduler connects first, here,
 * where a bad file or URI fails startScheduler, and closes the connection itself on stop.
 */
function connectedAlready(backend: AgendaBackend): AgendaBackend {
  return {
    name: backend.name,
    repository: backend.repository,
    notificationChannel: backend.notificationChannel,
    logger: backend.logger,
    ownsConnection: false,
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
  };
}

export async function openJobBackend(config: JobStoreConfig): Promise<OpenJobBackend> {
  if (config.kind === 'sqlite') {
    const backend = new SqliteBackend({ filename: config.filename });
    await backend.connect();
    return { backend: connectedAlready(backend), close: () => backend.disconnect() };
  }
  // Imported here, not above: the driver and Agenda's MongoDB backend are for MongoDB set-ups only.
  const [{ MongoClient }, { MongoBackend }] = await Promise.all([import('mongodb'), import('@agendajs/mongo-backend')]);
  const client = new MongoClient(config.uri);
  try {
    await client.connect();
    const backend = new MongoBackend({ mongo: client.db(databaseName(config.uri, config.dbName)) });
    await backend.connect();
    return { backend: connectedAlready(backend), close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
