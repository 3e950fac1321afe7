import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { inject } from 'vitest';
import { createMongoStore } from '../../src/stores/mongo/mongo-store.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { childStoreContract } from './child-store-contract.js';
import { storeContract } from './store-contract.js';

const mongo = inject('mongo');
const databases = new Map<object, string>();

/** One database per store: the meeting and child contracts both run on it. */
const adapter = {
  skip: mongo.available ? undefined : mongo.reason,
  create: async ({ clock }: { clock: Clock }): Promise<StoreWithChildren> => {
    if (!mongo.available) throw new Error(mongo.reason);
    const dbName = `pep_bot_test_${randomUUID().replaceAll('-', '')}`;
    const store = createMongoStore({ uri: mongo.uri, dbName, clock });
    databases.set(store, dbName);
    return store;
  },
  cleanup: async (store: MeetingStore) => {
    await store.close();
    const dbName = databases.get(store);
    // Never fall back to the driver's default database on a server someone else may be using.
    if (!mongo.available || dbName === undefined) throw new Error('cleanup() got a store that create() did not make.');
    databases.delete(store);
    const client = new MongoClient(mongo.uri);
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  },
};

storeContract({ name: 'MongoDB store contract', ...adapter });
childStoreContract({ name: 'MongoDB child store contract', ...adapter });
