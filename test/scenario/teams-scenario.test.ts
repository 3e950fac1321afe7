import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardLines } from '../support/card-lines.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import { execute, installed, message } from '../channels/teams/support/activities.js';
import type { CardContent, ConnectorCall, ConnectorStub, RosterMember } from '../channels/teams/support/connector-stub.js';
import { cardHeading, headingOf, startConnectorStub } from '../channels/teams/support/connector-stub.js';
import { FORM as TEAMS_FORM } from '../channels/teams/support/meeting-setup.js';
import { DANA, MEETING_CHAT, SAM, personalChat } from '../channels/teams/support/teams-harness.js';
import type { FullBot } from './full-bot.js';
import { startFullBot } from './full-bot.js';

/**
 * A whole PEP through the real Teams channel, with the settings a new user has: PEP Bot started as
 * `npm start` starts it (no PUBLIC_BASE_URL, no SMTP, no Microsoft app id, so Teams runs in
 * anonymous local mode), Teams' connector replaced at its HTTP boundary by the loopback stub, and
 * the carer and the child, who have only a link, answering through the link pages over HTTP.
 * Each step asserts what each of the five people actually received.
 */
const IAN: RosterMember = { id: '29:ian', name: 'Ian Reviewer', aadObjectId: 'aad-ian', email: 'ian@iro.example.org' };

/** The form Sam fills in: Dana and Ian by email (both use PEP Bot in Teams), Chris and Jordan by name only. */
const FORM = {
  ...TEAMS_FORM,
  participants: ['Dana Teacher, dana@school.example.org, designated_teacher', 'Ian Reviewer, ian@iro.example.org, iro', 'Chris Carer, carer', 'Jordan, child'].join('\n'),
};

let bot: FullBot;
let connector: ConnectorStub;

beforeAll(async () => {
  connector = await startConnectorStub();
  for (const person of [SAM, DANA, IAN]) connector.roster.set(person.id, person);
  bot = await startFullBot({ now: '2026-11-25T10:00:00Z' });
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

// ---- Teams, as each person's client sends and shows it -------------------------------------------

const inOneToOne = () => ({ serviceUrl: connector.serviceUrl });
const inMeetingChat = () => ({ serviceUrl: connector.serviceUrl, chat: MEETING_CHAT });

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json ? ((await response.json()) as unknown) : await response.text() };
}

/** Posts an activity and waits for the work it started; returns what the connector got meanwhile. */
async function act(activity: Record<string, unknown>): Promise<{ body: unknown; calls: ConnectorCall[] }> {
  const before = connector.calls.length;
  const answer = await post(activity);
  expect(answer.status).toBe(200);
  await bot.settle();
  return { body: answer.body, calls: connector.calls.slice(before) };
}

const cardOfCall = (call: ConnectorCall): CardContent | undefined => call.activity.attachments?.[0]?.content;
/** The card an Action.Execute answered with (the clicker's card refreshed in place). */
const answeredCard = (body: unknown): CardContent => (body as { value: CardContent }).value;
/** The text Teams shows the clicker alone, leaving the shared card as it is. */
const PRIVATE_TEXT = 'application/vnd.microsoft.activity.message';

type CardNode = Record<string, unknown>;
/** Every object in a card, in reading order; the keys in `skip` are not looked into. */
function nodesOf(value: unknown, skip: string[] = []): CardNode[] {
  if (Array.isArray(value)) return value.flatMap((item) => nodesOf(item, skip));
  if (!value || typeof value !== 'object') return [];
  const node = value as CardNode;
  return [node, ...Object.entries(node).flatMap(([key, child]) => (skip.includes(key) ? [] : nodesOf(child, skip)))];
}

const textsOf = (content: unknown): string[] => cardLines(content);
const shown = (call: ConnectorCall): string => [call.activity.text ?? '', ...textsOf(cardOfCall(call)?.body)].join('\n');

