import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessesOf, recordAccess, recordExport } from '../../src/app/data-protection/access-log.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { settableClock } from './settable-clock.js';

export interface AccessLogContractOptions {
  name: string;
  skip?: string;
  create: () => Promise<MeetingStore>;
  cleanup: (store: MeetingStore) => Promise<void>;
}

/** The access log ("who looked") kept in a store: per meeting, in time order, untouched by another meeting's. */
export function accessLogContract({ name, skip, create, cleanup }: AccessLogContractOptions): void {
  describe.skipIf(skip !== undefined)(skip === undefined ? name : `${name} — SKIPPED: ${skip}`, () => {
    let store: MeetingStore;
    const clock = settableClock('2026-03-10T09:00:00.000Z');
    let n = 0;
    const deps = () => ({ store, clock, newId: () => `acc-${(n += 1)}` });

    beforeEach(async () => {
      store = await create();
      await store.init();
    });

    afterEach(async () => {
      await cleanup(store);
    });

    it("keeps each meeting's accesses in the order they happened, apart from other meetings'", async () => {
      clock.set('2026-03-10T09:00:00.000Z');
      await recordAccess(deps(), { meetingId: 'm-1', who: 'p-carer', linkId: 'l-1', what: 'plan_page', channel: 'web' });
      clock.set('2026-03-10T10:00:00.000Z');
      await recordAccess(deps(), { meetingId: 'm-10', who: 'p-teacher', what: 'link_page', channel: 'web' });
      clock.set('2026-03-11T08:00:00.000Z');
      await recordExport(deps(), { who: 'officer:dpo', channel: 'system', meetingIds: ['m-1', 'm-10'] });

      expect((await accessesOf(store, 'm-1')).map((e) => [e.at, e.who, e.what])).toEqual([
        ['2026-03-10T09:00:00.000Z', 'p-carer', 'plan_page'],
        ['2026-03-11T08:00:00.000Z', 'officer:dpo', 'export'],
      ]);
      expect((await accessesOf(store, 'm-10')).map((e) => e.what)).toEqual(['link_page', 'export']);
      expect(await accessesOf(store, 'm-2')).toEqual([]);
    });
  });
}
