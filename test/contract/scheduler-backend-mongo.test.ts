import { randomUUID } from 'node:crypto';
import { MongoBackend } from '@agendajs/mongo-backend';
import { MongoClient } from 'mongodb';
import { inject } from 'vitest';
import { schedulerBackendContract } from './scheduler-backend-contract.js';

const mongo = inject('mongo');
const clients = new Map<object, { client: MongoClient; dbName: string }>();

schedulerBackendContract({
  name: 'MongoDB scheduler backend contract',
  failReasons: 'as thrown',
  skip: mongo.available ? undefined : mongo.reason,
  create: async () => {
    if (!mongo.available) throw new Error(mongo.reason);
    const client = await new MongoClient(mongo.uri).connect();
    const dbName = `pep_bot_jobs_${randomUUID().replaceAll('-', '')}`;
    const backend = new MongoBackend({ mongo: client.db(dbName) });
    clients.set(backend, { client, dbName });
    return backend;
  },
  cleanup: async (backend) => {
    const opened = clients.get(backend);
    // Never drop a database this suite did not create.
    if (!opened) throw new Error('cleanup() got a backend that create() did not make.');
    clients.delete(backend);
    try {
      await opened.client.db(opened.dbName).dropDatabase();
    } finally {
      await opened.client.close();
    }
  },
});
