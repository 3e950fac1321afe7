import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMention } from '../../src/app/chat/chat-people.js';
import { handleChatCommand } from '../../src/app/chat/handle-chat-command.js';
import { createMeeting } from '../../src/app/create-meeting.js';
import { CardDelivery } from '../../src/app/delivery.js';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import { renderCard } from '../../src/cards/render-card.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds, createInput } from '../domain/scenario.js';
import { RecordingMessenger } from '../support/recording-messenger.js';

/**
 * Who a typed command names: anyone invited, however they were invited (a carer with no email
 * and no chat account included), by @mention or by typed name; and what the reply shows back.
 */
let dir: string;
let store: MeetingStore;
let deps: AppDeps;
let delivery: CardDelivery;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-owners-'));
  store = await openStore({ dataDir: dir });
  await store.init();
  deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('o'), defaultTimeZone: 'Europe/London' };
  delivery = new CardDelivery({ store, messengers: [new RecordingMessenger('teams')], report: () => undefined });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const organiser = { kind: 'teamsAad' as const, teamsAadObjectId: 'aad-sam' };
const chat = { channel: 'teams' as const, conversationId: '19:meeting_abc@thread.v2' };
const ADELE = { name: 'Adele Vance', role: 'carer' } as const;

/** A meeting in progress with Adele, a second carer invited by name only. */
async function inProgress(): Promise<Meeting> {
  const command = { ...createInput, organiser: { ...createInput.organiser, teamsAadObjectId: 'aad-sam' }, participants: [...createInput.participants, ADELE] };
  const created = await createMeeting(deps, { command, channel: 'teams' });
  for (const type of ['sendInvitations', 'lockAgenda', 'startMeeting'] as const) {
    await executeCommand(deps, { meetingId: created.id, command: { type }, actorId: created.organiserId, channel: 'teams' });
  }
  return (await store.getMeeting(created.id))!;
}
const run = (text: string, mentions: ChatMention[] = [], commandPrefix: '' | '/pep ' = '') =>
  handleChatCommand(deps, delivery, { text, mentions, actor: organiser, chat, isGroupChat: true, commandPrefix });
const adeleIn = (m: Meeting) => m.participants.find((p) => p.name === 'Adele Vance')!.id;
const shown = (reply: unknown) => JSON.stringify(renderCard((reply as { name: string }).name as never, (reply as { data: never }).data));

describe('naming an action owner', () => {
  it('a carer invited by name only, picked from the @-list, owns the action: their platform id is new, their name is not', async () => {
    const meeting = await inProgress();
    const mention = { kind: 'teamsAad' as const, teamsAadObjectId: 'aad-adele', name: 'Adele Vance' };
    const result = await run('action @{0} read with JD for 20 minutes every evening by 21 December', [mention]);
    expect(result.reply?.name).not.toBe('error');
    expect((await store.getMeeting(meeting.id))!.actions).toMatchObject([{ ownerId: adeleIn(meeting), description: 'read with JD for 20 minutes every evening', dueDate: '2026-12-21' }]);
  });

  it('the same goes for a Slack mention, and for revoking that person\'s links', async () => {
    const meeting = await inProgress();
    const mention = { kind: 'slack' as const, slackUserId: 'U0ADELE', name: 'Adele Vance' };
    expect((await run('revoke @{0}', [mention])).reply).toMatchObject({ name: 'confirmation', data: { title: 'Secure links switched off' } });
    expect((await store.getMeeting(meeting.id))!.version).toBeGreaterThan(meeting.version);
  });

  it('a mention whose name belongs to someone with another id on that platform is not them', async () => {
    await inProgress();
    // Chris Carer is in the meeting as Slack user U0CARER: a different Slack user called Chris Carer is someone else.
    const result = await run('action @{0} send the reading report by 21 December', [{ kind: 'slack', slackUserId: 'U0OTHER', name: 'Chris Carer' }]);
    expect(result.reply).toMatchObject({ name: 'error', data: { code: 'PARTICIPANT.NOT_FOUND', message: 'Chris Carer is not a participant of this meeting.' } });
  });

  it('a typed two-word name works, and the meeting\'s names decide where the name ends', async () => {
    const meeting = await inProgress();
    await run('action @Adele Vance read with JD for 20 minutes every evening by 21 December');
    await run('action @Dana Reading report sent to the school by 21 December');
    const actions = (await store.getMeeting(meeting.id))!.actions;
    expect(actions.map((a) => [a.ownerId, a.description])).toEqual([
      [adeleIn(meeting), 'read with JD for 20 minutes every evening'],
      [meeting.participants.find((p) => p.role === 'designated_teacher')!.id, 'Reading report sent to the school'],
    ]);
  });

  it('a typed name in lower case is read against the meeting\'s names; a name nobody has is said back', async () => {
    const meeting = await inProgress();
    await run('action @adele vance send the reading log by 21 December');
    expect((await store.getMeeting(meeting.id))!.actions).toMatchObject([{ ownerId: adeleIn(meeting), description: 'send the reading log' }]);
    await run('revoke @Adele Vance');
    const nobody = await run('action @Zoe Smith send the report by 21 December');
    expect(nobody.reply).toMatchObject({ name: 'error', data: { code: 'PARTICIPANT.NOT_FOUND', message: 'Nobody called "Zoe Smith" is in this meeting.' } });
  });

  it('a refusal shows the command as it was typed, with the names picked, never a placeholder', async () => {
    await inProgress();
    const result = await run('action @{0} send the report by 21 December', [{ kind: 'teamsAad', teamsAadObjectId: 'aad-eve', name: 'Eve Outsider' }]);
    expect(result.reply).toMatchObject({ name: 'error', data: { kept: [{ label: 'What you typed', value: 'action @Eve Outsider send the report by 21 December' }] } });
    expect(shown(result.reply)).not.toContain('@{0}');
  });
});

