import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/ports/outbox.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';
import { refusal } from './refusal.js';

const AT = '2026-03-10T09:00:00.000Z';
const LEASE = { leaseMs: 60_000, limit: 50 };
const later = (ms: number) => new Date(Date.parse(AT) + ms).toISOString();

const message = (meetingId: string, n: number, extra: Record<string, unknown> = {}): OutboxMessage => ({
  id: `${meetingId}/v2/${n}`,
  meetingId,
  createdAt: AT,
  message: { kind: 'direct', participantId: 'p-teacher', show: { card: 'invitation', participantId: 'p-teacher' }, mode: 'send', ...extra },
});

const aLink = { id: 'link-1', tokenHash: 'a'.repeat(64), participantId: 'p-carer', purpose: 'invitation' as const, singleUse: true, issuedBy: 'p-organiser', issuedAt: AT, expiresAt: '2026-03-24T09:00:00Z' };

/** The outbox: queued with the change or not at all, leased to one worker per meeting, settled once. */
export function outboxContract(store: () => MeetingStore): void {
  async function savedWith(messages: OutboxMessage[], meeting = aMeeting()) {
    await store().createMeeting(meeting, { events: [] });
    await store().saveMeeting(nextVersion(meeting), 1, { events: [anAuditEvent(meeting.id)], outbox: messages });
    return meeting;
  }

  describe('outbox', () => {
    it('queues the messages a saved change promises, in order, pending', async () => {
      const meeting = aMeeting();
      await savedWith([message(meeting.id, 1), message(meeting.id, 2)], meeting);
      expect((await store().outboxOf(meeting.id)).map((m) => [m.id, m.state, m.attempts])).toEqual([
        [`${meeting.id}/v2/1`, 'pending', 0],
        [`${meeting.id}/v2/2`, 'pending', 0],
      ]);
    });

    it('queues nothing when the change is refused', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      await store().saveMeeting(nextVersion(meeting), 1, { events: [] });
      await expect(store().saveMeeting(nextVersion(meeting, { purpose: 'stale' }), 1, { events: [], outbox: [message(meeting.id, 1)] })).rejects.toEqual(refusal('STORE.CONFLICT'));
      expect(await store().outboxOf(meeting.id)).toEqual([]);
    });

    it('refuses a message about another meeting, and saves nothing', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      await expect(store().saveMeeting(nextVersion(meeting), 1, { events: [], outbox: [message('meeting-elsewhere', 1)] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      expect((await store().getMeeting(meeting.id))?.version).toBe(1);
    });

    it('leases a meeting’s messages to one claim at a time, and counts each claim as an attempt', async () => {
      const meeting = await savedWith([message('meeting-1', 1), message('meeting-1', 2)], aMeeting({ id: 'meeting-1' }));
      const first = await store().claimOutbox({ now: AT, ...LEASE });
      expect(first.map((m) => [m.id, m.attempts])).toEqual([
        [`${meeting.id}/v2/1`, 1],
        [`${meeting.id}/v2/2`, 1],
      ]);
      expect(await store().claimOutbox({ now: AT, ...LEASE })).toEqual([]);
      // The worker died: once its lease ends, another takes the messages over.
      const takenOver = await store().claimOutbox({ now: later(60_001), ...LEASE });
      expect(takenOver.map((m) => m.attempts)).toEqual([2, 2]);
    });

    it('gives one meeting’s new messages to no other claim while its earlier ones are leased', async () => {
      const meeting = await savedWith([message('meeting-1', 1)], aMeeting({ id: 'meeting-1' }));
      expect(await store().claimOutbox({ now: AT, ...LEASE })).toHaveLength(1);
      await store().saveMeeting(nextVersion(nextVersion(meeting)), 2, { events: [], outbox: [{ ...message(meeting.id, 1), id: `${meeting.id}/v3/1` }] });
      expect(await store().claimOutbox({ now: AT, ...LEASE })).toEqual([]);
      await store().settleOutbox(`${meeting.id}/v2/1`, { state: 'sent' }, AT);
      expect((await store().claimOutbox({ now: AT, ...LEASE })).map((m) => m.id)).toEqual([`${meeting.id}/v3/1`]);
    });

    it('settles sent with the platform’s message id, and forgets the link’s secret', async () => {
      const meeting = aMeeting();
      const token = 'T'.repeat(43);
      await savedWith([message(meeting.id, 1, { link: { linkId: 'link-1', token, opens: 'card' } })], meeting);
      await store().claimOutbox({ now: AT, ...LEASE });
      const ref = { channel: 'teams' as const, conversationId: 'a:dana', messageId: 'activity-1' };
      await store().settleOutbox(`${meeting.id}/v2/1`, { state: 'sent', ref }, AT);
      const [sent] = await store().outboxOf(meeting.id);
      expect(sent).toMatchObject({ state: 'sent', ref, attempts: 1 });
      expect(JSON.stringify(sent)).not.toContain(token);
      expect(await store().claimOutbox({ now: later(120_000), ...LEASE })).toEqual([]);
    });

    it('puts a retry back in the queue, not before its time', async () => {
      const meeting = aMeeting();
      await savedWith([message(meeting.id, 1)], meeting);
      await store().claimOutbox({ now: AT, ...LEASE });
      await store().settleOutbox(`${meeting.id}/v2/1`, { state: 'retry', reason: 'Teams answered 429', dueAt: later(30_000) }, AT);
      expect(await store().claimOutbox({ now: later(29_999), ...LEASE })).toEqual([]);
      const retried = await store().claimOutbox({ now: later(30_000), ...LEASE });
      expect(retried).toMatchObject([{ attempts: 2, reason: 'Teams answered 429', state: 'pending' }]);
    });

    it('keeps a message given up as failed, with the reason, and never hands it out again', async () => {
      const meeting = aMeeting();
      await savedWith([message(meeting.id, 1)], meeting);
      await store().claimOutbox({ now: AT, ...LEASE });
      await store().settleOutbox(`${meeting.id}/v2/1`, { state: 'failed', reason: 'Not installed' }, AT);
      expect(await store().outboxOf(meeting.id)).toMatchObject([{ state: 'failed', reason: 'Not installed' }]);
      expect(await store().claimOutbox({ now: later(3_600_000), ...LEASE })).toEqual([]);
    });

    it('finds the meeting of a secure link by its token hash, written with the meeting', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      expect(await store().meetingOfLinkToken(aLink.tokenHash)).toBeUndefined();
      await store().saveMeeting(nextVersion(meeting, { links: [aLink] }), 1, { events: [] });
      expect(await store().meetingOfLinkToken(aLink.tokenHash)).toBe(meeting.id);
    });
  });
}
