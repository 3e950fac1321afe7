import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/ports/clock.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';
import { refusal } from './refusal.js';
import { settableClock } from './settable-clock.js';
import { keyValuesContract } from './store-contract-key-values.js';
import { outboxContract } from './store-contract-outbox.js';
import { queriesContract } from './store-contract-queries.js';
import { retentionContract } from './store-contract-retention.js';
import { writesContract } from './store-contract-writes.js';

export interface StoreContractOptions {
  name: string;
  /** A new store on an empty database of its own, using `clock`; the suite calls init(). */
  create: (options: { clock: Clock }) => Promise<MeetingStore>;
  /** Closes the store (it may be closed already) and removes its database. */
  cleanup: (store: MeetingStore) => Promise<void>;
  /** Why the suite cannot run here: the reason becomes part of the suite's name. */
  skip?: string;
}

/**
 * The one contract every MeetingStore adapter passes, in the way agenda v6 shares its backend
 * suites: each adapter's test file is a single call to this function.
 */
export function storeContract({ name, create, cleanup, skip }: StoreContractOptions): void {
  const title = skip === undefined ? name : `${name} — SKIPPED: ${skip}`;

  describe.skipIf(skip !== undefined)(title, () => {
    let store: MeetingStore | undefined;
    const clock = settableClock('2026-03-10T09:00:00.000Z');
    const current = (): MeetingStore => {
      if (!store) throw new Error('The store was not created: see the beforeEach failure.');
      return store;
    };

    beforeEach(async () => {
      clock.set('2026-03-10T09:00:00.000Z');
      store = await create({ clock });
      await store.init();
    });

    afterEach(async () => {
      if (store) await cleanup(store);
      store = undefined;
    });

    describe('lifecycle', () => {
      it('answers ping, and init is safe to call again', async () => {
        await current().init();
        await expect(current().ping()).resolves.toBeUndefined();
      });

      it('has no cautions for the operator when each change is written in one unit (SQLite, or a MongoDB replica set)', () => {
        expect(current().cautions()).toEqual([]);
      });

      it('ping proves a write commits: it rewrites its health entry each time, stamped by the clock', async () => {
        await current().ping();
        expect(await current().getValue('store-health', 'write-probe')).toBe('2026-03-10T09:00:00.000Z');
        clock.set('2026-03-10T09:00:05.000Z');
        await current().ping();
        expect(await current().listValues('store-health', '')).toEqual([{ key: 'write-probe', value: '2026-03-10T09:00:05.000Z', updatedAt: '2026-03-10T09:00:05.000Z' }]);
      });

      it('refuses calls after close, and close can be called again', async () => {
        await current().close();
        await expect(current().ping()).rejects.toThrow(/not open/);
        await expect(current().getMeeting('meeting-x')).rejects.toThrow(/not open/);
        await expect(current().close()).resolves.toBeUndefined();
      });

      it('opens again after close, with what it stored', async () => {
        const meeting = aMeeting();
        const event = anAuditEvent(meeting.id);
        await current().createMeeting(meeting, { events: [event] });
        await current().close();
        await current().init();
        expect(await current().getMeeting(meeting.id)).toStrictEqual(meeting);
        expect(await current().auditTrail(meeting.id)).toStrictEqual([event]);
      });
    });

    writesContract(current);
    queriesContract(current);
    keyValuesContract(current, clock);
    outboxContract(current);
    retentionContract(current, clock);

    describe('idempotency records', () => {
      const record = {
        key: 'teams:activity-7f3e:p-teacher',
        result: { rsvp: 'accept', card: { version: 2, sections: ['rsvp', 'agenda'] } },
        at: '2026-03-02T09:15:00Z',
      };

      it('saves the record with a meeting change and reads it back', async () => {
        const meeting = aMeeting();
        await current().createMeeting(meeting, { events: [], idempotency: { ...record, key: 'web:create-1:p-organiser' } });
        await current().saveMeeting(nextVersion(meeting), 1, { events: [], idempotency: record });
        expect(await current().getIdempotency(record.key)).toStrictEqual(record);
        expect(await current().getIdempotency('web:create-1:p-organiser')).toStrictEqual({ ...record, key: 'web:create-1:p-organiser' });
      });

      it('returns undefined for a key it has never seen', async () => {
        expect(await current().getIdempotency('slack:never-seen:U012AB3CD')).toBeUndefined();
      });

      it('refuses a second change with a key already used, keeping the first result', async () => {
        const meeting = aMeeting();
        const v2 = nextVersion(meeting);
        await current().createMeeting(meeting, { events: [] });
        await current().saveMeeting(v2, 1, { events: [], idempotency: record });
        const again = { ...record, result: { rsvp: 'decline' } };
        await expect(current().saveMeeting(nextVersion(v2), 2, { events: [], idempotency: again })).rejects.toEqual(
          refusal('STORE.CONFLICT'),
        );
        expect(await current().getIdempotency(record.key)).toStrictEqual(record);
      });
    });
  });
}
