import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { RetryLaterError, deliverOnce } from '../../src/scheduler/deliver-once.js';
import { LEDGER_NAMESPACE, deliveryLedger } from '../../src/scheduler/delivery-ledger.js';
import type { DeliveryLedger } from '../../src/scheduler/delivery-ledger.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { testClock } from './fixtures/harness.js';

const KEY = 'meeting-1/action_overdue/act-1/p-teacher/2026-03-23T09%3A00%3A00Z';

describe('delivery ledger', () => {
  let folder: string;
  let store: MeetingStore;
  let ledger: DeliveryLedger;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pep-bot-ledger-'));
    const clock = testClock('2026-03-23T09:00:05Z');
    store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite'), clock });
    await store.init();
    ledger = deliveryLedger(store, clock);
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const deliver = (overrides: Partial<Parameters<typeof deliverOnce>[0]> = {}) =>
    deliverOnce({
      ledger,
      key: KEY,
      failuresSoFar: 0,
      maxRetries: 5,
      attempt: async () => ({ ok: true, ref: { channel: 'teams', conversationId: 'a:1', messageId: 'm-1' } }),
      giveUp: () => undefined,
      ...overrides,
    });

  it('claims the first attempt, and reports the work settled once delivered', async () => {
    expect(await ledger.claim(KEY)).toEqual({ kind: 'claimed', attempt: 1, attemptKey: `${KEY}#0001` });
    await ledger.record(`${KEY}#0001`, { state: 'delivered' });
    expect(await ledger.claim(KEY)).toEqual({ kind: 'settled', state: 'delivered' });
    expect(await ledger.history(KEY)).toEqual([{ state: 'delivered', at: '2026-03-23T09:00:05.000Z' }]);
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const claims = await Promise.all([ledger.claim(KEY), ledger.claim(KEY)]);
    expect(claims.map((claim) => claim.kind).sort()).toEqual(['claimed', 'contended']);
    await expect(Promise.all([deliver({ key: 'other' }), deliver({ key: 'other' })])).rejects.toBeInstanceOf(RetryLaterError);
  });

  it('resends what a crashed worker claimed but never confirmed, by claiming the next attempt', async () => {
    await store.putValue(LEDGER_NAMESPACE, `${KEY}#0001`, { state: 'sending', at: '2026-03-23T09:00:01Z' });
    const sent: string[] = [];
    expect(await deliver({ attempt: async () => (sent.push('again'), { ok: true }) })).toBe('delivered');
    expect(sent).toEqual(['again']);
    expect((await ledger.history(KEY)).map((a) => a.state)).toEqual(['sending', 'delivered']);
    expect(await deliver()).toBe('already-settled');
  });

  it('lists the settled work of one meeting only', async () => {
    await deliver();
    const retrying = deliver({ key: 'meeting-1/rsvp_chaser/p-carer/p-carer/2026-03-20T09%3A00%3A00Z', attempt: async () => ({ ok: false, reason: 'HTTP 429', retryable: true }) });
    await expect(retrying).rejects.toBeInstanceOf(RetryLaterError);
    await deliver({ key: 'meeting-10/weekly_digest/meeting-10/p-organiser/2026-03-23T09%3A00%3A00Z' });
    expect(await ledger.settledKeys('meeting-1')).toEqual(new Set([KEY]));
  });

  it('refuses an entry that does not match its schema, by name', async () => {
    await store.putValue(LEDGER_NAMESPACE, `${KEY}#0001`, { state: 'sent' });
    await expect(ledger.claim(KEY)).rejects.toMatchObject({ name: 'StoredLedgerError' });
  });
});
