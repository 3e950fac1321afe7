import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../../src/app/create-meeting.js';
import { CardDelivery } from '../../../src/app/delivery.js';
import type { DeliveryEvent } from '../../../src/app/delivery.js';
import type { AppDeps } from '../../../src/app/deps.js';
import { executeOversightCommand } from '../../../src/app/execute-command.js';
import { officersForChild } from '../../../src/app/officers.js';
import { attachOutbox } from '../../../src/app/outbox/attach-outbox.js';
import type { DeliveryWorker } from '../../../src/app/outbox/delivery-worker.js';
import type { CardSpec } from '../../../src/app/outbox/outgoing.js';
import { toOfficers } from '../../../src/app/outbox/plan-outgoing.js';
import type { Officer } from '../../../src/domain/actor.js';
import type { Meeting } from '../../../src/domain/model.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { openStore } from '../../../src/stores/open-store.js';
import { settableClock } from '../../contract/settable-clock.js';
import { readyToSubmit } from '../../domain/oversight/qa-scenario.js';
import { counterIds, createInput, NOW } from '../../domain/scenario.js';
import { captureLog } from '../../server/harness.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';

const amy: Officer = { id: 'vs-amy', name: 'Amy Officer', slackUserId: 'U0AMY', roles: ['virtual_school_officer'] };
const bob: Officer = { id: 'vs-bob', name: 'Bob Officer', teamsAadObjectId: 'aad-bob', roles: ['virtual_school_officer'] };
const carol: Officer = { id: 'vs-carol', name: 'Carol Officer', roles: ['virtual_school_officer'] };
const head: Officer = { id: 'vs-head', name: 'Hana Head', slackUserId: 'U0HEAD', roles: ['virtual_school_head'] };
const officers = [amy, bob, carol, head];

let dir: string;
let store: MeetingStore;
let deps: AppDeps;
let teams: RecordingMessenger;
let slack: RecordingMessenger;
let reports: DeliveryEvent[];
let worker: DeliveryWorker;
const log = captureLog();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-officer-'));
  const clock = settableClock(NOW);
  store = await openStore({ dataDir: dir, clock });
  await store.init();
  deps = { store, clock, newId: counterIds('o'), defaultTimeZone: 'Europe/London', officers };
  teams = new RecordingMessenger('teams');
  slack = new RecordingMessenger('slack');
  reports = [];
  const delivery = new CardDelivery({ store, messengers: [teams, slack], report: (event) => reports.push(event), clock });
  worker = attachOutbox(deps, { delivery, logger: log.logger, publicBaseUrl: 'http://127.0.0.1:3978', tuning: { pollMs: 60_000 } });
});

