import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import { nudgeSender } from '../../src/app/nudge-cards.js';
import type { CardDelivery } from '../../src/app/delivery.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import type { HttpModule } from '../../src/server.js';
import { startScheduler } from '../../src/scheduler/start-scheduler.js';
import type { RunningScheduler } from '../../src/scheduler/start-scheduler.js';
import { defaultSqliteFilename } from '../../src/stores/sqlite/default-file.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds } from '../domain/scenario.js';
import type { CountingStore } from '../support/counting-store.js';
import { countingStore } from '../support/counting-store.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { startSlack } from './slack/slack-harness.js';
import { SAM as SLACK_SAM } from './slack/slack-harness.js';
import { FORM as SLACK_FORM, linkLockAndStart, openMeetingForm, submitForm, type } from './slack/slack-scenes.js';
import { execute, message } from './teams/support/activities.js';
import { headingOf } from './teams/support/connector-stub.js';
import { createMeetingInTeams, idOf, linkMeetingChat } from './teams/support/meeting-setup.js';
import { DANA, MEETING_CHAT, SAM, startTeamsHarness } from './teams/support/teams-harness.js';

/**
 * How often one request reads its meeting from the real SQLite store: once. The store is wrapped
 * to count the meeting reads made in each inbound request's own async context (its handler and
 * the work it starts after an ack), so the outbox's worker, which re-plans and fans out after the
 * answer, is not counted. The real scheduler re-plans from the outbox: the meeting's jobs follow.
 */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real scheduler, re-planning the meeting after each change as the composition root wires it. */
async function withScheduler(deps: AppDeps, delivery: CardDelivery, store: MeetingStore): Promise<{ scheduler: RunningScheduler; replanned: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-loads-'));
  const scheduler = await startScheduler({
    jobs: { kind: 'sqlite', filename: defaultSqliteFilename(dir) },
    store,
    clock: deps.clock,
    sender: nudgeSender(delivery, deps),
    onUndeliverable: async () => undefined,
    prepareNextMeeting: async () => undefined,
    tuning: { processEveryMs: 60_000 },
  });
  cleanups.push(async () => {
    await scheduler.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const replanned: number[] = [];
  deps.onMeetingSaved = async (meeting) => {
    await scheduler.syncMeeting(meeting);
    replanned.push(meeting.version);
  };
  return { scheduler, replanned };
}

/** A harness whose app sees the real store through a counting view, closed after the test. */
async function counted<H extends { close(): Promise<void> }>(
  start: (options: { appStore: (store: MeetingStore) => MeetingStore; mountAs: (module: HttpModule) => HttpModule }) => Promise<H>,
): Promise<{ harness: H; counting: CountingStore }> {
  let counting: CountingStore | undefined;
  const harness = await start({
    appStore: (store) => (counting = countingStore(store)).store,
    mountAs: (module) => counting!.counted(module),
  });
  cleanups.push(() => harness.close());
  if (!counting) throw new Error('The harness never handed its store to appStore.');
  return { harness, counting };
}

describe('one meeting read per request', () => {
  it('a Teams card click that changes the meeting reads it once, and its jobs are re-planned after the answer', async () => {
    const { harness: teams, counting } = await counted(startTeamsHarness);
    const { replanned } = await withScheduler(teams.deps, teams.delivery, teams.deps.store);
    const meeting = await createMeetingInTeams(teams);
    await teams.settled();
    const before = (await teams.store.getMeeting(meeting.id))!;
    counting.reset();

    const answer = await teams.post(execute(DANA, { serviceUrl: teams.connector.serviceUrl }, 'rsvp', { meetingId: meeting.id, participantId: idOf(meeting, 'designated_teacher'), answer: 'accept' }));
    expect(answer.status).toBe(200);
    // Before: the channel, the card action, the command and the scheduler's sync each read it (4).
    expect(counting.loads()).toEqual(['getMeeting']);

    await teams.settled();
    expect(counting.loads()).toEqual(['getMeeting']);
    expect(replanned).toContain(before.version + 1);
  });

  it('a command typed in the Teams meeting chat reads the chat\'s meeting once', async () => {
    const { harness: teams, counting } = await counted(startTeamsHarness);
    await createMeetingInTeams(teams);
    await linkMeetingChat(teams);
    counting.reset();

    const answer = await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT }, 'status'));
    expect(answer.status).toBe(200);
    expect(teams.connector.calls.filter((c) => c.conversationId === MEETING_CHAT).map(headingOf).at(-1)).toMatch(/^PEP meeting for/);
    // Before: the channel read the chat's meeting, then the command read it again (2).
    expect(counting.loads()).toEqual(['getMeeting']);
  });

  it('a Slack /pep action reads the meeting once, and its jobs are re-planned after the answer', async () => {
    const { harness: slack, counting } = await counted(startSlack);
    const { replanned } = await withScheduler(slack.deps, slack.delivery, slack.deps.store);
    await submitForm(slack, await openMeetingForm(slack), SLACK_FORM);
    await slack.settle();
    await linkLockAndStart(slack, 'C0PEPCHAT');
    const [meeting] = (await slack.store.meetingsOfParticipant({ kind: 'slack', slackUserId: SLACK_SAM.id })) as [Meeting];
    counting.reset();

    const typed = await type(slack, SLACK_SAM, 'C0PEPCHAT', 'action @Sam Social send the reading report by 4 December');
    expect(typed.answer.status).toBe(200);
    await slack.settle();
    // Before: the chat's meeting, the command and the scheduler's sync each read it (3).
    expect(counting.loads()).toEqual(['getMeeting']);
    const after = (await slack.store.getMeeting(meeting.id))!;
    expect(after.actions.map((a) => a.description)).toEqual(['send the reading report']);
    expect(replanned).toContain(after.version);
  });

  it('a command decided against a meeting that changed meanwhile reads it again once, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pep-loads-'));
    const real = await openStore({ dataDir: dir });
    await real.init();
    cleanups.push(async () => {
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const reads: string[] = [];
    const store = new Proxy(real, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'getMeeting' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          reads.push(String(property));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const deps: AppDeps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('c'), defaultTimeZone: 'Europe/London' };
    const meeting = aMeeting();
    await real.createMeeting(meeting, { events: [] });
    const stale = meeting;
    await executeCommand(deps, { meetingId: meeting.id, command: { type: 'addNote', text: 'first' }, actorId: meeting.organiserId, channel: 'teams', loaded: meeting });
    expect(reads).toEqual([]);

    await executeCommand(deps, { meetingId: meeting.id, command: { type: 'addNote', text: 'second' }, actorId: meeting.organiserId, channel: 'teams', loaded: stale });
    expect(reads).toEqual(['getMeeting']);
    expect((await real.getMeeting(meeting.id))!.notes.map((n) => n.text)).toEqual(['first', 'second']);
  });
});
