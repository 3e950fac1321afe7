import { Agenda, constant } from 'agenda';
import type { Job } from 'agenda';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { failedJobs } from '../../src/scheduler/failed-jobs.js';
import type { BackendUnderTest, FailReasonStorage } from './scheduler-backend-contract.js';
import { MINUTE, SECOND, aJob, eventually, inMs } from './scheduler-backend-fixtures.js';

type Define = (agenda: Agenda) => void;

/**
 * What a handler can throw, and the failure reason each backend keeps for it. Throwing undefined
 * or null is covered through the repository: agenda 6.2.6's run() reads `.message` of what was
 * thrown, so it rejects before retrying (an unhandled rejection no backend can prevent).
 */
const THROWN: { kind: string; thrown: unknown; text: string; asThrown: unknown }[] = [
  { kind: 'an Error', thrown: new Error('HTTP 429'), text: 'HTTP 429', asThrown: 'HTTP 429' },
  { kind: 'a string', thrown: 'HTTP 429', text: 'HTTP 429', asThrown: 'HTTP 429' },
  { kind: 'a plain object', thrown: { status: 429 }, text: '{ status: 429 }', asThrown: { status: 429 } },
  { kind: 'a number', thrown: 429, text: '429', asThrown: 429 },
];

/** The backend under a real Agenda: what the scheduler sees when it runs. */
export function agendaContract(subject: () => BackendUnderTest, failReasons: FailReasonStorage): void {
  describe('under Agenda', () => {
    const running: Agenda[] = [];

    /** Fast polling and a short lock so a dead worker's job comes back within the test. */
    async function startAgenda(define: Define, name = 'contract-worker'): Promise<Agenda> {
      const agenda = new Agenda({ backend: subject().backend, name, processEvery: 50, defaultLockLifetime: SECOND });
      agenda.on('error', (error) => {
        throw error;
      });
      define(agenda);
      running.push(agenda);
      await agenda.start();
      return agenda;
    }

    afterEach(async () => {
      // The suite's cleanup closes the connection, not Agenda.
      await Promise.all(running.splice(0).map((agenda) => agenda.stop(false)));
    });

    const repo = () => subject().repository;
    const recorder = () => {
      const runs: unknown[] = [];
      const define: Define = (agenda) => agenda.define('contract-job', async (job: Job) => void runs.push(job.attrs.data));
      return { runs, define };
    };

    it('runs a due job once, with its data, and records that it finished', async () => {
      const { runs, define } = recorder();
      const saved = await repo().saveJob(aJob({ data: { meetingId: 'm-1' } }), undefined);
      await startAgenda(define);
      const finished = await eventually(async () => {
        const job = await repo().getJobById(String(saved._id));
        expect(job?.lastFinishedAt).toBeInstanceOf(Date);
        return job;
      });
      expect(runs).toEqual([{ meetingId: 'm-1' }]);
      expect(finished?.nextRunAt).toBeNull();
      expect(finished?.lockedAt ?? undefined).toBeUndefined();
    });

    it('runs each job once when two workers share the database', async () => {
      const { runs, define } = recorder();
      for (let n = 0; n < 10; n += 1) await repo().saveJob(aJob({ data: { n } }), undefined);
      await Promise.all([startAgenda(define, 'worker-a'), startAgenda(define, 'worker-b')]);
      await eventually(() => expect(runs).toHaveLength(10));
      expect(new Set(runs.map((data) => (data as { n: number }).n)).size).toBe(10);
    });

    it('repeats an interval job, keeping one row for it', async () => {
      const ticks: number[] = [];
      const agenda = await startAgenda((a) => a.define('tick', async () => void ticks.push(Date.now())));
      await agenda.every(150, 'tick');
      await eventually(() => expect(ticks.length).toBeGreaterThanOrEqual(2));
      expect((await repo().queryJobs({ name: 'tick' })).total).toBe(1);
    });

    it('keeps a cron job on its wall-clock time in its time zone, before and after a run', async () => {
      const runs: Date[] = [];
      const agenda = await startAgenda((a) => a.define('weekly', async () => void runs.push(new Date())));
      const job = await agenda.every('0 9 * * 1', 'weekly', undefined, { timezone: 'Europe/London' });
      const mondayNineInLondon = (date: Date | null | undefined) => {
        const local = DateTime.fromJSDate(date ?? new Date(0), { zone: 'Europe/London' });
        return { weekday: local.weekday, time: local.toFormat('HH:mm') };
      };
      expect(mondayNineInLondon(job.attrs.nextRunAt)).toEqual({ weekday: 1, time: '09:00' });

      // Make it due now; after the run it is back on a Monday at 09:00 in London.
      await repo().saveJob({ ...job.attrs, nextRunAt: inMs(-SECOND) }, undefined);
      await eventually(() => expect(runs).toHaveLength(1));
      const rescheduled = await eventually(async () => {
        const stored = await repo().getJobById(String(job.attrs._id));
        expect(stored?.lastFinishedAt).toBeInstanceOf(Date);
        return stored;
      });
      expect(mondayNineInLondon(rescheduled?.nextRunAt)).toEqual({ weekday: 1, time: '09:00' });
      expect(rescheduled!.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    });

    it('picks up the job of a worker that died holding its lock, once the lock has expired', async () => {
      const { runs, define } = recorder();
      await repo().saveJob(aJob({ nextRunAt: null, lockedAt: inMs(-5 * SECOND), lastRunAt: inMs(-5 * SECOND), data: { crashed: true } }), undefined);
      await startAgenda(define);
      await eventually(() => expect(runs).toEqual([{ crashed: true }]));
    });

    it('does not run a disabled or removed job, and runs it once enabled again', async () => {
      const { runs, define } = recorder();
      const disabled = await repo().saveJob(aJob({ data: { which: 'disabled' }, disabled: true }), undefined);
      const removed = await repo().saveJob(aJob({ data: { which: 'removed' } }), undefined);
      await repo().saveJob(aJob({ data: { which: 'enabled' } }), undefined);
      await repo().removeJobs({ id: removed._id });
      const agenda = await startAgenda(define);
      await eventually(() => expect(runs).toEqual([{ which: 'enabled' }]));
      expect(await agenda.enable({ id: disabled._id })).toBe(1);
      await eventually(() => expect(runs).toEqual([{ which: 'enabled' }, { which: 'disabled' }]));
    });

    it('retries a failing job with its backoff until the retries run out', async () => {
      let attempts = 0;
      const exhausted = new Promise<number | undefined>((resolve) => {
        void startAgenda((agenda) => {
          agenda.define(
            'flaky',
            async () => {
              attempts += 1;
              throw new Error('HTTP 429');
            },
            { backoff: constant({ delay: 50, maxRetries: 2 }) },
          );
          agenda.on('retry exhausted', (_error, job) => resolve(job.attrs.failCount));
        });
      });
      await repo().saveJob(aJob({ name: 'flaky', nextRunAt: inMs(-MINUTE) }), undefined);
      expect(await exhausted).toBe(3);
      expect(attempts).toBe(3);
    });

    it.each(THROWN)('records a job that throws $kind as failed, unlocked and retried per its backoff', async ({ thrown, text, asThrown }) => {
      let attempts = 0;
      await startAgenda((agenda) =>
        agenda.define(
          'throws',
          async () => {
            attempts += 1;
            throw thrown;
          },
          { backoff: constant({ delay: 50, maxRetries: 1 }) },
        ),
      );
      const saved = await repo().saveJob(aJob({ name: 'throws' }), undefined);
      const exhausted = await eventually(async () => {
        const job = await repo().getJobById(String(saved._id));
        expect(job).toMatchObject({ failCount: 2, nextRunAt: null });
        expect(job?.lockedAt ?? undefined).toBeUndefined();
        return job;
      });
      expect(attempts).toBe(2);
      expect(exhausted?.failedAt).toBeInstanceOf(Date);
      expect(exhausted?.failReason).toEqual(failReasons === 'text' ? text : asThrown);
    });

    it('leaves a job whose retries ran out for the retention run to find, and one awaiting its retry out of its sight', async () => {
      const failing = async (): Promise<void> => {
        throw new Error('HTTP 410');
      };
      await startAgenda((agenda) => {
        agenda.define('gives-up', failing, { backoff: constant({ delay: 50, maxRetries: 1 }) });
        agenda.define('retries-later', failing, { backoff: constant({ delay: 10 * MINUTE, maxRetries: 1 }) });
      });
      const gaveUp = await repo().saveJob(aJob({ name: 'gives-up' }), undefined);
      const waiting = await repo().saveJob(aJob({ name: 'retries-later' }), undefined);
      await eventually(async () => {
        expect(await repo().getJobById(String(gaveUp._id))).toMatchObject({ failCount: 2, nextRunAt: null });
        expect(await repo().getJobById(String(waiting._id))).toMatchObject({ failCount: 1, nextRunAt: expect.any(Date) });
      });
      const listed = await failedJobs(repo()).heldRecords({ before: inMs(MINUTE).toISOString(), limit: 10 });
      expect(listed.map((record) => record.key)).toEqual([String(gaveUp._id)]);
    });

    it('coalesces debounced saves of a unique job into one run with the latest data', async () => {
      const { runs, define } = recorder();
      const agenda = await startAgenda(define);
      const save = (edit: number) =>
        agenda
          .create('contract-job', { meetingId: 'm-1', edit })
          .unique({ 'data.meetingId': 'm-1' }, { debounce: { delay: SECOND } })
          .save();
      for (let edit = 1; edit <= 3; edit += 1) await save(edit);
      expect((await repo().queryJobs({ name: 'contract-job' })).total).toBe(1);
      await eventually(() => expect(runs).toEqual([{ meetingId: 'm-1', edit: 3 }]));
      expect((await repo().queryJobs({ name: 'contract-job' })).total).toBe(1);
    });
  });
}
