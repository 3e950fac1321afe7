import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/app/create-meeting.js';
import type { AppDeps } from '../../src/app/deps.js';
import { describeError } from '../../src/app/error-messages.js';
import { executeCommand } from '../../src/app/execute-command.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds, createInput } from '../domain/scenario.js';

/**
 * The use cases against the real embedded store: what a channel adapter will call.
 */
let dir: string;
let store: MeetingStore;
let deps: AppDeps;

const open = async (): Promise<MeetingStore> => {
  const s = await openStore({ dataDir: dir });
  await s.init();
  return s;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-app-'));
  store = await open();
  deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('app'), defaultTimeZone: 'Europe/London' };
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const role = (meeting: Meeting, r: string) => meeting.participants.find((p) => p.role === r)!.id;

async function invitedMeeting(): Promise<Meeting> {
  const meeting = await createMeeting(deps, { command: createInput, channel: 'teams' });
  return (await executeCommand(deps, { meetingId: meeting.id, command: { type: 'sendInvitations' }, actorId: meeting.organiserId, channel: 'teams' })).meeting;
}

describe('executing commands against the embedded store', () => {
  it('two people answering at the same moment both keep their answer', async () => {
    const meeting = await invitedMeeting();
    let conflicts = 0;
    const save = store.saveMeeting.bind(store);
    deps.store = { ...store, saveMeeting: (m, v, o) => save(m, v, o).catch((e: { code?: string }) => { if (e.code === 'STORE.CONFLICT') conflicts++; throw e; }) };
    const answers = ['designated_teacher', 'carer', 'child', 'virtual_school_officer'].map((r, i) =>
      executeCommand(deps, {
        meetingId: meeting.id,
        command: { type: 'recordRsvp', answer: i % 2 ? 'accept' : 'tentative' },
        actorId: role(meeting, r),
        channel: i % 2 ? 'slack' : 'teams',
      }),
    );
    await Promise.all(answers);
    expect(conflicts).toBeGreaterThan(0);
    const stored = (await store.getMeeting(meeting.id))!;
    expect(stored.participants.map((p) => p.rsvp?.answer)).toEqual(['accept', 'tentative', 'accept', 'tentative', 'accept']);
    expect(stored.version).toBe(2 + 4);
    const trail = await store.auditTrail(meeting.id);
    expect(trail.map((e) => e.type)).toEqual(['createMeeting', 'sendInvitations', 'recordRsvp', 'recordRsvp', 'recordRsvp', 'recordRsvp']);
  });

  it('a double-click applies once: the second is a replay with no new audit entry', async () => {
    const meeting = await invitedMeeting();
    const request = {
      meetingId: meeting.id,
      command: { type: 'recordRsvp', answer: 'decline' },
      actorId: role(meeting, 'carer'),
      channel: 'teams' as const,
      idempotencyKey: 'teams:activity-123:carer',
    };
    const [first, second] = await Promise.all([executeCommand(deps, request), executeCommand(deps, request)]);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect((await store.auditTrail(meeting.id)).filter((e) => e.type === 'recordRsvp')).toHaveLength(1);
    const replay = await executeCommand(deps, request);
    expect(replay).toMatchObject({ replayed: true, alerts: [] });
  });

  it('bad input is refused with a clear message, keeps what was typed, and changes nothing', async () => {
    const meeting = await invitedMeeting();
    const before = await store.getMeeting(meeting.id);
    const attempts = [
      { actorId: 'not-invited', command: { type: 'recordRsvp', answer: 'accept' }, code: 'PERMISSION.NOT_PARTICIPANT' },
      { actorId: meeting.organiserId, command: { type: 'concludeMeeting' }, code: 'MEETING.WRONG_STATUS' },
      { actorId: meeting.organiserId, command: { type: 'addParticipant', participant: { name: 'Pat', role: 'head' } }, code: 'VALIDATION.INVALID_INPUT' },
      { actorId: role(meeting, 'carer'), command: { type: 'recordRsvp', answer: 'maybe', note: 'Only after 3pm' }, code: 'VALIDATION.INVALID_INPUT' },
    ];
    for (const attempt of attempts) {
      const error = await executeCommand(deps, { meetingId: meeting.id, channel: 'slack', ...attempt }).catch((e: unknown) => e);
      const described = describeError(error);
      expect(described.code).toBe(attempt.code);
      expect(described.message.length).toBeGreaterThan(10);
      if (attempt.code === 'VALIDATION.INVALID_INPUT') expect(described.kept).toEqual(attempt.command);
    }
    expect(await store.getMeeting(meeting.id)).toEqual(before);
    expect((await store.auditTrail(meeting.id)).map((e) => e.type)).toEqual(['createMeeting', 'sendInvitations']);
  });

  it('an unknown meeting is MEETING.NOT_FOUND', async () => {
    const error = await executeCommand(deps, { meetingId: 'nope', command: { type: 'signOffAgenda' }, actorId: 'x', channel: 'web' }).catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({ code: 'MEETING.NOT_FOUND', title: 'Meeting not found' });
  });

  it('an unexpected failure is described vaguely, never with internals', () => {
    expect(describeError(new Error('SQLITE_BUSY at /work/data'))).toMatchObject({ code: 'INTERNAL', message: expect.not.stringContaining('SQLITE') });
  });

  it('a restart keeps every meeting, answer and audit entry', async () => {
    const meeting = await invitedMeeting();
    await executeCommand(deps, { meetingId: meeting.id, command: { type: 'recordRsvp', answer: 'accept' }, actorId: role(meeting, 'carer'), channel: 'web' });
    const before = await store.getMeeting(meeting.id);
    const trail = await store.auditTrail(meeting.id);
    await store.close();
    store = await open();
    expect(await store.getMeeting(meeting.id)).toEqual(before);
    expect(await store.auditTrail(meeting.id)).toEqual(trail);
    expect((await store.findParticipants({ kind: 'slack', slackUserId: 'U0CARER' }))[0]!.participant.rsvp?.answer).toBe('accept');
  });
});
