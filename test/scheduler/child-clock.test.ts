import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childStatus } from '../../src/app/child/child-clock.js';
import { handleCardAction } from '../../src/app/card-actions.js';
import { handleChatCommand } from '../../src/app/chat/handle-chat-command.js';
import { executeCommand } from '../../src/app/execute-command.js';
import { composeApp } from '../../src/compose.js';
import type { ComposedApp } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { Meeting } from '../../src/domain/model.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { defaultSqliteFilename } from '../../src/stores/sqlite/default-file.js';
import { openStore } from '../../src/stores/open-store.js';
import { settableClock } from '../contract/settable-clock.js';
import type { SettableClock } from '../contract/settable-clock.js';
import { jobsFollowTheClock } from '../scenario/full-bot.js';
import { captureLog } from '../server/harness.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { RecordingMessenger } from '../support/recording-messenger.js';
import { eventually } from './fixtures/harness.js';

/**
 * The statutory clock end to end below the channels: events recorded from the organiser's chat
 * command or by a meeting concluding, the clock's jobs planned in the real scheduler (SQLite
 * jobs), and time moved on by a controllable clock that moves the waiting jobs with it.
 */
const SAM = { kind: 'teams' as const, teamsUserId: '29:1a2b3c-sam' };
/** The council's one Virtual School officer, reachable in Teams. */
const AMY = { id: 'vso-amy', name: 'Amy Officer', teamsAadObjectId: '6f1c2d3e-0000-4000-8000-0000000000aa', roles: ['virtual_school_officer'] };

interface Bot {
  app: ComposedApp;
  store: StoreWithChildren;
  clock: SettableClock;
  messenger: RecordingMessenger;
}

let dir: string | undefined;
let bot: Bot | undefined;

afterEach(async () => {
  await bot?.app.outbox.stop();
  await bot?.app.scheduler.stop();
  await bot?.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  bot = undefined;
  dir = undefined;
});

async function startBot(now: string): Promise<Bot> {
  dir = mkdtempSync(join(tmpdir(), 'pep-clock-'));
  const store = await openStore({ dataDir: dir });
  await store.init();
  const clock = jobsFollowTheClock(settableClock(now), defaultSqliteFilename(dir));
  const messenger = new RecordingMessenger('teams');
  const log = captureLog();
  const councilFile = join(dir, 'council.json');
  writeFileSync(councilFile, JSON.stringify({ officers: [AMY] }));
  const app = await composeApp({
    config: loadConfig({ DATA_DIR: dir, PORT: '0', COUNCIL_SETTINGS: councilFile }),
    logger: log.logger,
    store,
    clock,
    schedulerTuning: { processEveryMs: 50, retryDelayMs: 50 },
    channels: async () => [{ name: 'teams', messenger }],
  });
  bot = { app, store, clock, messenger };
  return bot;
}

const isClockCard = (card: { name: string; data: unknown }): boolean => card.name === 'confirmation' && /^PEP (due soon|overdue)/.test((card.data as { title: string }).title);
const words = (card: { data: unknown }): string => `${(card.data as { title: string }).title}: ${(card.data as { message: string }).message}`;

/**
 * The statutory clock's cards to the organiser, as "title: message": each sent directly to the
 * organiser of the child's latest meeting at the time (once the next PEP is prepared, its organiser).
 */
const clockCards = (b: Bot): string[] => b.messenger.sent.filter((sent) => sent.kind === 'direct' && sent.to !== 'officer:vso-amy' && isClockCard(sent.card)).map((sent) => words(sent.card));

/** The same cards as the officer got them. */
const officerCards = (b: Bot): string[] => b.messenger.sent.filter((sent) => sent.kind === 'direct' && sent.to === 'officer:vso-amy' && isClockCard(sent.card)).map((sent) => words(sent.card));

async function typed(b: Bot, text: string) {
  const result = await handleChatCommand(b.app.deps, b.app.delivery, { text, mentions: [], actor: SAM, chat: { channel: 'teams', conversationId: 'dm-sam' }, isGroupChat: false });
  return result.reply?.data as { title: string; message: string; kept?: unknown; facts?: { label: string; value: string }[]; school?: string; meetingId?: string };
}

async function concluded(b: Bot, meeting: Meeting): Promise<void> {
  await b.store.createMeeting(meeting, { events: [] });
  await executeCommand(b.app.deps, { meetingId: meeting.id, command: { type: 'concludeMeeting' }, actorId: 'p-organiser', channel: 'teams' });
  await b.app.outbox.drain();
}

