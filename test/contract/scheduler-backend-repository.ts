import type { JobParameters } from 'agenda';
import { describe, expect, it } from 'vitest';
import { failedJobs } from '../../src/scheduler/failed-jobs.js';
import type { BackendUnderTest, FailReasonStorage } from './scheduler-backend-contract.js';
import { MINUTE, SECOND, aJob, inMs } from './scheduler-backend-fixtures.js';

/** Lock deadline and scan horizon as Agenda computes them, for a 10-minute lock and a 5-second poll. */
const scan = () => ({ nextScanAt: inMs(5 * SECOND), lockDeadline: inMs(-10 * MINUTE), now: new Date() });

/** The JobRepository calls Agenda makes, checked directly. */
export function repositoryContract(subject: () => BackendUnderTest, failReasons: FailReasonStorage): void {
  const repo = () => subject().repository;
  const save = (overrides: Partial<JobParameters> = {}) => repo().saveJob(aJob(overrides), undefined);
  const next = (name = 'contract-job') => {
    const { nextScanAt, lockDeadline, now } = scan();
    return repo().getNextJobToRun(name, nextScanAt, lockDeadline, now, { lastModifiedBy: 'worker-a' });
  };

  describe('saving and reading jobs', () => {
    it('assigns an id and reads back every field it saved', async () => {
      const startDate = new Date('2026-01-05T00:00:00Z');
      const saved = await save({
        priority: 10,
        nextRunAt: new Date('2026-03-30T08:00:00Z'),
        data: { meetingId: 'meeting-1', nested: { kind: 'action_overdue' }, count: 3, flags: [1, 2] },
        repeatInterval: '0 9 * * 1',
        repeatTimezone: 'Europe/London',
        startDate,
        skipDays: [0, 6],
      });
      expect(saved._id).toBeTruthy();
      const read = await repo().getJobById(String(saved._id));
      expect(read).toMatchObject({
        _id: saved._id,
        name: 'contract-job',
        priority: 10,
        type: 'normal',
        nextRunAt: new Date('2026-03-30T08:00:00Z'),
        data: { meetingId: 'meeting-1', nested: { kind: 'action_overdue' }, count: 3, flags: [1, 2] },
        repeatInterval: '0 9 * * 1',
        repeatTimezone: 'Europe/London',
        startDate,
        skipDays: [0, 6],
      });
      expect(read?.lockedAt ?? undefined).toBeUndefined();
      expect(read?.disabled ?? false).toBe(false);
    });

    it('updates a job by id, and hands back the caller’s job unchanged once it is gone', async () => {
      const saved = await save({ data: { version: 1 } });
      const updated = await repo().saveJob({ ...saved, priority: 20, data: { version: 2 } }, undefined);
      expect(updated).toMatchObject({ _id: saved._id, priority: 20, data: { version: 2 } });
      await repo().removeJobs({ id: saved._id });
      const gone = { ...saved, data: { version: 3 } };
      expect(await repo().saveJob(gone, undefined)).toEqual(gone);
      expect(await repo().getJobById(String(saved._id))).toBeNull();
    });

    it('keeps one "single" job per name and does not pull a scheduled run earlier', async () => {
      const later = inMs(60 * MINUTE);
      const first = await save({ name: 'digest', type: 'single', nextRunAt: later, data: { run: 1 } });
      const second = await save({ name: 'digest', type: 'single', nextRunAt: inMs(-MINUTE), data: { run: 2 } });
      expect(second._id).toBe(first._id);
      expect(second.data).toEqual({ run: 2 });
      expect(second.nextRunAt).toEqual(later);
      expect((await repo().queryJobs({ name: 'digest' })).total).toBe(1);
    });

    it('inserts a unique job once with insertOnly, returning the first unchanged', async () => {
      const unique = { 'data.key': 'meeting-1/action_overdue/act-1' };
      const first = await save({ data: { key: unique['data.key'], attempt: 1 }, unique, uniqueOpts: { insertOnly: true } });
      const again = await save({ data: { key: unique['data.key'], attempt: 2 }, unique, uniqueOpts: { insertOnly: true }, nextRunAt: inMs(MINUTE) });
      expect(again._id).toBe(first._id);
      expect(again.data).toEqual({ key: unique['data.key'], attempt: 1 });
      const other = await save({ data: { key: 'meeting-1/action_overdue/act-2' }, unique: { 'data.key': 'meeting-1/action_overdue/act-2' }, uniqueOpts: { insertOnly: true } });
      expect(other._id).not.toBe(first._id);
      expect((await repo().queryJobs({ name: 'contract-job' })).total).toBe(2);
    });

    it('updates the matching job when unique() is used without insertOnly', async () => {
      const unique = { 'data.meetingId': 'meeting-9' };
      const first = await save({ data: { meetingId: 'meeting-9', reviewDate: '2027-01-20' }, unique });
      const moved = inMs(30 * MINUTE);
      const second = await save({ data: { meetingId: 'meeting-9', reviewDate: '2027-02-03' }, unique, nextRunAt: moved });
      expect(second._id).toBe(first._id);
      expect(second).toMatchObject({ data: { reviewDate: '2027-02-03' }, nextRunAt: moved });
    });
  });

  describe('querying, removing, disabling', () => {
    const seed = async () => {
      await save({ name: 'nudge', data: { meetingId: 'm-1', kind: 'overdue' }, nextRunAt: inMs(MINUTE) });
      await save({ name: 'nudge', data: { meetingId: 'm-1', kind: 'escalation' }, nextRunAt: inMs(2 * MINUTE) });
      await save({ name: 'nudge', data: { meetingId: 'm-2', kind: 'overdue' }, nextRunAt: inMs(-MINUTE) });
      await save({ name: 'next-meeting', data: { meetingId: 'm-1' }, nextRunAt: inMs(3 * MINUTE), disabled: true });
    };

    it('finds jobs by name, names, partial data, search text, state, and pages them', async () => {
      await seed();
      expect((await repo().queryJobs()).total).toBe(4);
      expect((await repo().queryJobs({ name: 'nudge' })).total).toBe(3);
      expect((await repo().queryJobs({ names: ['nudge', 'next-meeting'] })).total).toBe(4);
      expect((await repo().queryJobs({ data: { meetingId: 'm-1' } })).jobs.map((j) => j.name).sort()).toEqual(['next-meeting', 'nudge', 'nudge']);
      expect((await repo().queryJobs({ name: 'nudge', data: { meetingId: 'm-1', kind: 'overdue' } })).total).toBe(1);
      expect((await repo().queryJobs({ search: 'next-' })).total).toBe(1);
      expect((await repo().queryJobs({ includeDisabled: false })).total).toBe(3);
      expect((await repo().queryJobs({ state: 'queued' })).jobs.map((j) => j.data)).toEqual([{ meetingId: 'm-2', kind: 'overdue' }]);
      expect((await repo().queryJobs({ state: 'paused' })).total).toBe(1);
      const page = await repo().queryJobs({ name: 'nudge', sort: { nextRunAt: 'asc' }, skip: 1, limit: 1 });
      expect(page.total).toBe(3);
      expect(page.jobs.map((j) => j.data)).toEqual([{ meetingId: 'm-1', kind: 'overdue' }]);
    });

    it('does not confuse a number with the same text in data', async () => {
      await save({ data: { count: 3 } });
      expect((await repo().queryJobs({ data: { count: '3' } })).total).toBe(0);
      expect((await repo().queryJobs({ data: { count: 3 } })).total).toBe(1);
    });

    it('removes by id, ids, name, names, everything but some names, and data; and nothing when asked for nothing', async () => {
      await seed();
      expect(await repo().removeJobs({})).toBe(0);
      expect(await repo().removeJobs({ name: 'nudge', data: { meetingId: 'm-2' } })).toBe(1);
      expect(await repo().removeJobs({ notNames: ['nudge'] })).toBe(1);
      const [a, b] = (await repo().queryJobs({ name: 'nudge' })).jobs;
      expect(await repo().removeJobs({ ids: [a!._id, b!._id] })).toBe(2);
      expect(await repo().getDistinctJobNames()).toEqual([]);
      const saved = await save();
      expect(await repo().removeJobs({ id: saved._id })).toBe(1);
      await seed();
      expect(await repo().purgeAllJobs()).toBe(4);
    });

    it('disables and enables by selection, and never hands out a disabled job', async () => {
      await save({ data: { meetingId: 'm-3' } });
      expect(await repo().disableJobs({ data: { meetingId: 'm-3' } })).toBe(1);
      expect(await next()).toBeUndefined();
      expect(await repo().enableJobs({ name: 'contract-job' })).toBe(1);
      expect(await next()).toMatchObject({ data: { meetingId: 'm-3' } });
    });

    it('counts due jobs, lists names, and gives an overview per name', async () => {
      await seed();
      expect(await repo().getQueueSize()).toBe(1);
      expect(await repo().getDistinctJobNames()).toEqual(['next-meeting', 'nudge']);
      const overview = await repo().getJobsOverview();
      expect(overview.find((o) => o.name === 'nudge')).toMatchObject({ total: 3, scheduled: 2, queued: 1 });
      expect(overview.find((o) => o.name === 'next-meeting')).toMatchObject({ total: 1, paused: 1 });
    });
  });

  describe('failed jobs, as the retention run sees them', () => {
    const at = (iso: string) => new Date(iso);
    /** What Agenda's fail() leaves, unlocked, after the run that failed at `failedAt`. */
    const failed = (failedAt: string, overrides: Partial<JobParameters> = {}) =>
      save({ nextRunAt: null, lastRunAt: at(failedAt), lastFinishedAt: at(failedAt), failedAt: at(failedAt), failCount: 6, failReason: 'HTTP 410', ...overrides });

    it('lists, by id, the jobs that gave up before the cutoff; never one to be retried, running, finished since, or failed later', async () => {
      const gaveUp = await Promise.all(['2026-01-02T00:00:00Z', '2026-01-03T00:00:00+05:00', '2026-01-04T00:00:00Z'].map((when) => failed(when)));
      await failed('2026-01-01T00:00:00Z', { nextRunAt: at('2026-01-01T00:08:00Z') });
      await failed('2026-01-01T00:00:00Z', { lockedAt: new Date(), nextRunAt: null });
      await failed('2026-01-01T00:00:00Z', { lastFinishedAt: at('2026-01-01T01:00:00Z') });
      await failed('2026-03-01T00:00:00Z');
      await save({ nextRunAt: null, lastFinishedAt: at('2026-01-01T00:00:00Z') });

      const jobs = failedJobs(repo());
      const expected = gaveUp.map((job) => ({ key: String(job._id), at: job.failedAt!.toISOString() })).sort((a, b) => (a.key < b.key ? -1 : 1));
      const first = await jobs.heldRecords({ before: '2026-02-01T00:00:00Z', limit: 2 });
      const rest = await jobs.heldRecords({ before: '2026-02-01T00:00:00Z', after: first.at(-1)?.key, limit: 2 });
      expect([...first, ...rest]).toEqual(expected);
      // 00:00+05:00 on the 3rd is 19:00Z on the 2nd: compared as instants.
      expect((await jobs.heldRecords({ before: '2026-01-02T20:00:00Z', limit: 10 })).map((record) => record.at).sort()).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-02T19:00:00.000Z']);
    });

    it('removes the jobs asked for that still gave up, and leaves one given a next run since it was listed', async () => {
      const gone = await failed('2026-01-02T00:00:00Z');
      const revived = await failed('2026-01-02T00:00:00Z');
      const other = await failed('2026-01-02T00:00:00Z');
      await repo().saveJob({ ...revived, nextRunAt: inMs(MINUTE) }, undefined);

      const jobs = failedJobs(repo());
      expect(await jobs.removeHeld([])).toBe(0);
      expect(await jobs.removeHeld([String(gone._id), String(revived._id)])).toBe(1);
      expect(await repo().getJobById(String(gone._id))).toBeNull();
      expect(await repo().getJobById(String(revived._id))).not.toBeNull();
      expect(await repo().getJobById(String(other._id))).not.toBeNull();
    });
  });

  describe('locking and handing out the next job', () => {
    it('hands out the soonest due job first, the higher priority on a tie, and nothing not yet due', async () => {
      const due = inMs(-MINUTE);
      await save({ nextRunAt: inMs(-30 * SECOND), data: { order: 'third' } });
      await save({ nextRunAt: due, priority: 5, data: { order: 'second' } });
      await save({ nextRunAt: due, priority: 10, data: { order: 'first' } });
      await save({ nextRunAt: inMs(MINUTE), data: { order: 'not yet' } });
      const handed = [await next(), await next(), await next(), await next()];
      expect(handed.map((job) => (job?.data as { order: string } | undefined)?.order)).toEqual(['first', 'second', 'third', undefined]);
      expect(handed[0]).toMatchObject({ lockedAt: expect.any(Date) });
    });

    it('hands each job to exactly one of many concurrent callers', async () => {
      for (let i = 0; i < 12; i += 1) await save({ data: { n: i } });
      const claims = await Promise.all(Array.from({ length: 30 }, () => next()));
      const ids = claims.filter((job) => job !== undefined).map((job) => String(job._id));
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
    });

    it('hands out again a job whose worker died holding the lock, once the lock has expired', async () => {
      // What a one-off run leaves behind when its process is killed: nextRunAt cleared, lock held.
      await save({ nextRunAt: null, lockedAt: inMs(-11 * MINUTE), lastRunAt: inMs(-11 * MINUTE), data: { crashed: true } });
      await save({ nextRunAt: null, lockedAt: inMs(-MINUTE), data: { crashed: false } });
      const taken = await next();
      expect(taken).toMatchObject({ data: { crashed: true } });
      expect(taken!.lockedAt!.getTime()).toBeGreaterThan(Date.now() - MINUTE);
      expect(await next()).toBeUndefined();
    });

    it('locks a job only while it is unlocked and due as the caller saw it', async () => {
      const saved = await save();
      expect(await repo().lockJob(saved, undefined)).toMatchObject({ _id: saved._id, lockedAt: expect.any(Date) });
      expect(await repo().lockJob(saved, undefined)).toBeUndefined();
      const other = await save();
      expect(await repo().lockJob({ ...other, nextRunAt: inMs(-5 * MINUTE) }, undefined)).toBeUndefined();
    });

    it('leaves a running one-off job locked on unlockJob, and unlocks everything on unlockJobs', async () => {
      const running = await save({ nextRunAt: null, lockedAt: new Date() });
      const queued = await save({ lockedAt: new Date() });
      await repo().unlockJob(running);
      await repo().unlockJob(queued);
      expect((await repo().getJobById(String(running._id)))?.lockedAt).toBeInstanceOf(Date);
      expect((await repo().getJobById(String(queued._id)))?.lockedAt ?? undefined).toBeUndefined();
      await repo().unlockJobs([running._id!]);
      expect((await repo().getJobById(String(running._id)))?.lockedAt ?? undefined).toBeUndefined();
    });

    it('saves the processor’s state after a run, and refuses to for a job that is gone', async () => {
      const saved = await save();
      const finishedAt = new Date();
      await repo().saveJobState({ ...saved, lockedAt: undefined, lastRunAt: finishedAt, lastFinishedAt: finishedAt, nextRunAt: null, failCount: 1, failReason: 'HTTP 429', failedAt: finishedAt }, undefined);
      expect(await repo().getJobById(String(saved._id))).toMatchObject({ nextRunAt: null, lastFinishedAt: finishedAt, failCount: 1, failReason: 'HTTP 429' });
      await repo().removeJobs({ id: saved._id });
      await expect(repo().saveJobState(saved, undefined)).rejects.toThrow(/cannot be updated/);
    });

    // Agenda's fail() keeps what was thrown as it is when it is not an Error, whatever its type says.
    it.each([
      { kind: 'undefined', thrown: undefined, text: 'undefined', asThrown: null },
      { kind: 'null', thrown: null, text: 'null', asThrown: null },
      { kind: 'a plain object', thrown: { status: 429 }, text: '{ status: 429 }', asThrown: { status: 429 } },
    ])('saves the state of a job that threw $kind, unlocked, with its failure', async ({ thrown, text, asThrown }) => {
      const saved = await save({ lockedAt: new Date() });
      const failedAt = new Date();
      const failed = { ...saved, lockedAt: undefined, lastFinishedAt: failedAt, nextRunAt: null, failCount: 1, failReason: thrown as unknown as string, failedAt };
      await repo().saveJobState(failed, undefined);
      const stored = await repo().getJobById(String(saved._id));
      expect(stored).toMatchObject({ failCount: 1, failedAt, nextRunAt: null });
      expect(stored?.lockedAt ?? undefined).toBeUndefined();
      expect(stored?.failReason).toEqual(failReasons === 'text' ? text : asThrown);
    });

    describe('debounced unique saves', () => {
      const unique = { 'data.meetingId': 'm-1' };
      const saveDebounced = (edit: number, debounce: { delay: number; maxWait?: number; strategy?: 'trailing' | 'leading' }) =>
        save({ data: { meetingId: 'm-1', edit }, nextRunAt: new Date(), unique, uniqueOpts: { debounce } });

      it('keeps the first run time of a leading debounce and takes the latest data', async () => {
        const first = await saveDebounced(1, { delay: MINUTE, strategy: 'leading' });
        const latest = await saveDebounced(2, { delay: MINUTE, strategy: 'leading' });
        expect(latest).toMatchObject({ _id: first._id, nextRunAt: first.nextRunAt, data: { edit: 2 } });
      });

      it('runs a trailing debounce now once its window has been open longer than maxWait', async () => {
        const first = await saveDebounced(1, { delay: MINUTE, maxWait: 10 * MINUTE });
        expect(first.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
        await repo().saveJob({ ...first, debounceStartedAt: inMs(-11 * MINUTE) }, undefined);
        const forced = await saveDebounced(2, { delay: MINUTE, maxWait: 10 * MINUTE });
        expect(forced).toMatchObject({ _id: first._id, data: { edit: 2 } });
        expect(forced.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now());
      });
    });
  });
}
