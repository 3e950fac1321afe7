import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import { createSqliteStore } from '../../src/stores/sqlite/sqlite-store.js';
import { SlackApiStub, readText } from '../channels/slack/slack-api-stub.js';
import type { Block, SlackUser } from '../channels/slack/slack-api-stub.js';
import { SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import { openMeetingForm, samsMeetingForm, shownOnlyTo, submitForm, type } from '../channels/slack/slack-scenes.js';
import type { SlackSide } from '../channels/slack/slack-scenes.js';
import { execute, installed } from '../channels/teams/support/activities.js';
import type { CardContent, ConnectorStub } from '../channels/teams/support/connector-stub.js';
import { cardHeading, startConnectorStub } from '../channels/teams/support/connector-stub.js';
import { FORM as TEAMS_FORM, cardOf } from '../channels/teams/support/meeting-setup.js';
import { SAM as TEAMS_SAM } from '../channels/teams/support/teams-harness.js';
import { cardLines } from '../support/card-lines.js';
import { fillTheDisk } from '../support/full-disk.js';
import type { FullBot } from './full-bot.js';
import { startFullBot } from './full-bot.js';
import { openLink, pressOnLinkPage } from './link-pages.js';

/**
 * Issue 12: a store that cannot write. PEP Bot runs as `npm start` runs it with a new user's
 * settings; the only change is that the test holds the store's own SQLite connection, so it can
 * fill the disk the way SQLite sees a full disk: PRAGMA max_page_count (a per-connection cap) at
 * the file's size, with no free page left. Every command then answers "not saved" with what was
 * typed, /readyz answers 503, and once there is room again both recover with nobody restarting.
 */
const SAM: SlackUser = { id: 'U0SAM', name: 'Sam Social', email: 'sam@la.example.org' };
const DANA: SlackUser = { id: 'U0DANA', name: 'Dana Teacher', email: 'dana@school.example.org' };
const CHAT = 'C0PEPCHAT';
/** A carer's reason, as long as the page allows: a change that needs new room in the file. */
const CHRIS_SAYS = `I have a hospital appointment that morning and cannot move it. ${'We can talk on the phone any afternoon that week. '.repeat(40)}`.slice(0, 2000);
const SECOND_MEETING = {
  childRef: 'PEP-2026-0043',
  childInitials: 'AB',
  yearGroup: '9',
  date: '2026-12-11',
  time: '14:00',
  durationMinutes: '60',
  onlineUrl: 'https://teams.example.org/meet/pep-0043',
  organiserRole: 'social_worker',
  participants: `${DANA.name}, ${DANA.email}, designated_teacher`,
};

let bot: FullBot;
let stub: SlackApiStub;
let connector: ConnectorStub;
let h: SlackSide;
let connection: Database;
let makeRoom: () => void;

beforeAll(async () => {
  stub = new SlackApiStub([SAM, DANA]);
  await stub.start();
  connector = await startConnectorStub();
  connector.roster.set(TEAMS_SAM.id, TEAMS_SAM);
  bot = await startFullBot({
    now: '2026-11-30T09:00:00Z',
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: stub.apiUrl },
    store: (filename) =>
      createSqliteStore({
        filename,
        connection: (db) => {
          connection = db;
        },
      }),
  });
  h = { stub, slack: new SlackSender(`${bot.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET), settle: () => bot.settle() };
});
afterAll(async () => {
  await bot?.close();
  await stub?.stop();
  await connector?.close();
});

const readiness = async () => {
  const response = await fetch(`${bot.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

/** /pep typed by Sam in `conversation`; what Sam alone was shown, as text. */
async function samTypes(conversation: string, text: string): Promise<string[]> {
  const typed = await type(h, SAM, conversation, text);
  expect(typed.answer.status).toBe(200);
  await h.settle();
  // When even the command could not be recorded, the acknowledgement itself carries the answer.
  const acked = (typed.answer.body ? JSON.parse(typed.answer.body) : {}) as { blocks?: Block[] };
  return [...(acked.blocks ? [readText(acked.blocks)] : []), ...shownOnlyTo(h, typed.responseId).map(({ blocks }) => readText(blocks))];
}

let dmEvents = 0;
/** A message Sam types to PEP Bot in its Messages tab, as the signed event Slack sends; what came back there. */
async function samSaysInDm(text: string): Promise<string[]> {
  const dm = () => stub.messages().filter((m) => m.channel === 'D0SAM');
  const before = dm().length;
  const ts = `1700009999.00${++dmEvents}`;
  const event = { type: 'message', channel_type: 'im', channel: 'D0SAM', user: SAM.id, text, ts, event_ts: ts };
  const answer = await h.slack.event({ token: 'deprecated', team_id: 'T0TEAM', api_app_id: 'A0PEP', type: 'event_callback', event_id: `Ev0FULL${dmEvents}`, event_time: Math.floor(Date.now() / 1000), event });
  expect(answer.status).toBe(200);
  await h.settle();
  return dm().slice(before).map((m) => readText(m.blocks));
}

/** Sam, in Teams, sends the new-meeting form; the card Teams shows in its place. */
async function samSendsTheTeamsForm(): Promise<CardContent> {
  const form = execute(TEAMS_SAM, { serviceUrl: connector.serviceUrl }, 'meeting.create', { ...TEAMS_FORM, childRef: 'pep-2026-0044' });
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) });
  expect(response.status).toBe(200);
  await bot.settle();
  return cardOf(await response.json());
}

let chrisLink: string;
let form: { viewId: string; blocks: Block[] };

describe('when the disk is full', () => {
  it('Sam creates a meeting while there is room; Chris Carer gets a link', async () => {
    const form = await openMeetingForm(h, SAM);
    await submitForm(h, form, samsMeetingForm([`${DANA.name}, ${DANA.email}, designated_teacher`, 'Chris Carer, carer']));
    await h.settle();
    const card = stub.messages().filter((m) => m.channel === 'D0SAM').map((m) => readText(m.blocks)).find((text) => text.startsWith('People PEP Bot could not reach'));
    chrisLink = /(http\S+\/p\/\S+)/.exec(card ?? '')?.[1] ?? '';
    expect(chrisLink).toMatch(new RegExp(`^${bot.url}/p/`));
    expect(await readiness()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', store: 'ok', storeKind: 'sqlite', slack: 'ok' }) });
  });

  it('every command answers "not saved" with what was typed, never a confirmation, and /readyz answers 503', async () => {
    makeRoom = fillTheDisk(connection);
    const postsBefore = stub.callsOf('chat.postMessage').length;

    form = await openMeetingForm(h, SAM);
    expect((await submitForm(h, form, SECOND_MEETING)).status).toBe(200);
    await h.settle();
    const shown = stub.callsOf('views.update').at(-1)!.args.view as { blocks: Block[] };
    expect(readText(shown.blocks)).toContain('PEP Bot could not save this just now, so nothing has changed. Please try again in a minute.');
    expect(JSON.stringify(shown.blocks)).toContain('PEP-2026-0043');
    form = { viewId: form.viewId, blocks: shown.blocks };

    const declined = await pressOnLinkPage(chrisLink, 'Decline', { note: CHRIS_SAYS });
    await bot.settle();
    expect(declined.status).toBe(503);
    expect(declined.text).toContain('Not saved');
    expect(declined.text).toContain('Everything you typed is still in the form below.');
    expect(declined.text).not.toMatch(/Thank you|SQLITE|Error:/);

    // Nobody was told anything happened, and the link still opens.
    expect(stub.callsOf('chat.postMessage')).toHaveLength(postsBefore);
    expect((await openLink(chrisLink)).status).toBe(200);

    expect(await readiness()).toEqual({ status: 503, body: expect.objectContaining({ status: 'unavailable', store: 'unavailable', storeKind: 'sqlite', slack: 'ok', web: 'ok' }) });
    const why = bot.logs().filter((r) => r.level === 'error' && JSON.stringify(r.err).includes('SQLITE_FULL'));
    expect(why.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(bot.logs())).not.toContain(CHRIS_SAYS.slice(0, 40));
  });

  it('once there is room again, /readyz answers 200 and the same commands are saved', async () => {
    makeRoom();
    expect(await readiness()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', store: 'ok' }) });

    await submitForm(h, form, {});
    await h.settle();
    expect(readText((stub.callsOf('views.update').at(-1)!.args.view as { blocks: Block[] }).blocks)).toContain('Invitations on their way');

    const declined = await pressOnLinkPage(chrisLink, 'Decline', { note: CHRIS_SAYS });
    await bot.settle();
    expect(declined).toMatchObject({ status: 200, text: expect.stringContaining('Thank you') });
  });
});

describe('when the store becomes read-only', () => {
  it('answers "not saved" and 503 while it is, and recovers when it is writable again', async () => {
    const teamsInstall = installed(TEAMS_SAM, { serviceUrl: connector.serviceUrl });
    expect((await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsInstall) })).status).toBe(200);
    connection.pragma('query_only = ON');
    const [answer, ...more] = await samTypes(CHAT, 'link PEP-2026-0042');
    expect(more).toEqual([]);
    expect(answer).toContain('Not saved');
    expect(answer).toContain('PEP Bot could not save this just now, so nothing has changed.');
    expect(answer).toContain('What you typed*\nlink PEP-2026-0042');
    const [inDm, ...moreInDm] = await samSaysInDm('next review 10 March 2027');
    expect(moreInDm).toEqual([]);
    expect(inDm).toContain('PEP Bot could not save this just now, so nothing has changed.');
    expect(inDm).toContain('What you typed*\nnext review 10 March 2027');
    const teamsCard = await samSendsTheTeamsForm();
    expect(cardHeading(teamsCard)).toBe('Not saved');
    expect(cardLines(teamsCard)).toEqual(expect.arrayContaining(['PEP Bot could not save this just now, so nothing has changed.', 'Child ref: pep-2026-0044', 'Place: Hillside Academy']));
    expect(await readiness()).toMatchObject({ status: 503, body: { store: 'unavailable', teams: 'ok' } });
    expect(bot.logs().some((r) => r.level === 'error' && JSON.stringify(r.err).includes('SQLITE_READONLY'))).toBe(true);

    connection.pragma('query_only = OFF');
    expect(await readiness()).toMatchObject({ status: 200, body: { store: 'ok' } });
    expect(await samTypes(CHAT, 'link PEP-2026-0042')).toEqual([]);
    expect(readText(stub.messages().filter((m) => m.channel === CHAT).at(-1)!.blocks)).toContain('PEP-2026-0042');
    // Each message is claimed in the store before it is answered: the claim is written again too.
    expect(await samSaysInDm('help')).toEqual([expect.stringContaining('PEP Bot')]);
    expect(cardHeading(await samSendsTheTeamsForm())).toBe('Invitations on their way');
  });
});
