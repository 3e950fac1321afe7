import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { refusal } from './refusal.js';
import type { SettableClock } from './settable-clock.js';

const NS = 'teams.conversation';

/** The KeyValueStore half of the port: JSON values under (namespace, key), claims, prefix listings. */
export function keyValuesContract(store: () => MeetingStore, clock: SettableClock): void {
  describe('key values', () => {
    const values: { kind: string; value: unknown }[] = [
      {
        kind: 'an object',
        value: {
          conversation: { id: '19:meeting_abc@thread.v2', isGroup: true },
          serviceUrl: 'https://smba.trafficmanager.net/uk/',
          // Field names MongoDB treats specially, and text beyond ASCII.
          $type: 'reference',
          'a.b': ['dotted'],
          note: 'Ça va? 👋',
          nested: { empty: {}, none: null, list: [1, 'two', false, [3]] },
        },
      },
      { kind: 'an array', value: ['p-teacher', 2, { at: '2026-03-10T10:00:00Z' }, null] },
      { kind: 'a string', value: 'card-activity-1f3e' },
      { kind: 'an empty string', value: '' },
      { kind: 'an integer', value: 42 },
      { kind: 'a fraction', value: -0.125 },
      { kind: 'a large number', value: 2 ** 53 - 1 },
      { kind: 'true', value: true },
      { kind: 'false', value: false },
      { kind: 'null', value: null },
    ];

    it.each(values)('reads back $kind exactly as stored', async ({ value }) => {
      await store().putValue(NS, 'meeting-1', value);
      expect(await store().getValue(NS, 'meeting-1')).toStrictEqual(value);
    });

    it('returns undefined for a key it has never seen, in this or any namespace', async () => {
      await store().putValue(NS, 'meeting-1', { id: 'conv-1' });
      expect(await store().getValue(NS, 'meeting-2')).toBeUndefined();
      expect(await store().getValue('slack.message', 'meeting-1')).toBeUndefined();
    });

    it('replaces the value and its updatedAt on a second put', async () => {
      clock.set('2026-03-10T10:00:00.000Z');
      await store().putValue(NS, 'meeting-1', { id: 'conv-1', extra: true });
      clock.set('2026-03-10T11:30:00.000Z');
      await store().putValue(NS, 'meeting-1', { id: 'conv-2' });

      expect(await store().getValue(NS, 'meeting-1')).toStrictEqual({ id: 'conv-2' });
      expect(await store().listValues(NS, 'meeting-1')).toStrictEqual([
        { key: 'meeting-1', value: { id: 'conv-2' }, updatedAt: '2026-03-10T11:30:00.000Z' },
      ]);
    });

    it('keeps namespaces apart', async () => {
      await store().putValue(NS, 'meeting-1', 'teams');
      await store().putValue('slack.message', 'meeting-1', 'slack');
      await store().deleteValue('slack.message', 'meeting-1');
      expect(await store().getValue(NS, 'meeting-1')).toBe('teams');
      expect(await store().getValue('slack.message', 'meeting-1')).toBeUndefined();
    });

    it('deletes a key, and deleting an absent key is not an error', async () => {
      await store().putValue(NS, 'meeting-1', { id: 'conv-1' });
      await store().putValue(NS, 'meeting-2', { id: 'conv-2' });
      await store().deleteValue(NS, 'meeting-1');

      expect(await store().getValue(NS, 'meeting-1')).toBeUndefined();
      expect(await store().getValue(NS, 'meeting-2')).toStrictEqual({ id: 'conv-2' });
      await expect(store().deleteValue(NS, 'meeting-1')).resolves.toBeUndefined();
      await expect(store().deleteValue(NS, 'never-stored')).resolves.toBeUndefined();
    });

    it.each([
      { method: 'putValue', call: (s: MeetingStore) => s.putValue(NS, 'meeting-1', undefined) },
      { method: 'claimValue', call: (s: MeetingStore) => s.claimValue(NS, 'meeting-1', undefined) },
      { method: 'putValue (a function)', call: (s: MeetingStore) => s.putValue(NS, 'meeting-1', () => 'card') },
    ])('refuses a value JSON cannot hold in $method, and stores nothing', async ({ call }) => {
      await expect(call(store())).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      expect(await store().getValue(NS, 'meeting-1')).toBeUndefined();
      expect(await store().claimValue(NS, 'meeting-1', 'first')).toBe(true);
    });

    it('refuses a NUL character in a namespace, key or prefix', async () => {
      await expect(store().putValue(NS, 'meeting\u00001', 1)).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      await expect(store().getValue(`${NS}\u0000`, 'meeting-1')).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      await expect(store().listValues(NS, 'meeting\u0000')).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
    });

    it('keeps entries across close and init, and refuses calls while closed', async () => {
      await store().putValue(NS, 'meeting-1', { id: 'conv-1' });
      expect(await store().claimValue('nudge.sent', 'act-reading', true)).toBe(true);
      await store().close();
      await expect(store().getValue(NS, 'meeting-1')).rejects.toThrow(/not open/);
      await expect(store().claimValue('nudge.sent', 'act-reading', true)).rejects.toThrow(/not open/);
      await store().init();

      expect(await store().getValue(NS, 'meeting-1')).toStrictEqual({ id: 'conv-1' });
      expect(await store().claimValue('nudge.sent', 'act-reading', true)).toBe(false);
      expect(await store().listValues(NS, '')).toHaveLength(1);
    });

    describe('claimValue', () => {
      it('inserts when the key is absent, then refuses and keeps the first value and its updatedAt', async () => {
        clock.set('2026-03-10T10:00:00.000Z');
        expect(await store().claimValue('nudge.sent', 'act-reading:2026-03-20', { by: 'first' })).toBe(true);
        clock.set('2026-03-10T10:05:00.000Z');
        expect(await store().claimValue('nudge.sent', 'act-reading:2026-03-20', { by: 'second' })).toBe(false);

        expect(await store().listValues('nudge.sent', '')).toStrictEqual([
          { key: 'act-reading:2026-03-20', value: { by: 'first' }, updatedAt: '2026-03-10T10:00:00.000Z' },
        ]);
      });

      it('claims again once the key is deleted, and never over a value that was put', async () => {
        await store().putValue('nudge.sent', 'k', 'put');
        expect(await store().claimValue('nudge.sent', 'k', 'claimed')).toBe(false);
        await store().deleteValue('nudge.sent', 'k');
        expect(await store().claimValue('nudge.sent', 'k', 'claimed')).toBe(true);
        expect(await store().getValue('nudge.sent', 'k')).toBe('claimed');
      });

      it('lets exactly one of twenty concurrent claims of a key win, and keeps the winner’s value', async () => {
        const claims = Array.from({ length: 20 }, (_, index) => store().claimValue('nudge.sent', 'act-laptop', { claimant: index }));
        const results = await Promise.all(claims);

        expect(results.filter((won) => won)).toHaveLength(1);
        expect(await store().getValue('nudge.sent', 'act-laptop')).toStrictEqual({ claimant: results.indexOf(true) });
      });
    });

    describe('listValues', () => {
      const putAll = async (namespace: string, keys: string[]) => {
        for (const key of keys) await store().putValue(namespace, key, { key });
      };
      const keysOf = async (namespace: string, prefix: string) => (await store().listValues(namespace, prefix)).map((entry) => entry.key);

      it('lists the namespace’s entries whose key starts with the prefix, in key order, with value and updatedAt', async () => {
        clock.set('2026-03-10T09:00:00.000Z');
        await putAll(NS, ['meeting-7:p-teacher', 'meeting-7:p-carer', 'meeting-70:p-carer', 'meeting-7', 'Meeting-7:p-x', 'meeting-8:p-carer']);
        await putAll('slack.message', ['meeting-7:p-teacher']);

        expect(await store().listValues(NS, 'meeting-7:')).toStrictEqual([
          { key: 'meeting-7:p-carer', value: { key: 'meeting-7:p-carer' }, updatedAt: '2026-03-10T09:00:00.000Z' },
          { key: 'meeting-7:p-teacher', value: { key: 'meeting-7:p-teacher' }, updatedAt: '2026-03-10T09:00:00.000Z' },
        ]);
        // '0' sorts before ':'.
        expect(await keysOf(NS, 'meeting-7')).toStrictEqual(['meeting-7', 'meeting-70:p-carer', 'meeting-7:p-carer', 'meeting-7:p-teacher']);
        expect(await keysOf(NS, 'meeting-9')).toStrictEqual([]);
      });

      it('orders keys by their characters, not as numbers or ignoring case', async () => {
        await putAll(NS, ['n:b', 'n:10', 'n:B', 'n:2', 'n:1', 'n:a']);
        expect(await keysOf(NS, 'n:')).toStrictEqual(['n:1', 'n:10', 'n:2', 'n:B', 'n:a', 'n:b']);
      });

      it('lists the whole namespace for an empty prefix, and nothing for an empty namespace', async () => {
        await putAll(NS, ['b', 'a']);
        await putAll('slack.message', ['c']);
        expect(await keysOf(NS, '')).toStrictEqual(['a', 'b']);
        expect(await keysOf('nudge.sent', '')).toStrictEqual([]);
      });

      // The listing reads a range that ends where the prefix's keys end: checked at the edges of Unicode.
      it.each(['m/', 'm\u{D7FF}', 'm\u{FFFF}', 'm\u{10FFFF}', '\u{10FFFF}', 'm\u{10FFFF}\u{10FFFF}'])('lists exactly the keys under %j, with any character after it', async (prefix) => {
        const under = ['', 'a', '\u{D7FF}', '\u{E000}', '\u{FFFF}', '\u{10000}', '\u{10FFFF}', '\u{10FFFF}z'].map((rest) => `${prefix}${rest}`);
        const around = ['m', 'm0', 'n', 'm\u{E000}', '\u{10FFFF}', 'z'].filter((key) => !key.startsWith(prefix));
        await putAll(NS, [...around, ...under]);
        expect(await keysOf(NS, prefix)).toStrictEqual([...under].sort(byUtf8));
      });

      // % and _ are LIKE wildcards; the rest mean something in a regular expression.
      it.each(['%', '_', '.', '*', '+', '?', '^', '$', '(', '[', '{', '|', '\\', '/'])('treats %s in the prefix literally', async (special) => {
        await putAll(NS, [`p${special}one`, 'pXone', `p${special}`, `q${special}one`, `p${special}${special}`, 'p']);
        expect(await keysOf(NS, `p${special}`)).toStrictEqual([`p${special}`, `p${special}${special}`, `p${special}one`].sort(byUtf8));
      });
    });
  });
}

/** How both databases compare text: byte by byte in UTF-8 (the same as code points). */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
