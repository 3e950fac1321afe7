import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import { composeApp } from '../../src/compose.js';
import type { ComposedApp } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/stores/open-store.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { counterIds, NOW } from '../domain/scenario.js';
import { captureLog } from '../server/harness.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { RecordingMessenger } from '../support/recording-messenger.js';

/**
 * A change saved just before a crash: its re-plan of the meeting's reminders was queued with it
 * and never ran. The bot composed again on the same DATA_DIR runs it once its scheduler is up,
 * even though its outbox starts first and finds the re-plan at once.
 */
let dir: string;
let store: StoreWithChildren | undefined;
let app: ComposedApp | undefined;
afterEach(async () => {
  await app?.outbox.stop();
  await app?.scheduler.stop();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a re-plan a crash left queued', () => {
  it('is run by the next start, once its scheduler is up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pep-replan-'));
    store = await openStore({ dataDir: dir });
    await store.init();
    const clock = { now: () => new Date(NOW) };
    // The run that crashed: it saved the change (and its queued re-plan), then died before sending anything.
    const before: AppDeps = { store, clock, newId: counterIds('r'), defaultTimeZone: 'Europe/London', outbox: { reachable: () => true, linkDays: 14, wake: () => undefined } };
    const meeting = aMeeting({ status: 'invited', startsAt: '2026-12-10T10:00:00Z' });
    await store.createMeeting(meeting, { events: [] });
    const changed = await executeCommand(before, { meetingId: meeting.id, command: { type: 'setNextReviewDate', date: '2027-03-01' }, actorId: meeting.organiserId, channel: 'teams' });
    expect((await store.outboxOf(meeting.id)).filter((m) => (m.message as { kind: string }).kind === 'replan').map((m) => m.state)).toEqual(['pending']);

    const log = captureLog();
    const config = loadConfig({ DATA_DIR: dir, PORT: '0' });
    const messenger = new RecordingMessenger('teams');
    app = await composeApp({ config, logger: log.logger, store, clock, channels: async () => [{ name: 'teams', messenger }] });
    await app.outbox.drain();

    expect((await store.outboxOf(meeting.id)).filter((m) => (m.message as { kind: string }).kind === 'replan').map((m) => m.state)).toEqual(['sent']);
    // The meeting's jobs are already as the policy wants them: planning again adds and removes nothing.
    const again = await app.scheduler.syncMeeting(changed.meeting);
    expect(again).toEqual({ scheduled: 0, cancelled: 0 });
    expect((await app.scheduler.planned(changed.meeting)).length).toBeGreaterThan(0);
  });
});
