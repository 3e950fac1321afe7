import { MongoClient } from 'mongodb';
import { MongoMemoryReplSet } from 'mongodb-memory-server-core';
import type { TestProject } from 'vitest/node';
import { MONGODB_SUITES } from './mongodb-suites.js';

/** Where the MongoDB suites run, or why they cannot. Read in tests with inject('mongo'). */
export type MongoAvailability = { available: true; uri: string } | { available: false; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    mongo: MongoAvailability;
  }
}

/** A machine with no cached mongod downloads one; on a machine that cannot, give up in bounded time. */
const START_TIMEOUT_MS = 30_000;

const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** A one-member replica set, as production runs: transactions, and no standalone caution. */
async function startMemoryServer(): Promise<MongoMemoryReplSet> {
  const starting = MongoMemoryReplSet.create({ replSet: { count: 1 } });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // A start that completes after the deadline must not leave a mongod running, nor fail unseen.
      starting
        .then((late) => late.stop())
        .catch((late: unknown) => console.warn(`[global-setup] mongodb-memory-server, after the deadline: ${oneLine(late)}`));
      reject(new Error(`mongod did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
  });
  try {
    return await Promise.race([starting, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A MONGODB_URI that was set on purpose but does not answer fails the run now, with its cause,
 * rather than every MongoDB test waiting out the driver's 30 s server selection.
 */
async function answers(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } catch (error) {
    // No `cause`: vitest 4 cannot print a driver error as a cause (it tries to set its read-only name).
    throw new Error(`MONGODB_URI is set but MongoDB did not answer: ${oneLine(error)}. Unset it to try mongodb-memory-server.`);
  } finally {
    await client.close();
  }
}

/** Returns the teardown that stops the memory server, when one was started. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const uri = process.env.MONGODB_URI;
  const required = process.env.REQUIRE_MONGODB === '1';
  if (uri) {
    await answers(uri);
    project.provide('mongo', { available: true, uri });
    return undefined;
  }
  try {
    const server = await startMemoryServer();
    project.provide('mongo', { available: true, uri: server.getUri() });
    return async () => {
      await server.stop();
    };
  } catch (error) {
    const reason = `MONGODB_URI is not set and mongodb-memory-server could not start mongod (${oneLine(error)})`;
    // The GitHub workflow sets REQUIRE_MONGODB=1: there a skip would hide a broken MongoDB path.
    if (required) throw new Error(`REQUIRE_MONGODB=1 but ${reason}`);
    project.provide('mongo', { available: false, reason });
    console.warn(
      [
        `[global-setup] SKIPPING the MongoDB suites: ${reason}.`,
        ...MONGODB_SUITES.map(({ file, what }) => `  skipped: ${file} (${what})`),
        '  To run them: MONGODB_URI=mongodb://localhost:27017/?replicaSet=rs0 npm test (a replica set, as production uses);',
        '  REQUIRE_MONGODB=1 turns these skips into a failure (the GitHub workflow sets it).',
      ].join('\n'),
    );
    return undefined;
  }
}
