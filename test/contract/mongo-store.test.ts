import { randomBytes, randomUUID } from 'node:crypto';
import { BSON, MongoClient } from 'mongodb';
import type { Collection } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { verifyChainOf } from '../../src/app/data-protection/verify-audit-chains.js';
import { createFieldCipher } from '../../src/stores/encryption/field-cipher.js';
import { createMongoStore } from '../../src/stores/mongo/mongo-store.js';
import { aMeeting, anAuditEvent } from '../support/meeting-fixture.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { accessLogContract } from './access-log-contract.js';
import { childStoreContract } from './child-store-contract.js';
import { encryptionContract } from './encryption-contract.js';
import { storeContract } from './store-contract.js';

const mongo = inject('mongo');
const databases = new Map<object, string>();
const testKeys = [{ id: 'test', key: randomBytes(32) }];
const newDatabaseName = (): string => `pep_bot_test_${randomUUID().replaceAll('-', '')}`;

async function withClient<T>(use: (client: MongoClient) => Promise<T>): Promise<T> {
  if (!mongo.available) throw new Error(mongo.reason);
  const client = new MongoClient(mongo.uri);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

/** One database per store: the meeting and child contracts both run on it. */
const adapter = {
  skip: mongo.available ? undefined : mongo.reason,
  create: async ({ clock }: { clock: Clock }): Promise<StoreWithChildren> => {
    if (!mongo.available) throw new Error(mongo.reason);
    const dbName = newDatabaseName();
    const store = createMongoStore({ uri: mongo.uri, dbName, clock, keys: testKeys });
    databases.set(store, dbName);
    return store;
  },
  cleanup: async (store: MeetingStore) => {
    await store.close();
    const dbName = databases.get(store);
    // Never fall back to the driver's default database on a server someone else may be using.
    if (!mongo.available || dbName === undefined) throw new Error('cleanup() got a store that create() did not make.');
    databases.delete(store);
    await withClient((client) => client.db(dbName).dropDatabase());
  },
};

/** Straight to the audit collection on a client of its own, as someone with the database could. */
const onAudit = (store: MeetingStore, change: (audit: Collection) => Promise<unknown>): Promise<void> =>
  withClient(async (client) => {
    await change(client.db(databases.get(store)).collection('audit'));
  });

storeContract({ name: 'MongoDB store contract', ...adapter });
childStoreContract({
  name: 'MongoDB child store contract',
  ...adapter,
  raw: (store) => ({
    setSummary: (meetingId, entryId, summary) => onAudit(store, (audit) => audit.updateOne({ meetingId, 'event.id': entryId }, { $set: { 'event.summary': summary } })),
    deleteEntry: (meetingId, entryId) => onAudit(store, (audit) => audit.deleteOne({ meetingId, 'event.id': entryId })),
  }),
});

accessLogContract({ name: 'MongoDB access log', skip: adapter.skip, create: () => adapter.create({ clock: { now: () => new Date() } }), cleanup: adapter.cleanup });

encryptionContract({
  name: 'MongoDB free text encrypted at rest',
  skip: adapter.skip,
  place: async () => newDatabaseName(),
  open: (dbName, keys) => {
    if (!mongo.available) throw new Error(mongo.reason);
    return createMongoStore({ uri: mongo.uri, dbName, keys });
  },
  // Every document of every collection, as the server holds it.
  raw: (dbName) =>
    withClient(async (client) => {
      const collections = await client.db(dbName).listCollections().toArray();
      const documents = await Promise.all(collections.map((c) => client.db(dbName).collection(c.name).find().toArray()));
      return BSON.EJSON.stringify(documents);
    }),
  storedMeeting: (dbName, id) => withClient((client) => client.db(dbName).collection<{ _id: string }>('meetings').findOne({ _id: id })),
  remove: (dbName) => withClient((client) => client.db(dbName).dropDatabase().then(() => undefined)),
});

describe.skipIf(!mongo.available)(`MongoDB audit chain back-fill${mongo.available ? '' : ` — SKIPPED: ${mongo.reason}`}`, () => {
  it('chains, at start-up and in their order, the entries written before the chain, and the trail reads as before', async () => {
    const dbName = newDatabaseName();
    const cipher = createFieldCipher(testKeys);
    const meeting = aMeeting();
    // As the release before the chain wrote them: data sealed alone, and one already redacted.
    const events = [anAuditEvent(meeting.id, { data: { note: 'Moved to Oak House' } }), anAuditEvent(meeting.id, { data: { redacted: 'erasure' } })];
    const [first, second] = events;
    if (!first || !second) throw new Error('two entries');
    await withClient((client) =>
      client.db(dbName).collection('audit').insertMany([
        { meetingId: meeting.id, meetingVersion: 1, position: 0, event: { ...first, data: { sealed: cipher.encrypt(JSON.stringify(first.data)) } } },
        { meetingId: meeting.id, meetingVersion: 2, position: 0, event: second },
      ]),
    );
    const store = createMongoStore({ uri: mongo.available ? mongo.uri : '', dbName, keys: testKeys });
    try {
      await store.init();
      expect(await store.auditTrail(meeting.id)).toStrictEqual(events);
      expect(await verifyChainOf(store, meeting.id)).toEqual({ key: meeting.id, entries: 2, redacted: [{ entryId: second.id, seq: 2, reason: 'erasure' }] });
    } finally {
      await store.close();
      await withClient((client) => client.db(dbName).dropDatabase());
    }
  });
});