describe('SMART actions in the chat', () => {
  it('"support with reading" due on a Sunday is refused, naming the missing measure and the next working day', async () => {
    const meeting = await inProgress();
    const result = await run('action @{0} support with reading by 20 December', [{ kind: 'slack', slackUserId: 'U0ADELE', name: 'Adele Vance' }], '/pep ');
    expect(result.reply).toMatchObject({ name: 'error', data: { code: 'SMART.MISSING_MEASURE', kept: [{ label: 'What you typed', value: 'action @Adele Vance support with reading by 20 December' }] } });
    const card = shown(result.reply);
    expect(card).toContain('(Measurable)');
    expect(card).toContain('the next working day is Monday 21 December 2026');
    // Still vague, so there is no command to offer ready-made.
    expect(card).not.toContain('Ready to send');
    expect((await store.getMeeting(meeting.id))!.actions).toEqual([]);
  });

  it('a clear action due on a Sunday comes back ready to send for the next working day', async () => {
    await inProgress();
    const result = await run('action @{0} send the reading log by 20 December', [{ kind: 'slack', slackUserId: 'U0ADELE', name: 'Adele Vance' }], '/pep ');
    expect(result.reply).toMatchObject({ name: 'error', data: { code: 'ACTION.DUE_NOT_WORKING_DAY' } });
    expect(shown(result.reply)).toContain('Ready to send with the next working day: \\"/pep action @Adele Vance send the reading log by Monday 21 December 2026\\"');
  });

  it('the offered command is one the chat reads as the same action on the next working day', async () => {
    const meeting = await inProgress();
    await run('action @Adele Vance send the reading log by Monday 21 December 2026');
    expect((await store.getMeeting(meeting.id))!.actions).toMatchObject([{ ownerId: adeleIn(meeting), description: 'send the reading log', dueDate: '2026-12-21' }]);
  });
});

describe('what the chat shows back', () => {
  it('"start" a week early with the child not answering warns about both; the meeting still starts', async () => {
    const command = { ...createInput, organiser: { ...createInput.organiser, teamsAadObjectId: 'aad-sam' } };
    const created = await createMeeting(deps, { command, channel: 'teams' });
    for (const type of ['sendInvitations', 'lockAgenda'] as const) {
      await executeCommand(deps, { meetingId: created.id, command: { type }, actorId: created.organiserId, channel: 'teams' });
    }
    await run('link PEP-2026-0042');
    const result = await run('start');
    expect(result.reply).toMatchObject({ name: 'confirmation', data: { title: 'The meeting has started: please check' } });
    const card = shown(result.reply);
    expect(card).toContain('planned for Friday 4 December 2026, 9 days from today');
    expect(card).toContain('JD has not said they are coming and their views have not been gathered');
    expect((await store.getMeeting(created.id))!.status).toBe('in_progress');
  });

  it('"status" and "next review" write dates out; a bare refused command is not handed back as something to retype', async () => {
    await inProgress();
    expect((await run('next review 10 March')).reply).toMatchObject({ data: { message: 'The next PEP review is on Wednesday 10 March 2027.' } });
    expect((await run('status')).reply).toMatchObject({ data: { facts: expect.arrayContaining([{ label: 'Next review', value: 'Wednesday 10 March 2027' }]) } });
    const refused = await run('start');
    expect(refused.reply).toMatchObject({ name: 'error', data: { message: 'The meeting cannot start: the meeting has already started.', kept: [] } });
    expect(shown(refused.reply)).not.toContain('What we kept');
  });
});
