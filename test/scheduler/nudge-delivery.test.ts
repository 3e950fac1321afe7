import { afterEach, describe, expect, it } from 'vitest';
import { deliveryLedger } from '../../src/scheduler/delivery-ledger.js';
import { aMeeting, nextVersion } from '../support/meeting-fixture.js';
import { eventually, meetingWithAction, schedulerHarness, workKeys } from './fixtures/harness.js';
import type { Harness } from './fixtures/harness.js';

/** Tuesday 24 March 2026, midday: the overdue nudge (23rd) and the organiser's escalation (24th, 09:00) are due. */
const AFTER_ESCALATION = '2026-03-24T12:00:00Z';
const overdueKey = (meetingId: string) => `${meetingId}/action_overdue/act-reading/p-teacher/${encodeURIComponent('2026-03-23T09:00:00Z')}`;

describe('delivering nudges', () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function start(now: string) {
    h = await schedulerHarness(now);
    return h;
  }

  const ledgerOf = (harness: Harness) => deliveryLedger(harness.store, harness.clock);
  const states = async (harness: Harness, key: string) => (await ledgerOf(harness).history(key)).map((a) => ('reason' in a ? `${a.state}: ${a.reason}` : a.state));

  it('sends each due nudge once, records it, and does not plan it again', async () => {
    const harness = await start(AFTER_ESCALATION);
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);

    await eventually(() => expect(harness.recorder.sent).toHaveLength(2));
    expect(harness.recorder.sent.map(({ nudge }) => `${nudge.kind} → ${nudge.recipientParticipantId}`).sort()).toEqual([
      'action_escalation_organiser → p-organiser',
      'action_overdue → p-teacher',
    ]);
    const settled = await eventually(async () => {
      const keys = await ledgerOf(harness).settledKeys(meeting.id);
      expect(keys.size).toBe(2);
      return keys;
    });
    for (const key of settled) expect(await states(harness, key)).toEqual(['delivered']);
    expect(await harness.scheduler().syncMeeting(meeting)).toEqual({ scheduled: 0, cancelled: 0 });
    // The officer's escalation and two digests are still to come.
    expect(workKeys(await harness.pendingJobs()).map((key) => key.split('/')[1])).toEqual(['weekly_digest', 'action_escalation_vso', 'weekly_digest']);
    expect(harness.recorder.sent).toHaveLength(2);
  });

  it('reads the meeting again when the job wakes: an action done since is not nudged', async () => {
    const harness = await start('2026-03-11T12:00:00Z');
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);
    // Done through a path that did not sync (say, a crash between the save and the sync).
    await harness.store.saveMeeting(nextVersion(meeting, { actions: [{ ...meeting.actions[0]!, status: 'done', completedAt: '2026-03-19T10:00:00Z' }] }), 1, { events: [] });
    harness.clock.set(AFTER_ESCALATION);
    await harness.makeDue((job) => (job.data as { kind: string }).kind === 'action_overdue');

    // The woken job finds nothing to send and re-syncs the meeting, which clears the rest.
    await eventually(async () => expect(await harness.pendingJobs()).toEqual([]));
    expect(harness.recorder.sent).toEqual([]);
  });

  it('sends nothing for a due date moved since the job was planned, and plans the new dates', async () => {
    const harness = await start('2026-03-11T12:00:00Z');
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);
    const moved = nextVersion(meeting, { actions: [{ ...meeting.actions[0]!, dueDate: '2026-03-27', dueAt: '2026-03-28T00:00:00Z' }] });
    await harness.store.saveMeeting(moved, 1, { events: [] });
    harness.clock.set(AFTER_ESCALATION);
    await harness.makeDue();

    await eventually(async () => {
      const keys = workKeys(await harness.pendingJobs());
      expect(keys.filter((key) => key.includes('act-reading'))).toHaveLength(5);
      expect(keys.every((key) => !key.includes('2026-03-23') && !key.includes('2026-03-24'))).toBe(true);
    });
    expect(harness.recorder.sent).toEqual([]);
  });

  it('puts back a job that wakes before its nudge is due by the scheduler’s clock, without sending', async () => {
    const harness = await start('2026-03-11T12:00:00Z');
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);
    const early = (job: { data: unknown }) => (job.data as { kind: string }).kind === 'action_before_due';
    await harness.makeDue(early);

    const untilDue = Date.parse('2026-03-18T09:00:00Z') - Date.parse('2026-03-11T12:00:00Z');
    await eventually(async () => {
      const job = (await harness.pendingJobs()).find(early);
      expect(job?.lastFinishedAt).toBeInstanceOf(Date);
      expect(job!.nextRunAt!.getTime() - Date.now()).toBeGreaterThan(untilDue - 60_000);
    });
    expect(harness.recorder.sent).toEqual([]);
  });

  it('retries a retryable failure with backoff, then delivers once', async () => {
    const harness = await start(AFTER_ESCALATION);
    let overdueCalls = 0;
    harness.recorder.answerWith((nudge) => {
      if (nudge.kind === 'action_overdue' && ++overdueCalls === 1) return { delivered: false, reason: 'HTTP 429 Too Many Requests', retryable: true };
      if (nudge.kind === 'action_overdue' && overdueCalls === 2) throw new Error('socket hang up');
      return { delivered: true, ref: { channel: 'slack', conversationId: 'D0TEACHER', messageId: '1710000000.000100' } };
    });
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);

    await eventually(async () =>
      expect(await states(harness, overdueKey(meeting.id))).toEqual(['failed: HTTP 429 Too Many Requests', 'failed: socket hang up', 'delivered']),
    );
    expect((await ledgerOf(harness).history(overdueKey(meeting.id))).at(-1)).toMatchObject({ ref: { channel: 'slack', messageId: '1710000000.000100' } });
    expect(overdueCalls).toBe(3);
    expect(harness.undeliverable).toEqual([]);
  });

  it('reports a nudge as undeliverable once its retries run out', async () => {
    const harness = await start(AFTER_ESCALATION);
    harness.recorder.answerWith((nudge) =>
      nudge.kind === 'action_overdue'
        ? { delivered: false, reason: 'request timed out', retryable: true }
        : { delivered: true, ref: { channel: 'teams', conversationId: 'a:1', messageId: '1' } },
    );
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);

    await eventually(() => expect(harness.undeliverable).toHaveLength(1));
    expect(harness.undeliverable[0]).toEqual({
      nudge: { meetingId: meeting.id, kind: 'action_overdue', itemId: 'act-reading', recipientParticipantId: 'p-teacher', dueInstant: '2026-03-23T09:00:00Z' },
      reason: 'gave up after 3 attempts: request timed out',
    });
    await eventually(async () =>
      expect(await states(harness, overdueKey(meeting.id))).toEqual(['failed: request timed out', 'failed: request timed out', 'undeliverable: gave up after 3 attempts: request timed out']),
    );
    expect(await harness.scheduler().syncMeeting(meeting)).toEqual({ scheduled: 0, cancelled: 0 });
  });

  it('reports a non-retryable failure at once, without retrying, and again if reporting it failed', async () => {
    const harness = await start(AFTER_ESCALATION);
    harness.recorder.answerWith((nudge) =>
      nudge.recipientParticipantId === 'p-teacher'
        ? { delivered: false, reason: 'the bot is not installed for this user', retryable: false }
        : { delivered: true, ref: { channel: 'teams', conversationId: 'a:1', messageId: '1' } },
    );
    let reports = 0;
    harness.reportWith((nudge, reason) => {
      reports += 1;
      if (reports === 1) throw new Error('the organiser’s channel is down too');
      harness.undeliverable.push({ nudge, reason });
    });
    const meeting = meetingWithAction();
    await harness.store.createMeeting(meeting, { events: [] });
    await harness.scheduler().syncMeeting(meeting);

    await eventually(() => expect(harness.undeliverable.map((u) => u.reason)).toEqual(['the bot is not installed for this user']));
    await eventually(async () =>
      expect(await states(harness, overdueKey(meeting.id))).toEqual([
        'failed: the bot is not installed for this user (and reporting it failed: the organiser’s channel is down too)',
        'undeliverable: the bot is not installed for this user',
      ]),
    );
    expect(reports).toBe(2);
    expect(workKeys(await harness.pendingJobs()).some((key) => key.includes('action_overdue'))).toBe(false);
  });

  it('prepares the next PEP once, when its day comes', async () => {
    const harness = await start(AFTER_ESCALATION);
    // Review on 14 April: 15 school days before, less Easter, is Friday 20 March.
    const closed = aMeeting({ status: 'concluded', nextReviewDate: '2026-04-14', concludedAt: '2026-03-10T11:00:00Z', actions: [] });
    await harness.store.createMeeting(closed, { events: [] });
    await harness.scheduler().syncMeeting(closed);

    await eventually(() => expect(harness.prepared).toEqual([closed.id]));
    await eventually(async () => expect(await ledgerOf(harness).settledKeys(closed.id)).toEqual(new Set([`${closed.id}/next-meeting/2026-04-14`])));
    expect(await harness.scheduler().syncMeeting(closed)).toEqual({ scheduled: 0, cancelled: 0 });
    expect(harness.prepared).toEqual([closed.id]);
  });
});