interface Button {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}
/** The Action.Execute buttons on a card, wherever they sit (not the card's own refresh). */
const buttonsOf = (content: unknown): Button[] =>
  nodesOf(content, ['refresh'])
    .filter((node) => node.type === 'Action.Execute' && typeof node.verb === 'string')
    .map((node) => ({ title: String(node.title), verb: String(node.verb), data: (node.data ?? {}) as Record<string, unknown> }));
function button(content: unknown, title: string): Button {
  const all = buttonsOf(content);
  const found = all.find((b) => b.title === title);
  if (!found) throw new Error(`no "${title}" button; the card has ${all.map((b) => `"${b.title}"`).join(', ')}`);
  return found;
}

/** All a person's chat got: sends and in-place updates, in order. */
const inChat = (conversationId: string) => connector.calls.filter((c) => c.conversationId === conversationId);
/** A card as the person sees it now: the newest send or update of the latest message with that heading. */
function latestCard(conversationId: string, heading: string): ConnectorCall {
  const calls = inChat(conversationId).filter((c) => headingOf(c) === heading);
  const latest = calls.at(-1);
  if (!latest) throw new Error(`${conversationId} has no "${heading}" card; it has ${inChat(conversationId).map((c) => `"${headingOf(c) ?? c.activity.text}"`).join(', ')}`);
  return latest;
}

/** A click on a card's button, in Teams: the card's own data merged with what was typed. */
const press = (person: RosterMember, where: { serviceUrl: string; chat?: string }, content: unknown, title: string, inputs: Record<string, string> = {}) => {
  const { verb, data } = button(content, title);
  return act(execute(person, where, verb, { ...data, ...inputs }));
};
const type = (person: RosterMember, where: { serviceUrl: string; chat?: string }, text: string, mentions: RosterMember[] = []) => act(message(person, where, text, mentions));

/** Days pass: whatever came due meanwhile is sent before the walk goes on. */
async function moveClockTo(instant: string): Promise<ConnectorCall[]> {
  const before = connector.calls.length;
  bot.clock.set(instant);
  await eventually(() => expect(bot.jobsDue()).toBe(0), 10_000);
  await bot.settle();
  return connector.calls.slice(before);
}

// ---- The link pages, as the carer's and the child's phones use them -----------------------------

/** The organiser's reach-report card as Teams last drew it: each person's row with its link. */
function linksOnSamsCard(): { heading: string; url: string }[] {
  const card = cardOfCall(latestCard(personalChat(SAM), 'People PEP Bot could not reach'))!;
  return nodesOf(card.body).flatMap((node) => {
    const texts = node.type === 'Container' && Array.isArray(node.items) ? (node.items as CardNode[]).map((item) => String(item.text ?? '')) : [];
    const url = texts.find((text) => text.startsWith('http'));
    return url ? [{ heading: texts[0]!, url }] : [];
  });
}
function linkFor(heading: string): string {
  const rows = linksOnSamsCard();
  const row = rows.filter((r) => r.heading === heading).at(-1);
  if (!row) throw new Error(`no link "${heading}" on Sam's card; it has ${rows.map((r) => `"${r.heading}"`).join(', ')}`);
  expect(row.url).toMatch(new RegExp(`^${bot.url.replaceAll('.', '\\.')}/p/[\\w-]{43}$`));
  return row.url;
}

interface Page {
  status: number;
  card: CardContent;
  text: string;
}
/** Opens a link as the phone's browser does and reads the card the page shows. */
async function openPage(url: string): Promise<Page> {
  const response = await fetch(url);
  const html = await response.text();
  const json = /<script type="application\/json" id="pep-card-json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const card = (json ? JSON.parse(json) : {}) as CardContent;
  return { status: response.status, card, text: textsOf(card.body).join('\n') };
}
/** Every input on the card: the page's script sends each one, empty ones as "". */
const inputIdsOf = (content: unknown): string[] =>
  nodesOf(content)
    .filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string')
    .map((node) => String(node.id));
