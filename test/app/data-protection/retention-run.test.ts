import type { JobParameters } from 'agenda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRetention } from '../../../src/app/data-protection/retention-run.js';
import { verifyChainOf, verifyEveryChain } from '../../../src/app/data-protection/verify-audit-chains.js';
import { RetentionSettingsSchema } from '../../../src/domain/data-protection/retention-settings.js';
import type { StoreWithChildren } from '../../../src/ports/child-store.js';
import { failedJobs } from '../../../src/scheduler/failed-jobs.js';
import type { SqliteBackend } from '../../../src/scheduler/sqlite-backend/sqlite-backend.js';
import { settableClock } from '../../contract/settable-clock.js';
import { aChild, aChildAuditEvent } from '../../support/child-fixture.js';
import { aMeeting, anAuditEvent } from '../../support/meeting-fixture.js';
import { tempSqliteStoreWithJobs } from '../../support/sqlite-temp-store.js';

const clock = settableClock('2026-01-01T00:00:00Z');
let ids = 0;
const newId = () => `id-${(ids += 1)}`;
// Small periods and a batch of 2, so every source takes several pages.
const settings = RetentionSettingsSchema.parse({ meetings: 365, auditEntries: 730, secureLinks: 30, idempotency: 30, deliveries: 90, cardReferences: 400, children: 730, failedJobs: 30, batchSize: 2 });

