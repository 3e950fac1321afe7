import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../../src/app/create-meeting.js';
import { CardDelivery } from '../../../src/app/delivery.js';
import type { DeliveryEvent } from '../../../src/app/delivery.js';
import type { AppDeps } from '../../../src/app/deps.js';
import { executeCommand } from '../../../src/app/execute-command.js';
import { attachOutbox } from '../../../src/app/outbox/attach-outbox.js';
import type { DeliveryWorker } from '../../../src/app/outbox/delivery-worker.js';
import type { Meeting } from '../../../src/domain/model.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { openStore } from '../../../src/stores/open-store.js';
import { settableClock } from '../../contract/settable-clock.js';
import type { SettableClock } from '../../contract/settable-clock.js';
import { counterIds, createInput, NOW } from '../../domain/scenario.js';
import { captureLog } from '../../server/harness.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';

let dir: string;
let store: MeetingStore;
let clock: SettableClock;
let deps: AppDeps;
let teams: RecordingMessenger;
let reports: DeliveryEvent[];
let delivery: CardDelivery;
let worker: DeliveryWorker | undefined;
const log = captureLog();

/** Everyone but the child on Teams, so each invitation is one Teams message. */
const input = {
  ...createInput,
  organiser: { ...createInput.organiser, teamsAadObjectId: 'aad-sam' },
  participants: [{ name: 'Dana Teacher', role: 'designated_teacher', email: 'dana@school.example.org', teamsAadObjectId: 'aad-dana' }],
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-outbox-'));
  clock = settableClock(NOW);
  store = await openStore({ dataDir: dir, clock });
  await store.init();
  deps = { store, clock, newId: counterIds('o'), defaultTimeZone: 'Europe/London' };
  teams = new RecordingMessenger('teams');
  reports = [];
  delivery = new CardDelivery({ store, messengers: [teams], report: (event) => reports.push(event), clock });
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = (tuning = {}) => (worker = attachOutbox(deps, { delivery, logger: log.logger, publicBaseUrl: 'http://127.0.0.1:3978', tuning: { pollMs: 60_000, ...tuning } }));

async function invite(): Promise<Meeting> {
  const meeting = await createMeeting(deps, { command: input, channel: 'teams' });
  return (await executeCommand(deps, { meetingId: meeting.id, command: { type: 'sendInvitations' }, actorId: meeting.organiserId, channel: 'teams' })).meeting;
}

const invitations = () => teams.sent.filter((s) => s.card.name === 'invitation');
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe('the delivery worker', () => {
  it('sends what a change queued, once, and records the platform’s message id', async () => {
    const outbox = start();
    const meeting = await invite();
    await outbox.drain();
    await outbox.drain();
    expect(invitations()).toHaveLength(1);
    const queued = await store.outboxOf(meeting.id);
    expect(queued.every((m) => m.state === 'sent')).toBe(true);
    expect(queued.find((m) => (m.message as { show?: { card: string } }).show?.card === 'invitation')).toMatchObject({ ref: { channel: 'teams', conversationId: expect.any(String), messageId: expect.any(String) }, attempts: 1 });
  });

  it('waits for the platform’s Retry-After before trying again, then sends once', async () => {
    const outbox = start();
    teams.failures.push({ delivered: false, reason: 'Teams did not accept the message (429).', retryable: true, retryAfterMs: 30_000 });
    const meeting = await invite();
    await outbox.drain();
    expect(invitations()).toHaveLength(0);
    const waiting = (await store.outboxOf(meeting.id)).find((m) => m.state === 'pending');
    expect(waiting).toMatchObject({ reason: 'Teams did not accept the message (429).', attempts: 1 });
    clock.set(later(29_000));
    await outbox.drain();
    expect(invitations()).toHaveLength(0);
    clock.set(later(30_000));
    await outbox.drain();
    expect(invitations()).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  it('gives up after its attempts, and only then tells the organiser, on their card, who and why', async () => {
    const outbox = start({ maxAttempts: 2, firstRetryMs: 1_000 });
    const unreachable = { delivered: false as const, reason: 'Teams could not be reached (ECONNRESET).', retryable: true };
    teams.failures.push(unreachable);
    const meeting = await invite();
    await outbox.drain();
    expect(teams.latest('reach-report')).toBeUndefined();
    teams.failures.push(unreachable);
    clock.set(later(1_000));
    await outbox.drain();
    const given = (await store.outboxOf(meeting.id)).find((m) => m.state === 'failed');
    expect(given).toMatchObject({ attempts: 2, reason: 'Gave up after 2 attempts: Teams could not be reached (ECONNRESET).' });
    expect(reports).toMatchObject([{ kind: 'undeliverable', card: 'invitation', reason: given!.reason }]);
    expect(JSON.stringify(teams.latest('reach-report')!.data)).toContain('Gave up after 2 attempts');
  });

  it('takes over what a worker was sending when it died, once its lease ends', async () => {
    await start().stop();
    const meeting = await invite();
    // A worker in another process claimed the messages, then was killed before settling any.
    const orphaned = await store.claimOutbox({ now: NOW, leaseMs: 120_000, limit: 100 });
    expect(orphaned.length).toBeGreaterThan(0);
    const outbox = start();
    await outbox.drain();
    expect(invitations()).toHaveLength(0);
    clock.set(later(120_000));
    await outbox.drain();
    expect(invitations()).toHaveLength(1);
    expect((await store.outboxOf(meeting.id)).every((m) => m.state === 'sent' && m.attempts === 2)).toBe(true);
  });

  describe('re-plans of the reminders', () => {
    const replans = () => {
      const seen: number[] = [];
      deps.onMeetingSaved = async (meeting) => void seen.push(meeting.version);
      return seen;
    };

    it('are queued with each change, run after it by the worker, and several of one meeting as one, against the meeting as it is now', async () => {
      const seen = replans();
      await start().stop();
      const meeting = await invite();
      const dana = meeting.participants.find((p) => p.role === 'designated_teacher')!;
      await executeCommand(deps, { meetingId: meeting.id, command: { type: 'recordRsvp', answer: 'accept' }, actorId: dana.id, channel: 'teams' });
      // Nothing ran while the changes were made: the re-plans wait in the outbox with them.
      expect(seen).toEqual([]);
      expect((await store.outboxOf(meeting.id)).filter((m) => (m.message as { kind: string }).kind === 'replan').map((m) => m.state)).toEqual(['pending', 'pending', 'pending']);
      await start().drain();
      expect(seen).toEqual([meeting.version + 1]);
      expect((await store.outboxOf(meeting.id)).every((m) => m.state === 'sent')).toBe(true);
    });

    it('of a meeting changed again and again rest between runs, four times as long as the last took, and what was queued meanwhile runs as one', async () => {
      const runs: { version: number; startedAt: number; endedAt: number }[] = [];
      deps.onMeetingSaved = async (meeting) => {
        const startedAt = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 40));
        runs.push({ version: meeting.version, startedAt, endedAt: performance.now() });
      };
      const outbox = start();
      const meeting = await invite();
      await outbox.drain();
      const dana = meeting.participants.find((p) => p.role === 'designated_teacher')!;
      await executeCommand(deps, { meetingId: meeting.id, command: { type: 'recordRsvp', answer: 'accept' }, actorId: dana.id, channel: 'teams' });
      await executeCommand(deps, { meetingId: meeting.id, command: { type: 'recordRsvp', answer: 'tentative' }, actorId: dana.id, channel: 'teams' });
      await outbox.drain();
      expect(runs.map((run) => run.version)).toEqual([meeting.version, meeting.version + 2]);
      const [first, second] = runs;
      expect(second!.startedAt - first!.endedAt).toBeGreaterThanOrEqual(4 * (first!.endedAt - first!.startedAt) - 5);
    });

    it('survive a stop before they ran: the next start re-plans', async () => {
      await start().stop();
      const meeting = await invite();
      const seen = replans();
      await start().drain();
      expect(seen).toEqual([meeting.version]);
    });

    it('that fail are logged and tried again later', async () => {
      let failures = 1;
      const seen: number[] = [];
      deps.onMeetingSaved = async (meeting) => {
        if (failures-- > 0) throw new Error('the job store is locked');
        seen.push(meeting.version);
      };
      const outbox = start({ firstRetryMs: 1_000 });
      const meeting = await invite();
      await outbox.drain();
      expect(seen).toEqual([]);
      expect(log.records().some((r) => r.kind === 'replan' && r.reason === 'the job store is locked')).toBe(true);
      clock.set(later(1_000));
      await outbox.drain();
      expect(seen).toEqual([meeting.version]);
    });
  });
});
