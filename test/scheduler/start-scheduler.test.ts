import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { PlannedNudge } from '../../src/domain/nudges/index.js';
import { deliveryLedger } from '../../src/scheduler/delivery-ledger.js';
import { startScheduler } from '../../src/scheduler/start-scheduler.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { eventually, meetingWithAction, schedulerHarness, testClock } from './fixtures/harness.js';
import type { Harness } from './fixtures/harness.js';

const AFTER_ESCALATION = '2026-03-24T12:00:00Z';
const mongo = inject('mongo');

describe('startScheduler', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function harness(...args: Parameters<typeof schedulerHarness>): Promise<Harness> {
    const h = await schedulerHarness(...args);
    cleanups.push(() => h.close());
    return h;
  }

  it('fails at start, with the cause, when the jobs cannot be stored', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pep-bot-start-'));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite') });
    await store.init();
    cleanups.push(() => store.close());
    const starting = startScheduler({
      jobs: { kind: 'sqlite', filename: join(folder, 'no-such-folder', 'pep-bot.sqlite') },
      store,
      clock: testClock(AFTER_ESCALATION),
      sender: () => Promise.reject(new Error('not expected')),
      onUndeliverable: () => undefined,
      prepareNextMeeting: () => Promise.resolve(),
    });
    await expect(starting).rejects.toThrow(/directory does not exist/);
  });

  it('lets a send under way finish and be recorded before stop() resolves', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: PlannedNudge[] = [];
    const h = await harness(AFTER_ESCALATION, {
      sender: async (nudge) => {
        started.push(nudge);
        await gate;
        return { delivered: true, ref: { channel: 'teams', conversationId: 'a:1', messageId: 'm-1' } };
      },
      tuning: { processEveryMs: 50, lockLifetimeMs: 5_000, concurrency: 1, stopTimeoutMs: 5_000 },
    });
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    await h.scheduler().syncMeeting(meeting);
    await eventually(() => expect(started).toHaveLength(1));

    let stopped = false;
    const stopping = h.scheduler().stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(started).toHaveLength(1);
    expect(await deliveryLedger(h.store, h.clock).settledKeys(meeting.id)).toHaveProperty('size', 1);
  });

  const mongoTitle = 'keeps its jobs in MongoDB when given a URI';
  it.skipIf(!mongo.available)(mongo.available ? mongoTitle : `${mongoTitle} — SKIPPED: ${mongo.reason}`, async () => {
    if (!mongo.available) throw new Error(mongo.reason);
    const dbName = `pep_bot_scheduler_${randomUUID().replaceAll('-', '')}`;
    cleanups.push(async () => {
      const client = await new MongoClient(mongo.uri).connect();
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    });
    const h = await harness(AFTER_ESCALATION, { jobs: { kind: 'mongodb', uri: mongo.uri, dbName } });
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    expect(await h.scheduler().syncMeeting(meeting)).toEqual({ scheduled: 5, cancelled: 0 });
    await eventually(() => expect(h.recorder.sent).toHaveLength(2));
    expect(await h.scheduler().syncMeeting(meeting)).toMatchObject({ scheduled: 0 });
  });
});