/** A press on the page: POST { verb, data, inputs } to the link, as card-page.js sends it. */
async function pressOnPage(url: string, title: string, typed: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const page = await openPage(url);
  expect(page.status).toBe(200);
  const { verb, data } = button(page.card, title);
  const inputs = Object.fromEntries(inputIdsOf(page.card).map((id) => [id, typed[id] ?? '']));
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verb, data, inputs }) });
  const reply = (await response.json()) as { card: CardContent };
  await bot.settle();
  return { status: response.status, text: textsOf(reply.card.body).join('\n') };
}

// ---- The walk --------------------------------------------------------------------------------

const SAM_CHAT = personalChat(SAM);
const DANA_CHAT = personalChat(DANA);
const IAN_CHAT = personalChat(IAN);

describe('a whole PEP in Teams, with the default settings', () => {
  it('Sam creates the meeting from the form; Dana and Ian are invited in Teams, Chris and Jordan through links on Sam’s card', async () => {
    for (const person of [SAM, DANA, IAN]) await act(installed(person, inOneToOne()));
    expect(inChat(SAM_CHAT).map(headingOf)).toEqual(['Hello, I’m PEP Bot']);

    const form = await type(SAM, inOneToOne(), 'new');
    const created = await press(SAM, inOneToOne(), cardOfCall(form.calls.at(-1)!), 'Create and send invitations', FORM);
    expect(cardHeading(answeredCard(created.body))).toBe('Invitations on their way');
    expect(inChat(DANA_CHAT).map(headingOf)).toEqual(['Hello, I’m PEP Bot', 'PEP meeting invitation']);
    expect(inChat(IAN_CHAT).map(headingOf)).toEqual(['Hello, I’m PEP Bot', 'PEP meeting invitation']);
    expect(latestCard(DANA_CHAT, 'PEP meeting invitation').activity.summary).toBe('You are invited to the PEP meeting for JD (PEP-2026-0042).');
    expect(linksOnSamsCard().map((r) => r.heading)).toEqual(['Chris Carer (carer): their invitation to the PEP meeting', 'Jordan (child or young person): their invitation to the PEP meeting']);
    // Nobody could have answered yet: no call to reschedule.
    expect(shown(latestCard(SAM_CHAT, 'Who is coming to the PEP meeting'))).not.toContain('Consider rescheduling');
  });

  it('Dana accepts in Teams, Chris declines with a reason on his link page, Ian sends a written contribution instead', async () => {
    const accepted = await press(DANA, inOneToOne(), cardOfCall(latestCard(DANA_CHAT, 'PEP meeting invitation')), 'Accept');
    expect(textsOf(answeredCard(accepted.body)).join('\n')).toContain('Your answer so far: Attending');

    const chrisInvitation = linkFor('Chris Carer (carer): their invitation to the PEP meeting');
    const page = await openPage(chrisInvitation);
    expect(page.text).toContain('Hello Chris Carer, you are invited to the Personal Education Plan (PEP) meeting for JD (PEP-2026-0042).');
    const samBefore = inChat(SAM_CHAT).length;
    const declined = await pressOnPage(chrisInvitation, 'Decline', { note: 'I am working a night shift that day.' });
    expect(declined).toMatchObject({ status: 200, text: expect.stringContaining('Your answer is saved, and the organiser can see it.') });
    // A key person cannot come: Sam is alerted with a new message, not only a quiet update.
    const alert = inChat(SAM_CHAT).slice(samBefore).find((c) => c.kind === 'send' && headingOf(c) === 'Who is coming to the PEP meeting');
    expect(shown(alert!)).toContain('Key people cannot come\n• Carer: Chris Carer, cannot attend\nThe meeting should not go ahead without them. Consider rescheduling.');
    expect(buttonsOf(cardOfCall(alert!)).map((b) => b.verb)).toContain('meeting.reschedule');

    const contribution = await press(IAN, inOneToOne(), cardOfCall(latestCard(IAN_CHAT, 'PEP meeting invitation')), 'Send written views instead');
    expect(textsOf(answeredCard(contribution.body))).toContain('Your answer so far: Sending a written contribution instead. You can change it below.');
    expect(contribution.calls.filter((c) => c.conversationId === IAN_CHAT).map(headingOf)).toEqual(['Information for the PEP meeting']);

    const attendance = shown(latestCard(SAM_CHAT, 'Who is coming to the PEP meeting'));
    expect(attendance).toContain('4 of 5 people have answered.');
    expect(attendance).toContain('Dana Teacher (designated teacher): Attending');
    expect(attendance).toContain('Ian Reviewer (independent reviewing officer): Sending a written contribution instead');
    expect(attendance).toContain('Chris Carer (carer): Cannot attend: “I am working a night shift that day.”');
    expect(attendance).toContain('Key people cannot come\n• Carer: Chris Carer, cannot attend');
    expect(attendance).not.toContain('Chris Carer, no answer yet');
  });

  it('“questions now” sends the carer’s and the child’s questions; Chris and Jordan answer them on their phones', async () => {
    const sent = await type(SAM, inOneToOne(), 'questions now');
    expect(shown(sent.calls[0]!)).toContain('Questions on their way\nSent to CC (carer) and JD (child or young person).');
    // Neither has a chat account nor an email: their links go to Sam, on the one card, updated in place.
    expect(sent.calls.filter((c) => c.conversationId !== SAM_CHAT)).toEqual([]);
    expect(sent.calls.slice(1).map((c) => [c.kind, headingOf(c)])).toEqual(sent.calls.slice(1).map(() => ['update', 'People PEP Bot could not reach']));

    const carerQuestions = linkFor('Chris Carer (carer): a few questions before the PEP meeting');
    expect((await openPage(carerQuestions)).text).toContain('Hello Chris Carer. Your answers help the PEP meeting for JD (PEP-2026-0042).');
    const carer = await pressOnPage(carerQuestions, 'Send my answers', { mood: '2', toRaise: 'Bedtimes have been hard.' });
    expect(carer).toMatchObject({ status: 200, text: expect.stringContaining('Your answers are saved.') });

    const childQuestions = linkFor('Jordan (child or young person): their questions before the PEP meeting');
    const childPage = await openPage(childQuestions);
    expect(childPage.text).toContain('Hi Jordan!');
    expect(childPage.text).toContain(
      'Who will read your answers: Sam (your social worker), Dana (your teacher), Ian (who checks your care plan) and Chris (your carer). They are the people helping with your plan. Your answers will go in your plan too.',
    );
    const child = await pressOnPage(childQuestions, 'Send my answers', { feeling: '4', goingWell: 'Football at lunch', hard: 'Spelling tests', want: 'A quiet place to read' });
    expect(child).toEqual({
      status: 200,
      text: 'Thank you!\nWe got your answer. Sam Social and the people at your meeting will read it. This link only works once. If you want to change something, tell Sam Social or a grown-up you trust.',
    });

    expect(shown(latestCard(SAM_CHAT, 'Who is coming to the PEP meeting'))).toContain('Chris Carer (carer): Things at home: Not so good\nTo raise at the meeting: Bedtimes have been hard.');
    // Each link did its job once: it is gone from Sam's card.
    expect(linksOnSamsCard().map((r) => r.heading)).toEqual(['Jordan (child or young person): their invitation to the PEP meeting']);
  });

  it('the meeting chat is linked; Ian suggests an item, Sam accepts it, Dana signs off, Sam locks after answering the question', async () => {
    await act(installed(SAM, inMeetingChat()));
    const linked = await type(SAM, inMeetingChat(), 'link PEP-2026-0042');
    expect(linked.calls.map((c) => [c.conversationId, c.kind, headingOf(c)])).toEqual([
      [MEETING_CHAT, 'send', 'This is now the meeting chat'],
      [MEETING_CHAT, 'send', 'PEP meeting agenda'],
    ]);
    const agenda = () => cardOfCall(latestCard(MEETING_CHAT, 'PEP meeting agenda'));
    // What Jordan wrote on the phone is on the agenda, under initials.
    expect(textsOf(agenda())).toEqual(expect.arrayContaining(['In JD’s own words', 'Going well: Football at lunch', 'Would like: A quiet place to read']));

    await press(IAN, inMeetingChat(), agenda(), 'Suggest this item', { title: 'Transport to school' });
    expect(textsOf(agenda()).join('\n')).toContain('Transport to school (suggested by Ian Reviewer)');
    await press(SAM, inMeetingChat(), agenda(), 'Accept');
    expect(textsOf(agenda())).toContain('8. Transport to school');
    await press(DANA, inMeetingChat(), agenda(), 'Sign off');
    expect(textsOf(agenda())).toContain('Signed off by: Dana Teacher (designated teacher)');

    const asked = await press(SAM, inMeetingChat(), agenda(), 'Lock agenda');
    // The question is Sam's alone: nothing changed in the chat.
    expect(asked.calls).toEqual([]);
    expect(textsOf(answeredCard(asked.body))).toEqual(expect.arrayContaining(['Lock the agenda now?', '1 of 5 people have signed off the agenda.']));
    const locked = await press(SAM, inMeetingChat(), answeredCard(asked.body), 'Lock the agenda anyway');
    expect(locked.calls.map((c) => [c.conversationId, c.kind, headingOf(c)])).toEqual([[MEETING_CHAT, 'update', 'PEP meeting agenda']]);
    expect(textsOf(agenda())).toEqual(expect.arrayContaining(['The organiser has locked the agenda. Anything else can be raised under any other business.', '8. Transport to school']));
    expect(buttonsOf(agenda())).toEqual([]);
  });

  it('on the meeting day Sam starts the meeting and records actions for Dana (@mention) and for Chris (typed name); Ian’s Acknowledge on Dana’s is refused to him alone', async () => {
    const meanwhile = await moveClockTo('2026-12-04T09:58:00Z');
    // The days before brought the meeting reminders, each to the person's own chat.
    expect(meanwhile.filter((c) => c.kind === 'send').map((c) => [c.conversationId, headingOf(c)])).toEqual(
      expect.arrayContaining([
        [DANA_CHAT, 'Reminder: PEP meeting for JD (PEP-2026-0042)'],
        [SAM_CHAT, 'Reminder: PEP meeting for JD (PEP-2026-0042)'],
      ]),
    );
    expect(meanwhile.filter((c) => c.conversationId === MEETING_CHAT)).toEqual([]);
    const started = await type(SAM, inMeetingChat(), 'start');
    expect(started.calls.map((c) => [c.conversationId, headingOf(c)])).toEqual([[MEETING_CHAT, 'The PEP meeting is starting']]);
    expect(shown(started.calls[0]!)).toContain('Apologies: Ian Reviewer (independent reviewing officer), Chris Carer (carer)');

    const forDana = await type(SAM, inMeetingChat(), 'action @0 send the reading report by 11 December', [DANA]);
    expect(forDana.calls.map((c) => [c.conversationId, c.kind, headingOf(c)])).toEqual([[MEETING_CHAT, 'send', 'Actions agreed']]);
    const forChris = await type(SAM, inMeetingChat(), 'action @Chris Carer read with Jordan for 20 minutes 5 times a week by 11 December');
    expect(forChris.calls.map((c) => [c.conversationId, c.kind, c.messageId])).toEqual([[MEETING_CHAT, 'update', forDana.calls[0]!.messageId]]);
    const list = cardOfCall(latestCard(MEETING_CHAT, 'Actions agreed'));
    expect(textsOf(list)).toEqual(
      expect.arrayContaining([
        'send the reading report',
        'Dana Teacher (designated teacher) · due Friday 11 December 2026 · Not acknowledged yet',
        'read with JD for 20 minutes 5 times a week',
        'Chris Carer (carer) · due Friday 11 December 2026 · Not acknowledged yet',
      ]),
    );

    const [danasAcknowledge] = buttonsOf(list).filter((b) => b.title === 'Acknowledge');
    const refused = await act(execute(IAN, inMeetingChat(), danasAcknowledge!.verb, danasAcknowledge!.data));
    expect(refused.body).toEqual({
      statusCode: 200,
      type: PRIVATE_TEXT,
      value: 'This is for someone else. Only the person this action was given to can answer it. Nothing was changed. If it should be yours, ask the organiser.',
    });
    // Nothing was sent or changed for anyone else: the shared list is as it was.
    expect(refused.calls).toEqual([]);
    expect(cardOfCall(latestCard(MEETING_CHAT, 'Actions agreed'))).toEqual(list);
  });

  it('“reminders preview” shows Sam every reminder now, marked as a preview, and sends nothing to anyone else', async () => {
    const preview = await type(SAM, inOneToOne(), 'reminders preview');
    expect(preview.calls.every((c) => c.conversationId === SAM_CHAT && c.kind === 'send')).toBe(true);
    const [reply, ...previews] = [preview.calls.at(-1)!, ...preview.calls.slice(0, -1)];
    expect(headingOf(reply)).toBe('Reminder previews sent to you');
    const banners = previews.map((c) => textsOf(cardOfCall(c)?.body)[0]);
    expect(banners).toEqual(
      expect.arrayContaining([
        'Preview — this is what DT (designated teacher) will get on Friday 11 December 2026 at 09:00',
        'Preview — this is what CC (carer) will get on Friday 11 December 2026 at 09:00',
      ]),
    );
    for (const call of previews) {
      expect(call.activity.summary).toMatch(/^Preview — /);
      expect(buttonsOf(cardOfCall(call))).toEqual([]);
    }
  });

  it('Sam sets the next review and closes: every one of the five receives the plan', async () => {
    const next = await type(SAM, inMeetingChat(), 'next review 10 March');
    expect(next.calls.map(shown)).toEqual(['\nNext review date set\nThe next PEP review is on Wednesday 10 March 2027.']);
    await moveClockTo('2026-12-04T11:02:00Z');
    const closed = await type(SAM, inMeetingChat(), 'close');
    expect(shown(closed.calls[0]!)).toContain('Meeting closed');
    expect(closed.calls.filter((c) => c.conversationId === MEETING_CHAT).map(headingOf)).toEqual(['Meeting closed']);

    // Sam, Dana and Ian: the plan in their own chat, the whole http link as text (Teams refuses an http button).
    for (const chat of [SAM_CHAT, DANA_CHAT, IAN_CHAT]) {
      const plan = closed.calls.filter((c) => c.conversationId === chat && c.kind === 'send');
      expect(plan.map(headingOf)).toEqual(['Written plan: PEP for JD (PEP-2026-0042)']);
      const text = shown(plan[0]!);
      expect(text).toContain('Meeting held Friday 4 December 2026, 09:58 to 11:02. Plan version 1.');
      expect(text).toContain('send the reading report: Dana Teacher, by Friday 11 December 2026');
      expect(text).toContain('Next review: Wednesday 10 March 2027');
      const documentUrl = /The full plan, with everything on it, is at (\S+)/.exec(text)?.[1];
      expect(documentUrl).toMatch(new RegExp(`^${bot.url.replaceAll('.', '\\.')}/plan/[\\w-]{43}$`));
      expect(JSON.stringify(cardOfCall(plan[0]!))).not.toMatch(/Action\.OpenUrl/);
      const full = await fetch(documentUrl!);
      expect(full.status).toBe(200);
      expect(await full.text()).toContain('Personal Education Plan for JD (PEP-2026-0042)');
    }
    expect(textsOf(cardOfCall(latestCard(IAN_CHAT, 'Written plan: PEP for JD (PEP-2026-0042)')))).toContain('This copy is for your information: the key people named above sign it off.');

    // Chris and Jordan: through Sam, who passes each their own link; each opens the plan on the phone.
    const chrisPlan = await openPage(linkFor('Chris Carer (carer): the written plan'));
    expect(chrisPlan.status).toBe(200);
    expect(chrisPlan.text).toContain('Written plan: PEP for JD (PEP-2026-0042)');
    expect(chrisPlan.text).toContain('read with Jordan for 20 minutes 5 times a week: Chris Carer, by Friday 11 December 2026');
    expect(buttonsOf(chrisPlan.card).map((b) => b.title)).toEqual(['Sign off the plan']);
    const jordanPlan = await openPage(linkFor('Jordan (child or young person): the written plan'));
    expect(jordanPlan.status).toBe(200);
    expect(jordanPlan.text).toContain('Written plan: PEP for JD (PEP-2026-0042)');
    expect(buttonsOf(jordanPlan.card)).toEqual([]);
  });

  it('the key people sign off: Sam and Dana in Teams, Chris through his link; Sam hears that the plan is signed off', async () => {
    const signedBySam = await press(SAM, inOneToOne(), cardOfCall(latestCard(SAM_CHAT, 'Written plan: PEP for JD (PEP-2026-0042)')), 'Sign off the plan');
    expect(textsOf(answeredCard(signedBySam.body))).toEqual(expect.arrayContaining(['Signed off by: Sam Social (social worker)', 'You have signed off this plan.']));
    const signedByDana = await press(DANA, inOneToOne(), cardOfCall(latestCard(DANA_CHAT, 'Written plan: PEP for JD (PEP-2026-0042)')), 'Sign off the plan');
    expect(textsOf(answeredCard(signedByDana.body))).toEqual(
      expect.arrayContaining(['Signed off by: Sam Social (social worker), Dana Teacher (designated teacher)', 'Waiting for: Chris Carer (carer)', 'You have signed off this plan.']),
    );
    expect([...signedBySam.calls, ...signedByDana.calls].filter((c) => headingOf(c) === 'Written plan signed off')).toEqual([]);

    bot.clock.set('2026-12-04T18:30:00Z');
    const samBefore = inChat(SAM_CHAT).length;
    const byChris = await pressOnPage(linkFor('Chris Carer (carer): the written plan'), 'Sign off the plan');
    expect(byChris.status).toBe(200);
    const [signedOff] = inChat(SAM_CHAT).slice(samBefore).filter((c) => c.kind === 'send');
    expect(shown(signedOff!)).toBe(
      [
        '',
        'Written plan signed off',
        'Everyone asked has signed off version 1 of the written plan for JD (PEP-2026-0042).',
        'Sam Social: Signed Friday 4 December 2026, 11:02',
        'Dana Teacher: Signed Friday 4 December 2026, 11:02',
        'Chris Carer: Signed Friday 4 December 2026, 18:30',
      ].join('\n'),
    );
  });

  it('on the day the actions are due, Dana gets the reminder in her chat and Chris’s reminder link lands on Sam’s card', async () => {
    const dueDay = await moveClockTo('2026-12-11T09:30:00Z');
    const toDana = dueDay.filter((c) => c.conversationId === DANA_CHAT);
    expect(toDana.map((c) => [c.kind, headingOf(c), c.activity.summary])).toEqual([['send', 'An action is due today', 'Reminder: an action for JD (PEP-2026-0042) is due.']]);
    expect(shown(toDana[0]!)).toContain('send the reading report');
    expect(buttonsOf(cardOfCall(toDana[0]!)).map((b) => b.title)).toEqual(expect.arrayContaining(['Done']));
    // Nobody else got a message about it; Chris's reminder is a link on Sam's card, updated in place.
    expect(dueDay.filter((c) => c.conversationId !== DANA_CHAT).map((c) => [c.conversationId, c.kind, headingOf(c)])).toEqual([[SAM_CHAT, 'update', 'People PEP Bot could not reach']]);
    const reminder = await openPage(linkFor('Chris Carer (carer): a reminder about an action they own'));
    expect(reminder.status).toBe(200);
    expect(reminder.text).toContain('read with Jordan for 20 minutes 5 times a week');
    expect(buttonsOf(reminder.card).map((b) => b.title)).toContain('Done');
  });

  it('afterwards: each person got what was theirs, the meeting chat never named the child, nothing went wrong', async () => {
    const sends = (chat: string) => inChat(chat).filter((c) => c.kind === 'send').map(headingOf);
    expect(sends(DANA_CHAT)).toEqual(['Hello, I’m PEP Bot', 'PEP meeting invitation', 'Reminder: PEP meeting for JD (PEP-2026-0042)', 'Written plan: PEP for JD (PEP-2026-0042)', 'An action is due today']);
    expect(sends(IAN_CHAT)).toEqual(['Hello, I’m PEP Bot', 'PEP meeting invitation', 'Information for the PEP meeting', 'Information for the PEP meeting', 'Written plan: PEP for JD (PEP-2026-0042)']);
    const toSam = sends(SAM_CHAT).filter((heading) => !heading?.startsWith('Preview') && !/^(Reminder: an action|An action|This week)/.test(heading ?? ''));
    expect(toSam).toEqual([
      'Hello, I’m PEP Bot',
      'New PEP meeting',
      'People PEP Bot could not reach',
      'Who is coming to the PEP meeting',
      'Who is coming to the PEP meeting',
      'Questions on their way',
      'Reminder: PEP meeting for JD (PEP-2026-0042)',
      'Reminder previews sent to you',
      'Written plan: PEP for JD (PEP-2026-0042)',
      'Written plan signed off',
    ]);
    // The one card of links, updated in place, carried everything Chris and Jordan were sent.
    const reachReports = inChat(SAM_CHAT).filter((c) => headingOf(c) === 'People PEP Bot could not reach');
    expect(reachReports.filter((c) => c.kind === 'send')).toHaveLength(1);
    const everLinked = new Set(reachReports.flatMap((c) => textsOf(cardOfCall(c)?.body).filter((t) => /^(Chris Carer|Jordan) \(/.test(t))));
    expect([...everLinked].sort()).toEqual([
      'Chris Carer (carer): a few questions before the PEP meeting',
      'Chris Carer (carer): a reminder about an action they own',
      'Chris Carer (carer): the written plan',
      'Chris Carer (carer): their invitation to the PEP meeting',
      'Jordan (child or young person): the written plan',
      'Jordan (child or young person): their invitation to the PEP meeting',
      'Jordan (child or young person): their questions before the PEP meeting',
    ]);
    expect(sends(MEETING_CHAT)).toEqual(['Hello, I’m PEP Bot', 'This is now the meeting chat', 'PEP meeting agenda', 'The PEP meeting is starting', 'Actions agreed', 'Next review date set', 'Meeting closed']);

    const status = await type(DANA, inMeetingChat(), 'status');
    expect(status.calls.map(shown)).toEqual([
      [
        '',
        'PEP meeting for JD (PEP-2026-0042)',
        'The meeting is closed and its written plan has gone to everyone.',
        'Stage: Closed, plan sent',
        'Answers: 4 of 5',
        'Agenda: Agreed',
        'Goals: 0',
        'Actions: 2 (2 open)',
        'Next review: Wednesday 10 March 2027',
        // The PEP held on 4 December makes the next due in the first half of the spring term.
        'Statutory clock: Due by Friday 12 February 2027: the termly PEP review (63 days left).',
      ].join('\n'),
    ]);

    const chat = JSON.stringify(inChat(MEETING_CHAT));
    expect(chat).toContain('JD');
    expect(chat).toContain('PEP-2026-0042');
    expect(chat).not.toMatch(/jordan/i);
    expect(bot.logs().filter((entry) => Number(entry.level) >= 50)).toEqual([]);
    const logged = JSON.stringify(bot.logs());
    for (const personal of ['Jordan', 'Chris Carer', 'Sam Social', 'Dana Teacher', 'Ian Reviewer', 'ian@iro.example.org', 'night shift', 'Bedtimes', 'Spelling tests']) expect(logged).not.toContain(personal);
  });
});
