import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCardAction } from '../../src/app/card-actions.js';
import { createMeeting } from '../../src/app/create-meeting.js';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import type { CardName } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds, createInput } from '../domain/scenario.js';

/**
 * A refused click re-shows the card it came from with what was typed. The button's own data
 * (meetingId, participantId, answer …) is not something the person typed: the card data schemas
 * are strict, so it must not reach the re-shown form's values or the card cannot be drawn.
 */
let dir: string;
let store: MeetingStore;
let deps: AppDeps;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-refusals-'));
  store = await openStore({ dataDir: dir });
  await store.init();
  deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('r'), defaultTimeZone: 'Europe/London' };
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function invited(): Promise<Meeting> {
  const created = await createMeeting(deps, { command: createInput, channel: 'teams' });
  return (await executeCommand(deps, { meetingId: created.id, command: { type: 'sendInvitations' }, actorId: created.organiserId, channel: 'teams' })).meeting;
}

describe('a refused card click', () => {
  it('re-shows a card that renders, with only what was typed', async () => {
    const meeting = await invited();
    const teacher = meeting.participants.find((p) => p.role === 'designated_teacher')!;
    const carer = meeting.participants.find((p) => p.role === 'carer')!;
    const result = await handleCardAction(deps, {
      verb: 'rsvp',
      // Teams' Action.Submit fallback adds the verb to the data.
      payload: { meetingId: meeting.id, participantId: teacher.id, answer: 'decline', note: 'Not me', verb: 'rsvp' },
      actor: { kind: 'slack', slackUserId: carer.slackUserId! },
      channel: 'slack',
    });
    expect(result.card).toMatchObject({ name: 'invitation', data: { participantId: carer.id, values: { note: 'Not me' } } });
    expect(() => renderCard(result.card.name as CardName, result.card.data as never)).not.toThrow();
  });
});
