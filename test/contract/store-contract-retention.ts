import { describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';
import type { SettableClock } from './settable-clock.js';

const FAR = '2100-01-01T00:00:00Z';
const link = (id: string, expiresAt: string) => ({
  id,
  tokenHash: id.padEnd(64, '0').replace(/[^a-f0-9]/g, 'a').slice(0, 64),
  participantId: 'p-carer',
  purpose: 'invitation' as const,
  singleUse: false,
  issuedBy: 'p-organiser',
  issuedAt: '2026-01-01T09:00:00Z',
  expiresAt,
});

/** The retention port: records listed a page at a time by date (as instants), removed by key. */
export function retentionContract(store: () => MeetingStore, clock: SettableClock): void {
  describe('retention', () => {
    it('lists closed meetings not yet anonymised, dated by concludedAt (or their last change), comparing instants across offsets', async () => {
      const concluded = aMeeting({ status: 'concluded', concludedAt: '2026-01-10T10:00:00+05:00' });
      const cancelled = aMeeting({ status: 'cancelled', updatedAt: '2026-01-12T10:00:00Z' });
      const open = aMeeting({ status: 'in_progress', updatedAt: '2020-01-01T00:00:00Z' });
      const anonymised = aMeeting({ status: 'concluded', concludedAt: '2019-01-01T00:00:00Z', anonymised: { at: '2026-01-01T00:00:00Z', closedAt: '2019-01-01T00:00:00Z' } });
      for (const meeting of [concluded, cancelled, open, anonymised]) await store().createMeeting(meeting, { events: [] });

      const listed = await store().heldRecords('closed-meeting', { before: FAR, limit: 10 });
      expect(listed).toEqual(
        [
          { key: concluded.id, at: '2026-01-10T10:00:00+05:00' },
          { key: cancelled.id, at: '2026-01-12T10:00:00Z' },
        ].sort((a, b) => a.key.localeCompare(b.key)),
      );
      // 10:00+05:00 is 05:00Z: before 06:00Z, though not as text.
      expect(await store().heldRecords('closed-meeting', { before: '2026-01-10T06:00:00Z', limit: 10 })).toEqual([{ key: concluded.id, at: '2026-01-10T10:00:00+05:00' }]);
      expect(await store().heldRecords('anonymised-meeting', { before: FAR, limit: 10 })).toEqual([{ key: anonymised.id, at: '2019-01-01T00:00:00Z' }]);
    });

    it('pages in key order after the last key, at most `limit` a page', async () => {
      for (let n = 0; n < 5; n += 1) await store().createMeeting(aMeeting({ id: `closed-${n}`, status: 'cancelled' }), { events: [] });
      const first = await store().heldRecords('closed-meeting', { before: FAR, limit: 2 });
      const second = await store().heldRecords('closed-meeting', { before: FAR, after: first.at(-1)?.key, limit: 2 });
      const third = await store().heldRecords('closed-meeting', { before: FAR, after: second.at(-1)?.key, limit: 2 });
      expect([...first, ...second, ...third].map((record) => record.key)).toEqual(['closed-0', 'closed-1', 'closed-2', 'closed-3', 'closed-4']);
    });

    it('lists secure links by expiry, keyed by meeting and link', async () => {
      const meeting = aMeeting({ links: [link('la', '2026-02-01T00:00:00Z'), link('lb', '2026-04-01T00:00:00Z')] });
      await store().createMeeting(meeting, { events: [] });
      expect(await store().heldRecords('secure-link', { before: '2026-03-01T00:00:00Z', limit: 10 })).toEqual([{ key: `${meeting.id}/la`, at: '2026-02-01T00:00:00Z' }]);
    });

    it('lists and removes idempotency records and key-value entries of one namespace by date', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [], idempotency: { key: 'old-click', result: {}, at: '2026-01-01T00:00:00Z' } });
      await store().saveMeeting(nextVersion(meeting), 1, { events: [], idempotency: { key: 'new-click', result: {}, at: '2026-03-01T00:00:00Z' } });
      clock.set('2026-01-01T00:00:00Z');
      await store().putValue('card-ref', 'old', { id: 1 });
      await store().putValue('nudge-preferences', 'old', { quiet: true });
      clock.set('2026-03-01T00:00:00Z');
      await store().putValue('card-ref', 'new', { id: 2 });

      const cutoff = '2026-02-01T00:00:00Z';
      expect(await store().heldRecords('idempotency', { before: cutoff, limit: 10 })).toEqual([{ key: 'old-click', at: '2026-01-01T00:00:00Z' }]);
      expect(await store().heldRecords({ namespace: 'card-ref' }, { before: cutoff, limit: 10 })).toEqual([{ key: 'old', at: '2026-01-01T00:00:00.000Z' }]);

      expect(await store().removeHeld('idempotency', ['old-click'])).toBe(1);
      expect(await store().removeHeld({ namespace: 'card-ref' }, ['old'])).toBe(1);
      expect(await store().getIdempotency('old-click')).toBeUndefined();
      expect(await store().getIdempotency('new-click')).toBeDefined();
      expect(await store().getValue('card-ref', 'old')).toBeUndefined();
      expect(await store().getValue('card-ref', 'new')).toEqual({ id: 2 });
      expect(await store().getValue('nudge-preferences', 'old')).toEqual({ quiet: true });
    });

    it('lists settled outbox rows by when they settled, never pending ones', async () => {
      const meeting = aMeeting();
      const message = (n: number) => ({ id: `${meeting.id}/v1/${n}`, meetingId: meeting.id, message: { kind: 'replan' }, createdAt: '2026-01-01T00:00:00Z' });
      await store().createMeeting(meeting, { events: [], outbox: [message(1), message(2)] });
      await store().settleOutbox(`${meeting.id}/v1/1`, { state: 'sent' }, '2026-01-02T00:00:00Z');
      expect(await store().heldRecords('outbox', { before: FAR, limit: 10 })).toEqual([{ key: `${meeting.id}/v1/1`, at: '2026-01-02T00:00:00Z' }]);
      expect(await store().removeHeld('outbox', [`${meeting.id}/v1/1`, `${meeting.id}/v1/2`])).toBe(1);
      expect((await store().outboxOf(meeting.id)).map((row) => row.id)).toEqual([`${meeting.id}/v1/2`]);
    });

    it('removes an anonymised meeting with its whole audit trail and outbox rows; refuses one not anonymised', async () => {
      const kept = aMeeting({ status: 'cancelled' });
      const gone = aMeeting({ status: 'cancelled', anonymised: { at: '2026-01-01T00:00:00Z', closedAt: '2019-01-01T00:00:00Z' }, links: [link('lc', '2019-02-01T00:00:00Z')] });
      for (const meeting of [kept, gone]) {
        await store().createMeeting(meeting, { events: [anAuditEvent(meeting.id)], outbox: [{ id: `${meeting.id}/v1/1`, meetingId: meeting.id, message: { kind: 'replan' }, createdAt: '2026-01-01T00:00:00Z' }] });
      }
      await store().putValue('access-log', `${gone.id}/2026-01-01T00:00:00Z/a1`, { what: 'plan_page' });
      await store().putValue('access-log', `${kept.id}/2026-01-01T00:00:00Z/a2`, { what: 'plan_page' });
      await store().putValue('access-log', `${gone.id}0/2026-01-01T00:00:00Z/a3`, { what: 'plan_page' });
      expect(await store().removeHeld('anonymised-meeting', [kept.id, gone.id])).toBe(1);
      // Its access log goes with it; another meeting's, even one whose id starts the same, stays.
      expect((await store().listValues('access-log', '')).map((entry) => entry.key)).toEqual([`${gone.id}0/2026-01-01T00:00:00Z/a3`, `${kept.id}/2026-01-01T00:00:00Z/a2`].sort());
      expect(await store().getMeeting(gone.id)).toBeUndefined();
      expect(await store().auditTrail(gone.id)).toEqual([]);
      expect(await store().outboxOf(gone.id)).toEqual([]);
      expect(await store().meetingOfLinkToken(gone.links[0]?.tokenHash ?? '')).toBeUndefined();
      expect(await store().getMeeting(kept.id)).toBeDefined();
      expect(await store().auditTrail(kept.id)).toHaveLength(1);
    });

    it('redacts the data of chosen audit entries, keeping every entry in order with its id, time, actor, type and summary', async () => {
      const meeting = aMeeting();
      const first = anAuditEvent(meeting.id, { data: { text: 'Chris said the child is unhappy' } });
      const second = anAuditEvent(meeting.id, { data: { answer: 'accept' } });
      await store().createMeeting(meeting, { events: [first, second] });
      expect(await store().redactAudit(meeting.id, [first.id], 'erasure')).toBe(1);
      expect(await store().redactAudit(meeting.id, [first.id], 'erasure')).toBe(0);
      expect(await store().auditTrail(meeting.id)).toEqual([{ ...first, data: { redacted: 'erasure' } }, second]);
      await expect(store().forgetRemoved()).resolves.toBeUndefined();
    });
  });
}
