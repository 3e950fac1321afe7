import { describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import { aMeeting, anAuditEvent, nextVersion } from '../support/meeting-fixture.js';
import { refusal } from './refusal.js';

/** createMeeting and saveMeeting: versions, conflicts, and "a refused write writes nothing". */
export function writesContract(store: () => MeetingStore): void {
  describe('createMeeting and getMeeting', () => {
    it('reads back exactly the meeting it stored', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      expect(await store().getMeeting(meeting.id)).toStrictEqual(meeting);
    });

    it('returns undefined for an id it has never seen', async () => {
      expect(await store().getMeeting('meeting-never-created')).toBeUndefined();
    });

    it('refuses a second meeting with the same id and writes nothing for it', async () => {
      const first = aMeeting();
      await store().createMeeting(first, { events: [anAuditEvent(first.id)] });
      const duplicate = aMeeting({ id: first.id, purpose: 'Someone else’s meeting' });
      const idempotency = { key: 'web:duplicate:p-organiser', result: {}, at: '2026-03-10T10:00:00Z' };
      await expect(store().createMeeting(duplicate, { events: [anAuditEvent(first.id)], idempotency })).rejects.toEqual(
        refusal('STORE.CONFLICT'),
      );
      expect(await store().getMeeting(first.id)).toStrictEqual(first);
      expect(await store().auditTrail(first.id)).toHaveLength(1);
      expect(await store().getIdempotency(idempotency.key)).toBeUndefined();
    });

    it('refuses a new meeting whose version is not 1', async () => {
      const meeting = aMeeting({ version: 2 });
      await expect(store().createMeeting(meeting, { events: [] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      expect(await store().getMeeting(meeting.id)).toBeUndefined();
    });

    it('refuses audit events about another meeting', async () => {
      const meeting = aMeeting();
      const events = [anAuditEvent('meeting-somewhere-else')];
      await expect(store().createMeeting(meeting, { events })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      expect(await store().getMeeting(meeting.id)).toBeUndefined();
    });
  });

  describe('saveMeeting', () => {
    it('replaces the meeting when the stored version is the expected one', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      const v2 = nextVersion(meeting, { status: 'concluded', nextReviewDate: '2026-07-10' });
      await store().saveMeeting(v2, 1, { events: [] });
      expect(await store().getMeeting(meeting.id)).toStrictEqual(v2);
    });

    it('drops an optional field cleared with undefined, as JSON would', async () => {
      const meeting = aMeeting({ nextReviewDate: '2026-07-10' });
      await store().createMeeting(meeting, { events: [] });
      const actions = meeting.actions.map((action) => ({ ...action, blockedReason: undefined }));
      await store().saveMeeting(nextVersion(meeting, { actions, nextReviewDate: undefined }), 1, { events: [] });

      const stored = await store().getMeeting(meeting.id);
      expect(stored).toEqual(nextVersion(meeting, { actions, nextReviewDate: undefined }));
      expect(stored).not.toHaveProperty('nextReviewDate');
      expect(stored?.actions.map((action) => 'blockedReason' in action)).toStrictEqual([false, false, false]);
    });

    it('refuses a stale version with STORE.CONFLICT and writes nothing, not even audit events', async () => {
      const meeting = aMeeting();
      const created = anAuditEvent(meeting.id, { type: 'createMeeting' });
      await store().createMeeting(meeting, { events: [created] });
      const winner = nextVersion(meeting, { purpose: 'Saved first' });
      const winnerEvent = anAuditEvent(meeting.id);
      await store().saveMeeting(winner, 1, { events: [winnerEvent] });

      const stale = nextVersion(meeting, { purpose: 'Saved from a stale read' });
      const idempotency = { key: 'teams:stale:p-teacher', result: { ok: true }, at: '2026-03-10T11:00:00Z' };
      await expect(store().saveMeeting(stale, 1, { events: [anAuditEvent(meeting.id)], idempotency })).rejects.toEqual(
        refusal('STORE.CONFLICT'),
      );

      expect(await store().getMeeting(meeting.id)).toStrictEqual(winner);
      expect(await store().auditTrail(meeting.id)).toStrictEqual([created, winnerEvent]);
      expect(await store().getIdempotency(idempotency.key)).toBeUndefined();
    });

    it('refuses to save a meeting that was never created', async () => {
      const meeting = nextVersion(aMeeting());
      await expect(store().saveMeeting(meeting, 1, { events: [] })).rejects.toEqual(refusal('STORE.CONFLICT'));
      expect(await store().getMeeting(meeting.id)).toBeUndefined();
    });

    it('refuses a meeting whose version is not expectedVersion + 1', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      const skipped = { ...nextVersion(meeting), version: 3 };
      await expect(store().saveMeeting(skipped, 1, { events: [] })).rejects.toEqual(refusal('VALIDATION.INVALID_INPUT'));
      expect(await store().getMeeting(meeting.id)).toStrictEqual(meeting);
    });

    it('lets exactly one of two concurrent writers at the same version win', async () => {
      const meeting = aMeeting();
      await store().createMeeting(meeting, { events: [] });
      const writers = ['Writer A', 'Writer B'].map((purpose) => ({
        meeting: nextVersion(meeting, { purpose }),
        event: anAuditEvent(meeting.id, { summary: purpose }),
      }));

      const results = await Promise.allSettled(
        writers.map((writer) => store().saveMeeting(writer.meeting, 1, { events: [writer.event] })),
      );

      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')?.reason).toEqual(refusal('STORE.CONFLICT'));
      const winner = writers[results.findIndex((result) => result.status === 'fulfilled')];
      expect(await store().getMeeting(meeting.id)).toStrictEqual(winner?.meeting);
      expect(await store().auditTrail(meeting.id)).toStrictEqual([winner?.event]);
    });
  });

  describe('auditTrail', () => {
    it('returns a meeting’s events oldest first, in the order they were written, whatever their `at`', async () => {
      const meeting = aMeeting();
      const other = aMeeting();
      const first = anAuditEvent(meeting.id, { at: '2026-03-10T10:05:00Z' });
      const second = anAuditEvent(meeting.id, { at: '2026-03-10T10:00:00Z' });
      const third = anAuditEvent(meeting.id, { at: '2026-03-10T09:00:00Z' });
      const fourth = anAuditEvent(meeting.id, { at: '2026-03-10T10:00:00+01:00' });
      await store().createMeeting(meeting, { events: [first, second] });
      await store().createMeeting(other, { events: [anAuditEvent(other.id)] });
      const v2 = nextVersion(meeting);
      await store().saveMeeting(v2, 1, { events: [third] });
      await store().saveMeeting(nextVersion(v2), 2, { events: [fourth] });

      expect(await store().auditTrail(meeting.id)).toStrictEqual([first, second, third, fourth]);
      expect(await store().auditTrail(other.id)).toHaveLength(1);
    });

    it('returns no events for a meeting it has never seen', async () => {
      expect(await store().auditTrail('meeting-never-created')).toStrictEqual([]);
    });
  });
}
