import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { invitationCard } from '../../src/app/views/preparation-cards.js';
import { SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import { slackMessage } from '../../src/channels/slack/render.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { PREFERENCES_NAMESPACE } from '../../src/scheduler/preferences-source.js';
import { parseDataKeys } from '../../src/stores/encryption/data-keys.js';
import { openStore } from '../../src/stores/open-store.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import { readText, SlackApiStub } from '../channels/slack/slack-api-stub.js';
import type { Block, SlackMessageNow } from '../channels/slack/slack-api-stub.js';
import { ADELE, CHRIS, DANA, OLLY, SAM, SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { click } from '../channels/slack/slack-scenes.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import type { BotHome, RunningBot } from '../support/bot-process.js';
import { botHome, builtBot, freePort } from '../support/bot-process.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { meetingUnderWay, slackPerson, typeIn } from './slack-bot.js';

/**
 * Issue 14: two PEP Bot processes sharing one store behave as one bot. Both are real processes
 * started as `npm start` starts them, from the built dist/ (test/support/bot-process.ts builds it
 * when src/ is newer), each on its own port, both running the scheduler and the outbox worker on
 * the same store; Slack's Web API is one loopback stub that records which process
 * called (each has its own SLACK_API_URL into it). On the embedded store they share one
 * DATA_DIR (SQLite in WAL mode); with MONGODB_URI set (or a mongod the test setup can start) the
 * same runs against one MongoDB database, and is skipped by name when none can be had.
 *
 * A double-click that lands on both applies once; an RSVP handled by one is on the card the
 * other draws a moment later; reminders due while both run go once; killing the process in the
 * middle of a fan-out (kill -9) leaves the other to finish it, each card delivered once; and a
 * slash command in flight in one is not run again by a process starting beside it, but is taken
 * over, once, when its own process is killed.
 */
const mongo = inject('mongo');

/** The shortest lease the bot accepts: how long the killed process's hold on the fan-out lasts. */
const LEASE_SECONDS = 15;
/** Agenda's production poll (src/scheduler/start-scheduler.ts): a second run of a reminder would come within it, and the next case outlasts it. */
const SCHEDULER_POLL_MS = 10_000;
const USERS = [SAM, DANA, CHRIS, OLLY, ADELE];
/** Building dist/ (when src/ is newer) takes about half a minute on a busy machine; then two starts. */
const BUILD_AND_START_MS = 150_000;

/** The same URI on a database of its own, so runs never meet. */
const onDatabase = (uri: string, name: string): string => uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${name}`);

const STORES = [
  { store: 'the embedded store: SQLite on one DATA_DIR', env: (): Record<string, string> => ({}), skip: undefined },
  {
    store: 'MongoDB',
    env: (): Record<string, string> =>
      mongo.available ? { MONGODB_URI: onDatabase(mongo.uri, `pep_two_${randomUUID().slice(0, 8)}`), DATA_ENCRYPTION_KEYS: `two:${randomBytes(32).toString('base64')}` } : {},
    skip: mongo.available ? undefined : mongo.reason,
  },
];

/** Hours from now in London as HH:mm: quiet hours placed well away from the test's own time. */
const londonClock = (hoursFromNow: number): string => DateTime.now().setZone('Europe/London').plus({ hours: hoursFromNow }).toFormat('HH:mm');

/**
 * Invited for the day after tomorrow; Dana and Chris have not answered, and each owes a
 * contribution already due: at the first plan Dana's chaser and Chris's chaser and his carer's
 * questions are due, and nothing else is before tomorrow (so nothing else is sent during the test).
 */
function invitedMeeting(): Meeting {
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  return aMeeting({
    status: 'invited',
    child: { ref: 'PEP-2026-0077', initials: 'KL', yearGroup: 5, school: 'Northfield Academy' },
    organiserId: 'p-sam',
    startsAt: at(48 * 3_600_000),
    participants: [
      { ...slackPerson(SAM, 'p-sam', 'social_worker'), invitedAt: at(-60_000), rsvp: { answer: 'accept', at: at(-60_000) } },
      { ...slackPerson(DANA, 'p-dana', 'designated_teacher'), invitedAt: at(-60_000) },
      { ...slackPerson(CHRIS, 'p-chris', 'carer'), invitedAt: at(-60_000) },
    ],
    contributions: [
      { id: 'c-dana', participantId: 'p-dana', kind: 'school', dueAt: at(-30_000), requestedAt: at(-60_000), status: 'requested' },
      { id: 'c-chris', participantId: 'p-chris', kind: 'carer', dueAt: at(-30_000), requestedAt: at(-60_000), status: 'requested' },
    ],
    agenda: { items: [], signOffs: [] },
    actions: [],
    createdAt: at(-120_000),
    updatedAt: at(-60_000),
  });
}

/** Nudges any day (so the meeting reminder is tomorrow, whatever today is), at any hour but a quiet one far from now: the chasers go the moment they are planned. */
const anyTime = { days: [1, 2, 3, 4, 5, 6, 7], bankHolidays: true, quietHours: { start: londonClock(6), end: londonClock(7) } };

/** Issue 12's fan-out: Sam closes a meeting under way, and the plan goes to five people on Slack. */
function meetingToClose(): Meeting {
  const meeting = meetingUnderWay();
  return {
    ...meeting,
    nextReviewDate: '2027-03-10',
    participants: [...meeting.participants, slackPerson(OLLY, 'p-olly', 'virtual_school_officer'), slackPerson(ADELE, 'p-adele', 'other'), { id: 'p-jordan', name: 'Jordan Doe', initials: 'JD', role: 'child' }],
  };
}

describe.each(STORES)('two PEP Bot processes on $store', ({ env, skip }) => {
  let stub: SlackApiStub;
  let home: BotHome;
  let storeEnv: Record<string, string>;
  let a: RunningBot;
  let b: RunningBot;
  let remindersSeenAt = Number.POSITIVE_INFINITY;
  /** The process the fan-out case left running. */
  let survivor: RunningBot | undefined;
  const meeting = invitedMeeting();
  const sides = () => ({
    a: { slack: new SlackSender(`${a.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET), stub, settle: async () => undefined },
    b: { slack: new SlackSender(`${b.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET), stub, settle: async () => undefined },
  });

  /** The shared store, opened by the test as a third process would, while both bots run. */
  async function inStore<T>(use: (store: MeetingStore) => Promise<T>): Promise<T> {
    const keys = storeEnv.DATA_ENCRYPTION_KEYS;
    const store = await openStore({ dataDir: home.dataDir, mongodbUri: storeEnv.MONGODB_URI, dataKeys: keys === undefined ? undefined : parseDataKeys(keys) });
    await store.init();
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  const updatesOf = (channel: string, via: string) => stub.callsOf('chat.update').filter((c) => c.args.channel === channel && c.via === via);
  /** What the scheduler sends about the invited meeting: contribution chasers, and the carer's questions. */
  const remindersTo = (userId: string) => stub.callsOf('chat.postMessage').filter((c) => c.args.channel === userId && String(c.args.text).includes('the PEP meeting for KL'));
  const chasersTo = (userId: string) => remindersTo(userId).filter((c) => String(c.args.text).startsWith('Please send your'));
  /** Every reminder text each person got, and how often. */
  const reminderCounts = () => {
    const counts = new Map<string, number>();
    for (const call of [...remindersTo(DANA.id), ...remindersTo(CHRIS.id)]) counts.set(`${String(call.args.channel)} ${String(call.args.text)}`, (counts.get(`${String(call.args.channel)} ${String(call.args.text)}`) ?? 0) + 1);
    return counts;
  };
  const plansTo = (userId: string) => stub.callsOf('chat.postMessage').filter((c) => c.args.channel === userId && String(c.args.text).startsWith('The written plan for the PEP meeting for JD'));
  /** The invitation as it sits in the person's DM with the bot. */
  const invitationOf = (participantId: string, channel: string): SlackMessageNow => ({
    channel,
    ts: '1700000000.000200',
    text: 'invitation',
    blocks: slackMessage(invitationCard(meeting, participantId)).blocks as Block[],
  });

  beforeAll(async () => {
    if (skip) return;
    const buildMs = await builtBot();
    if (buildMs > 0) console.info(`[two-processes] dist/ was older than src/: built it in ${(buildMs / 1000).toFixed(1)} s`);
    storeEnv = env();
    stub = new SlackApiStub(USERS);
    await stub.start();
    home = await botHome({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS), ...storeEnv }, 'dist');
    await inStore(async (store) => {
      await store.createMeeting(meeting, { events: [] });
      await store.putValue(PREFERENCES_NAMESPACE, meeting.id, { 'p-sam': anyTime, 'p-dana': anyTime, 'p-chris': anyTime });
    });
    const portB = await freePort();
    [a, b] = await Promise.all([home.start({ SLACK_API_URL: stub.apiUrlFor('a') }), home.start({ SLACK_API_URL: stub.apiUrlFor('b') }, portB)]);
  }, BUILD_AND_START_MS);

  afterAll(async () => {
    if (skip) return;
    await home.close();
    await stub.stop();
    if (storeEnv.MONGODB_URI) {
      const client = new MongoClient(storeEnv.MONGODB_URI);
      try {
        await client.db().dropDatabase();
      } finally {
        await client.close();
      }
    }
  });

  it.skipIf(skip)('applies once a double-click that lands on both processes at the same moment', async () => {
    const { a: onA, b: onB } = sides();
    const invitation = invitationOf('p-dana', 'D0DANA');
    const both = { title: 'Accept', actionTs: '1700000100.000001' };
    const answers = await Promise.all([click(onA, DANA, invitation, 'rsvp', both), click(onB, DANA, invitation, 'rsvp', both)]);
    expect(answers.map((clicked) => clicked.answer.status)).toEqual([200, 200]);
    // Each process answered the click it was sent (Dana's card redrawn in place), one of them by applying it.
    await eventually(() => expect([updatesOf('D0DANA', 'a').length, updatesOf('D0DANA', 'b').length]).toEqual([1, 1]), 20_000);
    await inStore(async (store) => {
      const stored = await store.getMeeting(meeting.id);
      expect(stored?.participants.find((p) => p.id === 'p-dana')?.rsvp?.answer).toBe('accept');
      // Only the audit says how often it applied: the re-plan after it may run a due reminder that saves the meeting too.
      expect((await store.auditTrail(meeting.id)).filter((event) => event.type === 'recordRsvp')).toHaveLength(1);
    });
  });

  it.skipIf(skip)('shows on the card one process draws the RSVP the other handled a moment before', async () => {
    const { a: onA, b: onB } = sides();
    await click(onA, CHRIS, invitationOf('p-chris', 'D0CHRIS'), 'rsvp', { title: 'Accept' });
    await eventually(() => expect(updatesOf('D0CHRIS', 'a')).toHaveLength(1), 20_000);
    const typed = await typeIn(onB, SAM, 'D0SAM', 'status');
    expect(typed.answer.status).toBe(200);
    await eventually(() => expect(stub.respondedTo(typed.responseId)).toHaveLength(1), 20_000);
    const shown = readText(stub.respondedTo(typed.responseId)[0]!.blocks as Block[]);
    expect(shown).toContain('PEP meeting for KL');
    expect(shown).toContain('3 of 3');
  });

  it.skipIf(skip)('sends a reminder due while both run once', async () => {
    // Planned by whichever process saved the RSVPs; both poll for due jobs.
    await eventually(() => expect([chasersTo(DANA.id).length, chasersTo(CHRIS.id).length, remindersTo(CHRIS.id).length]).toEqual([1, 1, 2]), SCHEDULER_POLL_MS + 20_000);
    expect([...reminderCounts().values()].every((count) => count === 1)).toBe(true);
    remindersSeenAt = Date.now();
  }, 60_000);

  it.skipIf(skip)('finishes a fan-out in the other process when the one sending it is killed, each card once', async () => {
    const closing = meetingToClose();
    await inStore((store) => store.createMeeting(closing, { events: [] }));
    const slackPeople = closing.participants.filter((p) => p.slackUserId);
    const { a: onA } = sides();

    stub.holdAfter(2, '/api/chat.postMessage');
    const closed = await typeIn(onA, SAM, 'D0SAM', 'close');
    expect(closed.answer.status).toBe(200);
    await eventually(() => expect(stub.holdingNow('/api/chat.postMessage')).toBe(1), 30_000);
    expect(slackPeople.filter((p) => plansTo(p.slackUserId!).length > 0)).toHaveLength(2);
    // Whichever process claimed the fan-out holds all of it: that one is killed, the other carries on alone.
    const [sending, other] = stub.holdingNow('/api/chat.postMessage', 'a') === 1 ? [a, b] : [b, a];
    expect(await sending.kill9()).toEqual([null, 'SIGKILL']);
    stub.release();

    await eventually(() => expect(slackPeople.map((p) => plansTo(p.slackUserId!).length)).toEqual(slackPeople.map(() => 1)), (LEASE_SECONDS + 20) * 1000);
    await eventually(
      () =>
        inStore(async (store) => {
          const queued = await store.outboxOf(closing.id);
          expect(queued.filter((m) => m.state !== 'sent')).toEqual([]);
          expect(queued.some((m) => m.attempts === 2)).toBe(true);
        }),
      20_000,
    );
    const otherName = other === a ? 'a' : 'b';
    const finished = stub.callsOf('chat.postMessage').filter((c) => String(c.args.text).startsWith('The written plan for the PEP meeting for JD') && c.via === otherName);
    expect(finished).toHaveLength(slackPeople.length - 2);
    expect(slackPeople.map((p) => plansTo(p.slackUserId!).length)).toEqual(slackPeople.map(() => 1));
    // Since the reminders went, the other process has polled for due jobs more than once: none went twice.
    expect(Date.now() - remindersSeenAt).toBeGreaterThan(SCHEDULER_POLL_MS + 1_000);
    expect([...reminderCounts().values()].every((count) => count === 1)).toBe(true);
    survivor = other;
  }, 90_000);

  it.skipIf(skip)("leaves a slash command in flight to its process when another starts, and takes it over once that process is killed", async () => {
    if (!survivor) throw new Error('the fan-out case left no process running');
    const running = survivor;
    const side = { slack: new SlackSender(`${running.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET), stub };
    // Its answer cannot reach Slack: the command stays in flight in the running process.
    stub.hold('/respond/');
    const typed = await typeIn(side, SAM, 'D0SAM', 'status');
    expect(typed.answer.status).toBe(200);
    await eventually(() => expect(stub.holdingNow('/respond/')).toBe(1), 20_000);

    const starting = await home.start({ SLACK_API_URL: stub.apiUrlFor('c') }, await freePort());
    expect(await starting.logLine('slash commands cut short by a restart')).toMatchObject({ replaying: 0 });

    expect(await running.kill9()).toEqual([null, 'SIGKILL']);
    stub.release();
    // The next heartbeat of the process still running finds the command's process gone, and answers it.
    await eventually(() => expect(stub.respondedTo(typed.responseId)).toHaveLength(1), 20_000);
    expect(starting.records().filter((record) => record.msg === 'slash commands cut short by a restart').map((record) => record.replaying)).toEqual([0, 1]);
    expect(await starting.stop()).toEqual([0, null]);
    expect(stub.respondedTo(typed.responseId)).toHaveLength(1);
  }, 60_000);
});
