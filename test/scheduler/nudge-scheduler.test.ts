import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aMeeting, anAction, nextVersion } from '../support/meeting-fixture.js';
import { eventually, meetingWithAction, schedulerHarness, workKeys } from './fixtures/harness.js';
import type { Harness } from './fixtures/harness.js';

/** Before any nudge of the fixture meeting is due: every job is planned for later, none runs. */
const PLANNING_TIME = '2026-03-11T12:00:00Z';

describe('NudgeScheduler.syncMeeting', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await schedulerHarness(PLANNING_TIME);
  });

  afterEach(async () => {
    await h.close();
  });

  const keysOf = async () => workKeys(await h.pendingJobs());

  it('plans one job per nudge, due at its instant, carrying ids and no personal data', async () => {
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    expect(await h.scheduler().syncMeeting(meeting)).toEqual({ scheduled: 7, cancelled: 0 });

    const jobs = await h.pendingJobs();
    expect(workKeys(jobs)).toEqual([
      `${meeting.id}/weekly_digest/${meeting.id}/p-organiser/2026-03-16T09:00:00Z`,
      `${meeting.id}/action_before_due/act-reading/p-teacher/2026-03-18T09:00:00Z`,
      `${meeting.id}/action_due_today/act-reading/p-teacher/2026-03-20T09:00:00Z`,
      `${meeting.id}/action_overdue/act-reading/p-teacher/2026-03-23T09:00:00Z`,
      `${meeting.id}/weekly_digest/${meeting.id}/p-organiser/2026-03-23T09:00:00Z`,
      `${meeting.id}/action_escalation_organiser/act-reading/p-organiser/2026-03-24T09:00:00Z`,
      `${meeting.id}/action_escalation_vso/act-reading/p-officer/2026-03-31T08:00:00Z`,
    ]);
    const [first] = jobs;
    expect(first?.data).toEqual({
      work: 'nudge',
      key: expect.any(String),
      meetingId: meeting.id,
      kind: 'weekly_digest',
      itemId: meeting.id,
      recipientParticipantId: 'p-organiser',
      dueInstant: '2026-03-16T09:00:00Z',
    });
    // Agenda runs it as far from now as its instant is from the scheduler's clock.
    const expectedWait = Date.parse('2026-03-16T09:00:00Z') - Date.parse(PLANNING_TIME);
    expect(Math.abs(first!.nextRunAt!.getTime() - Date.now() - expectedWait)).toBeLessThan(5_000);

    const rows = JSON.stringify(jobs.map((job) => job.data));
    for (const secret of [...meeting.participants.flatMap((p) => [p.name, p.email ?? '']), meeting.actions[0]!.description, meeting.purpose]) {
      if (secret) expect(rows).not.toContain(secret);
    }
  });

  it('is idempotent: a second sync changes nothing', async () => {
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    await h.scheduler().syncMeeting(meeting);
    expect(await h.scheduler().syncMeeting(meeting)).toEqual({ scheduled: 0, cancelled: 0 });
    expect(await h.pendingJobs()).toHaveLength(7);
  });

  it('ends with the jobs of the newest version when the meeting is saved again while it plans (by another process, say)', async () => {
    await h.close();
    let whilePlanning: (() => Promise<void>) | undefined;
    h = await schedulerHarness(PLANNING_TIME, {
      preferences: async () => {
        const once = whilePlanning;
        whilePlanning = undefined;
        await once?.();
        return {};
      },
    });
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    const moved = nextVersion(meeting, { actions: [anAction({ id: 'act-reading', dueDate: '2026-03-27', createdAt: '2026-03-10T10:30:00Z' })] });
    whilePlanning = () => h.store.saveMeeting(moved, 1, { events: [] });

    await h.scheduler().syncMeeting(meeting);

    expect((await keysOf()).filter((key) => key.includes('action_due_today'))).toEqual([`${meeting.id}/action_due_today/act-reading/p-teacher/2026-03-27T09:00:00Z`]);
  });

  it('moves the action’s jobs when its due date moves, leaving the digests alone', async () => {
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    await h.scheduler().syncMeeting(meeting);
    const moved = nextVersion(meeting, { actions: [anAction({ id: 'act-reading', dueDate: '2026-03-27', createdAt: '2026-03-10T10:30:00Z' })] });
    await h.store.saveMeeting(moved, 1, { events: [] });
    expect(await h.scheduler().syncMeeting(moved)).toEqual({ scheduled: 5, cancelled: 5 });
    expect((await keysOf()).filter((key) => key.includes('act-reading'))).toEqual([
      `${meeting.id}/action_before_due/act-reading/p-teacher/2026-03-25T09:00:00Z`,
      `${meeting.id}/action_due_today/act-reading/p-teacher/2026-03-27T09:00:00Z`,
      `${meeting.id}/action_overdue/act-reading/p-teacher/2026-03-30T08:00:00Z`,
      `${meeting.id}/action_escalation_organiser/act-reading/p-organiser/2026-03-31T08:00:00Z`,
      // Five working days on, less Good Friday and Easter Monday.
      `${meeting.id}/action_escalation_vso/act-reading/p-officer/2026-04-09T08:00:00Z`,
    ]);
  });

  it('cancels every job of an action once it is done, and of a meeting once it is cancelled', async () => {
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    await h.scheduler().syncMeeting(meeting);
    const done = nextVersion(meeting, { actions: [{ ...meeting.actions[0]!, status: 'done', completedAt: '2026-03-11T12:00:00Z' }] });
    await h.store.saveMeeting(done, 1, { events: [] });
    expect(await h.scheduler().syncMeeting(done)).toEqual({ scheduled: 0, cancelled: 7 });
    expect(await h.pendingJobs()).toEqual([]);

    const preparing = aMeeting({
      status: 'invited',
      startsAt: '2026-03-27T10:00:00Z',
      participants: meeting.participants.map((p) => (p.id === 'p-organiser' ? p : { ...p, invitedAt: '2026-03-09T10:00:00Z', rsvp: undefined })),
      actions: [],
    });
    await h.store.createMeeting(preparing, { events: [] });
    expect(await h.scheduler().syncMeeting(preparing)).toEqual({ scheduled: 5, cancelled: 0 });
    // Invited two days ago, the three who have not answered are chased at once: a job due when it is saved runs then, not at the next poll.
    await eventually(() => expect(h.recorder.sent.map(({ nudge }) => nudge.kind)).toEqual(['rsvp_chaser', 'rsvp_chaser', 'rsvp_chaser']));
    await eventually(async () => expect((await keysOf()).map((key) => key.split('/')[1])).toEqual(['carer_questions', 'meeting_reminder']));
    const cancelled = nextVersion(preparing, { status: 'cancelled', cancelledReason: 'Placement moved.' });
    await h.store.saveMeeting(cancelled, 1, { events: [] });
    expect(await h.scheduler().syncMeeting(cancelled)).toEqual({ scheduled: 0, cancelled: 2 });
    expect(await h.pendingJobs()).toEqual([]);
  });

  it('leaves a job that is running to finish, rather than removing it under Agenda', async () => {
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    await h.scheduler().syncMeeting(meeting);
    const running = (await h.pendingJobs()).find((job) => workKeys([job])[0]!.includes('/action_due_today/'))!;
    // As Agenda leaves a one-off job while it runs: locked, with no next run.
    await h.jobs.saveJobState({ ...running, lockedAt: new Date(), nextRunAt: null }, undefined);

    const done = nextVersion(meeting, { actions: [{ ...meeting.actions[0]!, status: 'done', completedAt: '2026-03-11T12:00:00Z' }] });
    await h.store.saveMeeting(done, 1, { events: [] });
    expect(await h.scheduler().syncMeeting(done)).toEqual({ scheduled: 0, cancelled: 6 });
    expect((await h.pendingJobs()).map((job) => String(job._id))).toEqual([String(running._id)]);
  });

  it('plans the newest version even when handed a stale copy, or two syncs at once', async () => {
    const meeting = meetingWithAction();
    await h.store.createMeeting(meeting, { events: [] });
    const moved = nextVersion(meeting, { actions: [anAction({ id: 'act-reading', dueDate: '2026-03-27', createdAt: '2026-03-10T10:30:00Z' })] });
    await h.store.saveMeeting(moved, 1, { events: [] });
    await Promise.all([h.scheduler().syncMeeting(meeting), h.scheduler().syncMeeting(moved), h.scheduler().syncMeeting(meeting)]);
    const keys = await keysOf();
    expect(keys).toHaveLength(7);
    expect(keys).toContain(`${meeting.id}/action_due_today/act-reading/p-teacher/2026-03-27T09:00:00Z`);
  });

  it('schedules the next PEP’s preparation 15 school days before the review date when the meeting closes', async () => {
    const closed = aMeeting({ status: 'concluded', nextReviewDate: '2027-01-20', concludedAt: '2026-03-10T11:00:00Z', actions: [] });
    await h.store.createMeeting(closed, { events: [] });
    expect(await h.scheduler().syncMeeting(closed)).toEqual({ scheduled: 1, cancelled: 0 });
    const [job] = await h.pendingJobs();
    expect(job).toMatchObject({
      name: 'pep-next-meeting',
      data: { work: 'next-meeting', meetingId: closed.id, reviewDate: '2027-01-20', dueInstant: '2026-12-29T09:00:00Z' },
    });
  });
});