afterEach(async () => {
  await worker.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Saves a change to the meeting with these messages queued, as a command would. */
async function queue(meeting: Meeting, show: CardSpec, to: readonly Officer[], mode: 'send' | 'refresh' = 'send'): Promise<Meeting> {
  const next = { ...meeting, version: meeting.version + 1 };
  const outbox = toOfficers(to, show, mode).map((message, index) => ({ id: `${meeting.id}/v${next.version}/${index + 1}`, meetingId: meeting.id, createdAt: NOW, message }));
  await store.saveMeeting(next, meeting.version, { events: [], outbox });
  return next;
}

describe('which officers hear about a child', () => {
  it('is the officer assigned to the child, else every Virtual School officer (not the head)', () => {
    expect(officersForChild(officers, 'vs-bob')).toEqual([bob]);
    expect(officersForChild(officers).map((o) => o.id)).toEqual(['vs-amy', 'vs-bob', 'vs-carol']);
    // An assignment the settings no longer know falls back to the team.
    expect(officersForChild(officers, 'vs-gone').map((o) => o.id)).toEqual(['vs-amy', 'vs-bob', 'vs-carol']);
  });
});

describe('officer delivery through the outbox', () => {
  it('sends each officer a direct message on the channel their identity is on', async () => {
    const meeting = await createMeeting(deps, { command: { ...createInput, organiser: { ...createInput.organiser, teamsAadObjectId: 'aad-sam' } }, channel: 'teams' });
    await queue(meeting, { card: 'agenda' }, [amy, bob]);
    await worker.drain();
    expect(slack.sent.map((s) => [s.kind, s.to, s.card.name])).toEqual([['direct', 'officer:vs-amy', 'agenda']]);
    expect(teams.sent.map((s) => [s.kind, s.to, s.card.name])).toEqual([['direct', 'officer:vs-bob', 'agenda']]);
    expect((await store.outboxOf(meeting.id)).every((m) => m.state === 'sent')).toBe(true);
  });

  it('updates the officer’s copy in place on refresh', async () => {
    const meeting = await createMeeting(deps, { command: createInput, channel: 'web' });
    const sent = await queue(meeting, { card: 'agenda' }, [amy]);
    await worker.drain();
    await queue(sent, { card: 'agenda' }, [amy], 'refresh');
    await worker.drain();
    expect(slack.sent.map((s) => s.kind)).toEqual(['direct', 'update']);
  });

  it('warns, naming the officer, when no chat reaches them, and tells the organiser', async () => {
    const meeting = await createMeeting(deps, { command: { ...createInput, organiser: { ...createInput.organiser, teamsAadObjectId: 'aad-sam' } }, channel: 'teams' });
    await queue(meeting, { card: 'agenda' }, [carol]);
    await worker.drain();
    const warning = log.records().find((r) => r.msg === 'virtual school officer not reachable');
    expect(warning).toMatchObject({ officerId: 'vs-carol', meetingId: meeting.id });
    expect(reports).toMatchObject([{ kind: 'officer_unreachable', officerId: 'vs-carol', card: 'agenda' }]);
    expect(JSON.stringify(teams.latest('reach-report')!.data)).toContain('Virtual School officer vs-carol');
    expect((await store.outboxOf(meeting.id)).find((m) => m.state === 'failed')?.reason).toContain('vs-carol');
  });

  it('gives up on an officer the settings no longer hold', async () => {
    const meeting = await createMeeting(deps, { command: createInput, channel: 'web' });
    await queue(meeting, { card: 'agenda' }, [{ ...amy, id: 'vs-left' }]);
    await worker.drain();
    expect(slack.sent).toEqual([]);
    expect((await store.outboxOf(meeting.id)).find((m) => m.state === 'failed')).toMatchObject({ reason: 'Virtual School officer vs-left is no longer in the council settings.' });
  });
});

describe('a change with something for officers', () => {
  it('goes to the officer assigned to the child, and only such changes ask who that is', async () => {
    const asked: string[] = [];
    deps.assignedOfficer = async (meeting) => {
      asked.push(meeting.child.ref);
      return 'vs-bob';
    };
    const s = readyToSubmit();
    // The meeting as the rules built it, saved as a channel would have created it.
    await store.createMeeting({ ...s.meeting, version: 1 }, { events: [] });
    const transition = { type: 'recordTransition', pathway: 'GCSEs', careersGuidance: 'Adviser in January', post16Options: 'College' };
    const noted = await executeOversightCommand(deps, { meetingId: s.meeting.id, command: transition, actorId: s.organiser, channel: 'teams' });
    expect(noted.queued.length).toBeGreaterThan(0);
    expect(asked).toEqual([]);
    const submitted = await executeOversightCommand(deps, { meetingId: s.meeting.id, command: { type: 'submitPlan' }, actorId: s.organiser, channel: 'teams' });
    expect(asked).toEqual(['PEP-2026-0042']);
    expect(submitted.queued.map((q) => q.message)).toEqual([{ kind: 'officer', officerId: 'vs-bob', show: { card: 'qa-review' }, mode: 'send' }]);
    await worker.drain();
    expect(teams.sent.filter((x) => x.card.name === 'qa-review').map((x) => x.to)).toEqual(['officer:vs-bob']);
  });

  it('goes to every Virtual School officer when the child has none assigned', async () => {
    const s = readyToSubmit();
    await store.createMeeting({ ...s.meeting, version: 1 }, { events: [] });
    const submitted = await executeOversightCommand(deps, { meetingId: s.meeting.id, command: { type: 'submitPlan' }, actorId: s.organiser, channel: 'teams' });
    expect(submitted.queued.map((q) => (q.message as { officerId: string }).officerId)).toEqual(['vs-amy', 'vs-bob', 'vs-carol']);
  });
});
