import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCardAction } from '../../src/app/card-actions.js';
import { createMeeting } from '../../src/app/create-meeting.js';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds, createInput } from '../domain/scenario.js';

/**
 * A channel that already knows who the person is (the web channel: the secure link is bound to
 * one participant) passes the participant itself instead of a chat identity.
 */
let dir: string;
let store: MeetingStore;
let deps: AppDeps;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-known-'));
  store = await openStore({ dataDir: dir });
  await store.init();
  deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('k'), defaultTimeZone: 'Europe/London' };
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function withCarerPrompt(): Promise<{ meeting: Meeting; carerId: string; promptId: string }> {
  const created = await createMeeting(deps, { command: createInput, channel: 'teams' });
  const carerId = created.participants.find((p) => p.role === 'carer')!.id;
  await executeCommand(deps, { meetingId: created.id, command: { type: 'sendInvitations' }, actorId: created.organiserId, channel: 'teams' });
  const { meeting } = await executeCommand(deps, { meetingId: created.id, command: { type: 'sendPrompt', participantId: carerId, kind: 'carer' }, actorId: created.organiserId, channel: 'teams' });
  return { meeting, carerId, promptId: meeting.prompts[0]!.id };
}

describe('a card action by a known participant', () => {
  it('is applied as that participant, on the channel given, in the audit trail', async () => {
    const { meeting, carerId, promptId } = await withCarerPrompt();
    const result = await handleCardAction(deps, {
      verb: 'prompt.answer',
      payload: { meetingId: meeting.id, promptId, kind: 'carer', mood: '4', toRaise: 'Bedtimes' },
      actor: { kind: 'participant', participantId: carerId },
      channel: 'web',
    });
    expect(result.change).toMatchObject({ command: 'answerPrompt' });
    expect((await store.getMeeting(meeting.id))!.prompts[0]!.answer).toEqual({ kind: 'carer', mood: 4, toRaise: 'Bedtimes' });
    expect((await store.auditTrail(meeting.id)).at(-1)).toMatchObject({ type: 'answerPrompt', actorId: carerId, channel: 'web' });
  });

  it('is refused for an id that is not in the meeting, and for someone else’s card', async () => {
    const { meeting, promptId } = await withCarerPrompt();
    const payload = { meetingId: meeting.id, promptId, kind: 'carer', mood: '4' };
    const stranger = await handleCardAction(deps, { verb: 'prompt.answer', payload, actor: { kind: 'participant', participantId: 'nobody' }, channel: 'web' });
    expect(stranger.change).toBeUndefined();
    expect(stranger.card).toMatchObject({ name: 'error', data: { code: 'PERMISSION.NOT_PARTICIPANT' } });
    const teacherId = meeting.participants.find((p) => p.role === 'designated_teacher')!.id;
    const teacher = await handleCardAction(deps, { verb: 'prompt.answer', payload, actor: { kind: 'participant', participantId: teacherId }, channel: 'web' });
    expect(teacher.change).toBeUndefined();
    expect((await store.getMeeting(meeting.id))!.prompts[0]!.answer).toBeUndefined();
  });

  it('never matches a participant id against a chat identity, or the other way round', async () => {
    const { meeting, carerId, promptId } = await withCarerPrompt();
    const payload = { meetingId: meeting.id, promptId, kind: 'carer', mood: '4' };
    const asSlackId = await handleCardAction(deps, { verb: 'prompt.answer', payload, actor: { kind: 'slack', slackUserId: carerId }, channel: 'slack' });
    expect(asSlackId.change).toBeUndefined();
    const carerSlack = meeting.participants.find((p) => p.id === carerId)!.slackUserId!;
    const asParticipant = await handleCardAction(deps, { verb: 'prompt.answer', payload, actor: { kind: 'participant', participantId: carerSlack }, channel: 'web' });
    expect(asParticipant.change).toBeUndefined();
  });
});