describe('the retention run, on a real SQLite store with a controllable clock', () => {
  let store: StoreWithChildren;
  let remove: () => Promise<void>;
  // The scheduler's own job store, in the same file as the bot keeps it.
  let jobs: SqliteBackend;

  beforeEach(async () => {
    clock.set('2026-01-01T00:00:00Z');
    ({ store, jobs, remove } = await tempSqliteStoreWithJobs(clock));
  });
  afterEach(async () => remove());

  const deps = () => ({ store, clock, newId, settings, failedJobs: failedJobs(jobs.repository) });
  const aJob = async (data: object, state: Partial<JobParameters>): Promise<string> =>
    String((await jobs.repository.saveJob({ name: 'nudge', priority: 0, type: 'normal', nextRunAt: null, data, ...state }, undefined))._id);

  /** Failed jobs as Agenda leaves them, dated against the clock's 2026-01-01 (failedJobs: 30 days). */
  async function seedJobs() {
    const failed = (at: string): Partial<JobParameters> => ({ failedAt: new Date(at), lastRunAt: new Date(at), lastFinishedAt: new Date(at), failCount: 6, failReason: 'SMTP 550 chris.jones@example.org rejected' });
    return {
      gaveUp: await aJob({ key: 'gave-up' }, failed('2025-11-01T00:00:00Z')),
      retrying: await aJob({ key: 'retrying' }, { ...failed('2025-11-01T00:00:00Z'), nextRunAt: new Date('2026-01-01T00:08:00Z') }),
      recentlyGaveUp: await aJob({ key: 'recent' }, failed('2025-12-20T00:00:00Z')),
      scheduled: await aJob({ key: 'scheduled' }, { nextRunAt: new Date('2026-02-01T00:00:00Z') }),
    };
  }

  /** Children as the Virtual School leaves them (children: 730 days, counted once no meeting of theirs is left). */
  async function seedChildren(refWithOnlyAnonymisedMeeting: string) {
    const forgotten = aChild({ ref: 'PEP-2020-0001', updatedAt: '2023-06-01T00:00:00Z' });
    const recent = aChild({ ref: 'PEP-2025-0002', updatedAt: '2025-06-01T00:00:00Z' });
    const withOpenMeeting = aChild({ ref: 'PEP-2026-0042', updatedAt: '2022-01-01T00:00:00Z' });
    const lastMeetingGoing = aChild({ ref: refWithOnlyAnonymisedMeeting, updatedAt: '2022-01-01T00:00:00Z' });
    for (const child of [forgotten, recent, withOpenMeeting, lastMeetingGoing]) {
      await store.createChild(child, { events: [aChildAuditEvent(child.ref, { data: { detail: 'Moved to Southfield School' } })] });
    }
    return { forgotten, recent, withOpenMeeting, lastMeetingGoing };
  }

  async function seed() {
    const oldClosed = aMeeting({ status: 'concluded', concludedAt: '2024-06-01T10:00:00Z', notes: [{ id: 'n1', text: 'Chris said the child is unhappy at home', by: 'p-carer', at: '2024-06-01T10:00:00Z' }] });
    const recentClosed = aMeeting({ status: 'concluded', concludedAt: '2025-12-01T10:00:00Z' });
    const longGone = aMeeting({ status: 'cancelled', child: { ref: 'PEP-2019-0007', initials: 'AB', yearGroup: 9 }, anonymised: { at: '2024-01-01T00:00:00Z', closedAt: '2023-06-01T00:00:00Z' } });
    const open = aMeeting({
      status: 'in_progress',
      links: [
        { id: 'l-old', tokenHash: 'a'.repeat(64), participantId: 'p-carer', purpose: 'invitation', singleUse: false, issuedBy: 'p-organiser', issuedAt: '2025-10-01T00:00:00Z', expiresAt: '2025-11-01T00:00:00Z' },
        { id: 'l-new', tokenHash: 'b'.repeat(64), participantId: 'p-carer', purpose: 'invitation', singleUse: false, issuedBy: 'p-organiser', issuedAt: '2025-12-20T00:00:00Z', expiresAt: '2026-01-20T00:00:00Z' },
      ],
    });
    await store.createMeeting(oldClosed, { events: [anAuditEvent(oldClosed.id, { actorId: 'p-carer', data: { text: 'Chris said the child is unhappy at home' } })], idempotency: { key: 'click-old', result: {}, at: '2025-10-01T00:00:00Z' } });
    await store.createMeeting(recentClosed, { events: [anAuditEvent(recentClosed.id)], idempotency: { key: 'click-new', result: {}, at: '2025-12-25T00:00:00Z' } });
    await store.createMeeting(longGone, { events: [anAuditEvent(longGone.id)] });
    await store.createMeeting(open, { events: [], outbox: [{ id: `${open.id}/v1/1`, meetingId: open.id, message: { kind: 'replan' }, createdAt: '2025-08-01T00:00:00Z' }] });
    await store.settleOutbox(`${open.id}/v1/1`, { state: 'sent' }, '2025-08-01T00:00:00Z');
    clock.set('2024-10-01T00:00:00Z');
    for (const key of ['a', 'b', 'c']) await store.putValue('card-ref', key, { key });
    clock.set('2025-12-01T00:00:00Z');
    await store.putValue('card-ref', `${oldClosed.id}/invitation/p-teacher`, { channel: 'slack', id: 'ts-teacher' });
    await store.putValue('nudge-preferences', 'kept', { quiet: true });
    clock.set('2026-01-01T00:00:00Z');
    await store.putValue('card-ref', 'd', { key: 'd' });
    return { oldClosed, recentClosed, longGone, open };
  }

  it('removes or anonymises exactly what has expired, and the dry run before it lists the same', async () => {
    const { oldClosed, recentClosed, longGone, open } = await seed();
    const children = await seedChildren(longGone.child.ref);
    const job = await seedJobs();
    const dry = await runRetention(deps(), { dryRun: true });
    expect(await store.getMeeting(longGone.id)).toBeDefined();
    expect(await store.getChild(children.forgotten.ref)).toBeDefined();
    expect(await jobs.repository.getJobById(job.gaveUp)).not.toBeNull();

    const real = await runRetention(deps(), { dryRun: false });
    expect(real.items).toEqual(dry.items);
    expect(real.items.map(({ source, key, action }) => `${action} ${source} ${key}`).sort()).toEqual(
      [
        `remove child ${children.forgotten.ref}`,
        `remove failed-job ${job.gaveUp}`,
        `remove secure-link ${open.id}/l-old`,
        `remove anonymised-meeting ${longGone.id}`,
        `anonymise closed-meeting ${oldClosed.id}`,
        'remove idempotency click-old',
        `remove outbox ${open.id}/v1/1`,
        'remove key-value:card-ref a',
        'remove key-value:card-ref b',
        'remove key-value:card-ref c',
      ].sort(),
    );

    expect(await store.getMeeting(longGone.id)).toBeUndefined();
    expect(await store.auditTrail(longGone.id)).toEqual([]);
    const anonymised = await store.getMeeting(oldClosed.id);
    expect(anonymised?.anonymised).toEqual({ at: '2026-01-01T00:00:00.000Z', closedAt: '2024-06-01T10:00:00Z' });
    expect(JSON.stringify(anonymised)).not.toMatch(/Chris|unhappy|chris\.jones/);
    const trail = await store.auditTrail(oldClosed.id);
    expect(trail.map((entry) => entry.type)).toEqual(['captureAction', 'retention.anonymise']);
    expect(trail[0]?.data).toEqual({ redacted: 'retention' });
    expect(await verifyChainOf(store, oldClosed.id)).toEqual({ key: oldClosed.id, entries: 2, redacted: [{ entryId: trail[0]?.id, seq: 1, reason: 'retention' }] });
    // The teacher's copy of the invitation, still known, is redrawn from the anonymised meeting.
    expect((await store.outboxOf(oldClosed.id)).map((row) => row.message)).toEqual([{ kind: 'direct', participantId: 'p-teacher', show: { card: 'invitation', participantId: 'p-teacher' }, mode: 'refresh' }]);
    expect((await store.getMeeting(recentClosed.id))?.anonymised).toBeUndefined();
    expect((await store.getMeeting(open.id))?.links.map((link) => link.id)).toEqual(['l-new']);
    expect(await store.getIdempotency('click-old')).toBeUndefined();
    expect(await store.getIdempotency('click-new')).toBeDefined();
    expect((await store.listValues('card-ref', '')).map((entry) => entry.key)).toEqual(['d', `${oldClosed.id}/invitation/p-teacher`]);
    expect(await store.getValue('nudge-preferences', 'kept')).toEqual({ quiet: true });
    expect(await store.listValues('data-protection-log', 'retention/')).toHaveLength(1);
    // Every chain left verifies; the removed meeting's went whole with it.
    const chains = [];
    for await (const report of verifyEveryChain(store)) chains.push(report);
    expect(chains.filter((report) => report.break)).toEqual([]);
    expect(chains.map((report) => report.key)).not.toContain(longGone.id);

    // The forgotten child went with their whole audit trail; a child with a meeting left, or changed lately, stays.
    expect(await store.getChild(children.forgotten.ref)).toBeUndefined();
    expect(await store.childAuditTrail(children.forgotten.ref)).toEqual([]);
    for (const kept of [children.recent, children.withOpenMeeting, children.lastMeetingGoing]) {
      expect(await store.getChild(kept.ref)).toStrictEqual(kept);
      expect(await store.childAuditTrail(kept.ref)).toHaveLength(1);
    }
    // Only the job that gave up over a month ago went: not one still to be retried, nor a recent failure, nor one yet to run.
    expect(await jobs.repository.getJobById(job.gaveUp)).toBeNull();
    for (const id of [job.retrying, job.recentlyGaveUp, job.scheduled]) expect(await jobs.repository.getJobById(id)).not.toBeNull();

    // At the same instant, only the child whose last meeting this run removed has expired: it goes in the next run.
    const next = await runRetention(deps(), { dryRun: true });
    expect(next.items.map(({ source, key, action }) => `${action} ${source} ${key}`)).toEqual([`remove child ${longGone.child.ref}`]);
    await runRetention(deps(), { dryRun: false });
    expect(await store.getChild(longGone.child.ref)).toBeUndefined();
    expect((await runRetention(deps(), { dryRun: true })).items).toEqual([]);
    // A year on, the anonymised meeting's turn comes.
    clock.set('2026-07-01T00:00:00Z');
    const later = await runRetention(deps(), { dryRun: true });
    expect(later.items.map((item) => `${item.action} ${item.source} ${item.key}`)).toContain(`remove anonymised-meeting ${oldClosed.id}`);
  });
});