async function moveTo(b: Bot, instant: string): Promise<void> {
  b.clock.set(instant);
  await b.app.outbox.drain();
}

describe('the statutory clock through the scheduler', () => {
  it('entering care: the PEP is due in 10 working days, the organiser and the officer are nudged 5 working days before, then told it is overdue', async () => {
    const b = await startBot('2026-11-02T10:00:00Z');
    await b.store.createMeeting(aMeeting({ status: 'invited', startsAt: '2026-12-10T10:00:00Z', createdAt: '2026-10-20T09:00:00Z', actions: [] }), { events: [] });

    const reply = await typed(b, 'child PEP-2026-0042 entered care 2 November');
    expect(reply).toMatchObject({ title: 'Entering care recorded for PEP-2026-0042', message: 'Due by Monday 16 November 2026: the first PEP to be started (entered care) (14 days left).' });
    expect(await childStatus(b.app.deps, 'PEP-2026-0042')).toMatchObject({ kind: 'initial', nextDue: '2026-11-16', nudgeOn: '2026-11-09', breached: false });

    await moveTo(b, '2026-11-06T12:00:00Z');
    expect(clockCards(b)).toEqual([]);
    await moveTo(b, '2026-11-09T09:30:00Z');
    await eventually(() => expect(clockCards(b)).toEqual(['PEP due soon for PEP-2026-0042: The first PEP to be started (entered care) is due by Monday 16 November 2026.']));
    await moveTo(b, '2026-11-17T09:30:00Z');
    await eventually(() => expect(clockCards(b)).toHaveLength(2));
    expect(clockCards(b)[1]).toBe('PEP overdue for PEP-2026-0042: OVERDUE: the first PEP to be started (entered care) was due by Monday 16 November 2026. The Virtual School has been told.');
    expect(officerCards(b)).toEqual(clockCards(b));
    expect(await childStatus(b.app.deps, 'PEP-2026-0042')).toMatchObject({ kind: 'initial', breached: true, daysLeft: -1 });
  });

  it('a school move whose window runs into the Christmas holiday: an interim PEP before it, held, and the full one planned for January', async () => {
    const b = await startBot('2026-12-07T10:00:00Z');
    await b.store.createMeeting(aMeeting({ status: 'invited', startsAt: '2026-12-17T10:00:00Z', createdAt: '2026-12-01T09:00:00Z', actions: [] }), { events: [] });

    const reply = await typed(b, 'child PEP-2026-0042 moved school Southfield Academy on 7 December teacher DT@Southfield.sch.uk');
    // The answer is the handover card for the child's next PEP, with where the clock stands.
    expect(reply).toMatchObject({ school: 'Southfield Academy', clock: 'Due by Friday 18 December 2026: an interim PEP before the school holiday (11 days left).', values: { teacherEmail: 'dt@southfield.sch.uk' } });
    expect(await b.store.getChild('PEP-2026-0042')).toMatchObject({ school: 'Southfield Academy', designatedTeacherEmail: 'dt@southfield.sch.uk' });

    await moveTo(b, '2026-12-11T09:30:00Z');
    await eventually(() => expect(clockCards(b)).toEqual(['PEP due soon for PEP-2026-0042: An interim PEP before the school holiday is due by Friday 18 December 2026.']));

    // The interim PEP is held on the 17th: concluding it records the PEP held and moves the clock on.
    await moveTo(b, '2026-12-17T11:00:00Z');
    await concluded(b, aMeeting({ startsAt: '2026-12-17T10:00:00Z', nextReviewDate: '2027-01-04', actions: [] }));
    await eventually(async () => expect(await childStatus(b.app.deps, 'PEP-2026-0042')).toMatchObject({ kind: 'new_school', nextDue: '2027-01-04', nudgeOn: '2026-12-23', breached: false }));
    expect((await b.store.getChild('PEP-2026-0042'))?.events.map((event) => `${event.kind} ${event.on}`)).toEqual(['changed_school 2026-12-07', 'pep_held 2026-12-17']);

    // No overdue notice for the interim PEP that was held; the full one's nudge comes in the holiday.
    await moveTo(b, '2026-12-23T09:30:00Z');
    await eventually(() => expect(clockCards(b)).toHaveLength(2));
    expect(clockCards(b)[1]).toBe('PEP due soon for PEP-2026-0042: A new PEP after the change of school is due by Monday 4 January 2027.');
    expect(officerCards(b)).toEqual(clockCards(b));
  });

  it('a missed termly review: the PEP held in March makes the next due in the first half of the summer term, and it is flagged overdue on the status card', async () => {
    const b = await startBot('2026-03-10T11:00:00Z');
    await concluded(b, aMeeting({ nextReviewDate: '2026-06-10', actions: [] }));
    // No record existed: the meeting's conclusion made it, with the PEP held.
    await eventually(async () => expect(await childStatus(b.app.deps, 'PEP-2026-0042')).toMatchObject({ kind: 'termly', nextDue: '2026-05-22', nudgeOn: '2026-05-15' }));
    expect((await b.store.childAuditTrail('PEP-2026-0042')).map((event) => `${event.actorId} ${event.type}`)).toEqual(['system createChild', 'system recordPepHeld']);

    await moveTo(b, '2026-05-15T09:30:00Z');
    await eventually(() => expect(clockCards(b)).toEqual(['PEP due soon for PEP-2026-0042: The termly PEP review is due by Friday 22 May 2026.']));
    await moveTo(b, '2026-05-23T09:30:00Z');
    await eventually(() => expect(clockCards(b)).toHaveLength(2));
    expect(clockCards(b)[1]).toBe('PEP overdue for PEP-2026-0042: OVERDUE: the termly PEP review was due by Friday 22 May 2026. The Virtual School has been told.');
    expect(officerCards(b)).toEqual(clockCards(b));
    expect(await childStatus(b.app.deps, 'PEP-2026-0042')).toMatchObject({ kind: 'termly', breached: true });
    // The organiser's status card for the child's meeting carries the flag.
    expect((await typed(b, 'status')).facts).toContainEqual({ label: 'Statutory clock', value: 'OVERDUE: the termly PEP review was due by Friday 22 May 2026.' });
  });

  it('a school move hands the next PEP to the new designated teacher once the organiser confirms, keeping everyone already on it', async () => {
    const b = await startBot('2026-11-09T10:00:00Z');
    const next = aMeeting({ status: 'invited', startsAt: '2026-12-10T10:00:00Z', actions: [] });
    await b.store.createMeeting(next, { events: [] });
    const card = await typed(b, 'child PEP-2026-0042 moved school Southfield Academy on 9 November teacher dt@southfield.sch.uk');
    expect(card).toMatchObject({ meetingId: next.id, school: 'Southfield Academy' });

    const missing = await handleCardAction(b.app.deps, { verb: 'child.handover', payload: { meetingId: next.id, school: 'Southfield Academy', teacherName: '', teacherEmail: 'dt@southfield.sch.uk' }, actor: SAM, channel: 'teams' });
    // Shown again with what was typed and what to fix.
    expect(missing.card).toMatchObject({ name: 'handover', data: { values: { teacherEmail: 'dt@southfield.sch.uk' }, errors: ["Give the new designated teacher's name."] } });

    const confirmed = await handleCardAction(b.app.deps, { verb: 'child.handover', payload: { meetingId: next.id, school: 'Southfield Academy', teacherName: 'Pat Newton', teacherEmail: 'dt@southfield.sch.uk' }, actor: SAM, channel: 'teams' });
    expect(confirmed.card.data).toMatchObject({ title: 'New designated teacher invited' });
    const after = await b.store.getMeeting(next.id);
    expect(after?.participants.map((p) => `${p.name} ${p.role}${p.invitedAt ? ' invited' : ''}`)).toEqual(['Sam Patel social_worker', 'Alex Morgan designated_teacher', 'Chris Jones carer', 'Pat Newton designated_teacher invited']);
    expect((await b.store.auditTrail(next.id)).map((event) => event.type)).toContain('addParticipant');
  });

  it('refuses someone who does not organise a meeting for the child, keeping what they typed', async () => {
    const b = await startBot('2026-11-02T10:00:00Z');
    await b.store.createMeeting(aMeeting({ status: 'invited', startsAt: '2026-12-10T10:00:00Z' }), { events: [] });
    const result = await handleChatCommand(b.app.deps, b.app.delivery, {
      text: 'child PEP-2026-0042 entered care 2 November',
      mentions: [],
      actor: { kind: 'slack', slackUserId: 'U012AB3CD' },
      chat: { channel: 'slack', conversationId: 'D1' },
      isGroupChat: false,
    });
    expect(result.reply?.data).toMatchObject({ code: 'PERMISSION.NOT_ORGANISER', kept: expect.anything() });
    expect(await b.store.getChild('PEP-2026-0042')).toBeUndefined();
  });
});
