import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import { buttons, readText } from '../channels/slack/slack-api-stub.js';
import type { Block, SlackApiStub, SlackMessageNow, SlackUser } from '../channels/slack/slack-api-stub.js';
import { slackRulesBroken } from '../channels/slack/slack-harness.js';
import { click, lockAnyway, openMeetingForm, samsMeetingForm, shownOnlyTo, submitForm, type } from '../channels/slack/slack-scenes.js';
import type { SlackSide } from '../channels/slack/slack-scenes.js';
import { startSlackFullBot } from './slack-full-bot.js';
import type { SlackFullBot } from './slack-full-bot.js';
import { openLink, pressOnLinkPage } from './link-pages.js';
import type { LinkPage } from './link-pages.js';
import type { FullBot } from './full-bot.js';

/**
 * A whole PEP through the real Slack channel of the bot `npm start` runs, with a new user's
 * settings: the Bolt receiver at /slack/events gets requests signed as Slack signs them, Slack's
 * Web API is a loopback stub, and the carer and the child, who have no Slack account and no email,
 * use the links the organiser passes on, over HTTP as their phone's page sends it.
 */
const SAM: SlackUser = { id: 'U0SAM', name: 'Sam Social', email: 'sam@la.example.org' };
const DANA: SlackUser = { id: 'U0DANA', name: 'Dana Teacher', email: 'dana@school.example.org' };
const IAN: SlackUser = { id: 'U0IAN', name: 'Ian Reviewer', email: 'ian@iro.example.org' };
const CHAT = 'C0PEPCHAT';

let bot: FullBot;
let stub: SlackApiStub;
let h: SlackSide;

let running: SlackFullBot | undefined;

beforeAll(async () => {
  running = await startSlackFullBot([SAM, DANA, IAN]);
  ({ bot, stub, h } = running);
});
afterAll(async () => {
  await running?.close();
});

const dmOf = (user: SlackUser) => user.id.replace(/^U/, 'D');
/** What a person's DM with PEP Bot shows now, oldest first. */
const dmNow = (user: SlackUser) => stub.messages().filter((m) => m.channel === dmOf(user));
const words = (m: SlackMessageNow) => readText(m.blocks);

/** The organiser's one "People PEP Bot could not reach" message, as it reads now. */
function reachReport(): SlackMessageNow {
  const reports = dmNow(SAM).filter((m) => words(m).startsWith('People PEP Bot could not reach'));
  expect(reports).toHaveLength(1);
  return reports[0]!;
}

interface LinkRow {
  who: string;
  opens: string;
  url: string;
}
/** Each row of the organiser's card: whose link, what it opens, and the full URL to pass on. */
function rowsOf(text: string): LinkRow[] {
  const rows = [...text.matchAll(/^\*(.+?) \(.+?\): (.+?)\*\n.*\n(http\S+)$/gm)];
  return rows.map(([, who, opens, url]) => ({ who: who!, opens: opens!, url: url! }));
}
const linksToPassOn = (): LinkRow[] => rowsOf(words(reachReport()));
/** Every link the organiser's card ever offered, in the order it first appeared. */
function linksEverOffered(): LinkRow[] {
  const { ts } = reachReport();
  const versions = stub.calls.filter((c) => c.result?.ok && c.result.channel === dmOf(SAM) && c.result.ts === ts).map((c) => readText(c.args.blocks as Block[]));
  const seen = new Map<string, LinkRow>();
  for (const row of versions.flatMap(rowsOf)) if (!seen.has(row.url)) seen.set(row.url, row);
  return [...seen.values()];
}
function linkFor(who: string, opens: string): string {
  const row = linksToPassOn().find((r) => r.who === who && r.opens === opens);
  if (!row) throw new Error(`no link for ${who} to ${opens} in:\n${words(reachReport())}`);
  return row.url;
}

/** A press on a link page's button, and the work it started in the chats. */
async function pressOnPage(url: string, title: string, typed: Record<string, string> = {}): Promise<LinkPage> {
  const page = await pressOnLinkPage(url, title, typed);
  await bot.settle();
  return page;
}

/** /pep typed by `user` in `conversation`; what they alone were shown. */
async function pep(user: SlackUser, conversation: string, text: string): Promise<{ ephemeral: boolean; text: string; blocks: Block[] }[]> {
  const typed = await type(h, user, conversation, text);
  expect(typed.answer.status).toBe(200);
  await h.settle();
  return shownOnlyTo(h, typed.responseId).map(({ body, blocks }) => ({ ephemeral: body.response_type === 'ephemeral', text: readText(blocks), blocks }));
}

const answered = (page: LinkPage) => expect(page).toMatchObject({ status: 200, text: expect.stringContaining('Thank you') });
let dmEvents = 0;
/** A message typed to PEP Bot in its Messages tab, as the signed event Slack sends; what came back in that DM. */
async function sayInDm(user: SlackUser, text: string): Promise<string[]> {
  const before = dmNow(user).length;
  const ts = `1700009999.00${++dmEvents}`;
  const event = { type: 'message', channel_type: 'im', channel: dmOf(user), user: user.id, text, ts, event_ts: ts };
  const answer = await h.slack.event({ token: 'deprecated', team_id: 'T0TEAM', api_app_id: 'A0PEP', type: 'event_callback', event_id: `Ev0DM${dmEvents}`, event_time: Math.floor(Date.now() / 1000), event });
  expect(answer.status).toBe(200);
  await h.settle();
  return dmNow(user).slice(before).map(words);
}

describe('a whole PEP in Slack with the default settings', () => {
  it('Sam creates the meeting from /pep new; Dana and Ian are invited by DM, Chris and Jordan through links on Sam\'s one card', async () => {
    const form = await openMeetingForm(h, SAM);
    const ack = await submitForm(h, form, samsMeetingForm([`${DANA.name}, ${DANA.email}, designated_teacher`, `${IAN.name}, ${IAN.email}, iro`, 'Chris Carer, carer', 'Jordan, child']));
    expect(ack.status).toBe(200);
    await h.settle();
    expect(readText((stub.callsOf('views.update').at(-1)!.args.view as { blocks: Block[] }).blocks)).toContain('Invitations on their way');

    for (const person of [DANA, IAN]) {
      const [invitation] = dmNow(person);
      expect(dmNow(person)).toHaveLength(1);
      expect(words(invitation!)).toContain(`Hello ${person.name}, you are invited to the Personal Education Plan (PEP) meeting for JD (PEP-2026-0042).`);
      expect(buttons(invitation!.blocks).filter((b) => b.verb === 'rsvp').map((b) => b.title)).toEqual(['Accept', 'Tentative', 'Decline', 'Send written views instead']);
    }
    expect(linksToPassOn()).toEqual([
      { who: 'Chris Carer', opens: 'their invitation to the PEP meeting', url: expect.stringMatching(new RegExp(`^${bot.url}/p/[\\w-]{20,}$`)) },
      { who: 'Jordan', opens: 'their invitation to the PEP meeting', url: expect.stringMatching(new RegExp(`^${bot.url}/p/[\\w-]{20,}$`)) },
    ]);
    const chrisInvitation = await openLink(linkFor('Chris Carer', 'their invitation to the PEP meeting'));
    expect(chrisInvitation.status).toBe(200);
    expect(chrisInvitation.text).toContain('Thursday 10 December 2026');
    expect(words(dmNow(SAM).at(-1)!)).toContain('1 of 5 people have answered.');
  });

  it('Dana accepts, Chris declines on his phone with a reason and Sam is alerted, Ian chooses a written contribution', async () => {
    const danasInvitation = stub.messageWith(DANA.id, 'rsvp');
    await click(h, DANA, danasInvitation, 'rsvp', { title: 'Accept' });
    await h.settle();
    expect(words(dmNow(DANA)[0]!)).toContain('Your answer so far: Attending.');
    expect(dmNow(DANA)).toHaveLength(1);

    const samsBefore = dmNow(SAM).length;
    answered(await pressOnPage(linkFor('Chris Carer', 'their invitation to the PEP meeting'), 'Decline', { note: 'Hospital appointment that morning' }));
    const [alert] = dmNow(SAM).slice(samsBefore).map(words);
    expect(alert).toContain('Key people cannot come');
    expect(alert).toContain('Carer: Chris Carer, cannot attend');
    expect(alert).toContain('Cannot attend: “Hospital appointment that morning”');
    // A spent link is taken off the organiser's card.
    expect(linksToPassOn().map((r) => r.who)).toEqual(['Jordan']);

    await click(h, IAN, stub.messageWith(IAN.id, 'rsvp'), 'rsvp', { title: 'Send written views instead' });
    await h.settle();
    const [iansInvitation, request] = dmNow(IAN);
    expect(words(iansInvitation!)).toContain('Your answer so far: Sending a written contribution instead.');
    expect(words(request!)).toContain('Hello Ian Reviewer, please send your written contribution for the PEP meeting for JD (PEP-2026-0042).');
    expect(words(dmNow(SAM).at(-1)!)).toMatch(/4 of 5 people have answered[\s\S]*Ian Reviewer \(independent reviewing officer\)\*\nSending a written contribution instead/);
  });

  it('/pep questions now: Chris and Jordan answer theirs on the pages their links open', async () => {
    const [sent] = await pep(SAM, dmOf(SAM), 'questions now');
    expect(sent).toMatchObject({ ephemeral: true, text: expect.stringContaining('Sent to CC (carer) and JD (child or young person).') });

    const chrisQuestions = linkFor('Chris Carer', 'a few questions before the PEP meeting');
    expect((await openLink(chrisQuestions)).text).toContain('Hello Chris Carer.');
    answered(await pressOnPage(chrisQuestions, 'Send my answers', { mood: '4', toRaise: 'Homework at weekends' }));
    const jordansQuestions = linkFor('Jordan', 'their questions before the PEP meeting');
    const jordansPage = await openLink(jordansQuestions);
    expect(jordansPage.text).toContain('Hi Jordan!');
    expect(jordansPage.text).toContain(
      'Who will read your answers: Sam (your social worker), Dana (your teacher), Ian (who checks your care plan) and Chris (your carer). They are the people helping with your plan.',
    );
    answered(await pressOnPage(jordansQuestions, 'Send my answers', { feeling: '4', goingWell: 'Art and football', want: 'Help with maths' }));

    expect(words(dmNow(SAM).at(-1)!)).toMatch(/Carers’ answers before the meeting[\s\S]*Homework at weekends/);
    // Every link went on one message, drawn again in place.
    const card = reachReport();
    expect(stub.callsOf('chat.update').filter((c) => c.args.ts === card.ts).length).toBeGreaterThanOrEqual(3);
  });

  it('in the channel: Ian suggests an item, Sam accepts it, Dana signs off, Sam locks after being asked', async () => {
    expect(await pep(SAM, CHAT, 'link PEP-2026-0042')).toEqual([]);
    const agendaNow = () => stub.messageWith(CHAT, 'agenda.signOff');
    const { ts } = agendaNow();
    await click(h, IAN, agendaNow(), 'agenda.suggest', { inputs: { title: 'Homework club' } });
    await h.settle();
    expect(words(agendaNow())).toContain('Homework club (suggested by Ian Reviewer)');
    const accept = buttons(agendaNow().blocks).find((b) => b.verb === 'agenda.accept')!;
    await click(h, SAM, agendaNow(), 'agenda.accept', { title: accept.title });
    await h.settle();
    expect(words(agendaNow())).toContain('8. Homework club');
    await click(h, DANA, agendaNow(), 'agenda.signOff');
    await h.settle();
    expect(words(agendaNow())).toContain('Signed off by: Dana Teacher (designated teacher)');

    const { asked } = await lockAnyway(h, CHAT);
    expect(readText(asked)).toContain('1 of 5 people have signed off the agenda.');
    const agenda = stub.messages().find((m) => m.ts === ts)!;
    expect(words(agenda)).toContain('The organiser has locked the agenda.');
    expect(words(agenda)).toMatch(/In JD’s own words[\s\S]*Art and football/);
  });

  it('on the day: Sam starts, records an action for Dana and one for Chris; Ian\'s Acknowledge on Dana\'s is refused to him alone', async () => {
    bot.clock.set('2026-12-10T09:55:00Z');
    await eventually(() => expect(dmNow(DANA).map(words)).toContainEqual(expect.stringContaining('Reminder: PEP meeting for JD (PEP-2026-0042)')));
    expect(await pep(SAM, CHAT, 'start')).toEqual([]);
    expect(words(stub.messages().filter((m) => m.channel === CHAT).at(-1)!)).toMatch(/^The PEP meeting is starting[\s\S]*Apologies: Ian Reviewer \(independent reviewing officer\), Chris Carer \(carer\)/);

    expect(await pep(SAM, CHAT, `action <@${DANA.id}|dana> send the reading report to the virtual school by 17 December`)).toEqual([]);
    expect(await pep(SAM, CHAT, 'action @Chris Carer read with JD for 20 minutes every evening by 17 December')).toEqual([]);
    const live = stub.messageWith(CHAT, 'action.acknowledge');
    expect(words(live)).toMatch(
      /send the reading report to the virtual school\*\nDana Teacher \(designated teacher\) · due Thursday 17 December 2026[\s\S]*read with JD for 20 minutes every evening\*\nChris Carer \(carer\) · due Thursday 17 December 2026/,
    );

    const updates = stub.callsOf('chat.update').length;
    const posts = stub.callsOf('chat.postMessage').length;
    // The first row is Dana's (above).
    const clicked = await click(h, IAN, live, 'action.acknowledge', { title: buttons(live.blocks)[0]!.title });
    await h.settle();
    const [refusal] = shownOnlyTo(h, clicked.responseId);
    expect(refusal!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(readText(refusal!.blocks)).toContain('Only the person this action was given to can answer it.');
    expect(stub.callsOf('chat.update')).toHaveLength(updates);
    expect(stub.callsOf('chat.postMessage')).toHaveLength(posts);
    expect(words(stub.messages().find((m) => m.ts === live.ts)!)).not.toContain('Acknowledged');

    // Typed in PEP Bot's Messages tab, without /pep.
    expect(await sayInDm(SAM, 'status')).toEqual([
      expect.stringMatching(/^PEP meeting for JD \(PEP-2026-0042\)\nThe meeting is under way[\s\S]*\*Stage\*\nMeeting under way\n[\s\S]*\*Agenda\*\nAgreed\n[\s\S]*\*Actions\*\n2 \(2 open\)\n/),
    ]);
  });

  it('/pep next review and /pep close: the plan reaches all five, by DM or by a link on Sam\'s card', async () => {
    bot.clock.set('2026-12-10T11:00:00Z');
    expect((await pep(SAM, CHAT, 'next review 10 March 2027'))[0]!.text).toContain('The next PEP review is on Wednesday 10 March 2027.');
    expect((await pep(SAM, CHAT, 'close'))[0]!.text).toContain('Meeting closed');

    for (const person of [SAM, DANA, IAN]) {
      const plan = words(dmNow(person).at(-1)!);
      expect(plan).toMatch(/^Written plan: PEP for JD \(PEP-2026-0042\)\nMeeting held Thursday 10 December 2026, 09:55 to 11:00/);
      const url = new RegExp(`The full plan, with everything on it, is at (${bot.url}/plan/\\S+)`).exec(plan)?.[1];
      expect(url).toBeDefined();
      const document = await fetch(url!);
      expect(document.status).toBe(200);
      expect(await document.text()).toContain('PEP-2026-0042');
    }
    expect(buttons(dmNow(DANA).at(-1)!.blocks).map((b) => b.verb)).toEqual(['plan.signOff']);
    expect(buttons(dmNow(IAN).at(-1)!.blocks)).toEqual([]);
    for (const who of ['Chris Carer', 'Jordan']) {
      const page = await openLink(linkFor(who, 'the written plan'));
      expect(page.status).toBe(200);
      expect(page.text).toContain('read with JD for 20 minutes every evening');
    }
    // The carer is a key stakeholder and signs; the child's copy is for information.
    expect((await openLink(linkFor('Chris Carer', 'the written plan'))).text).toContain('Sign off the plan');
    expect((await openLink(linkFor('Jordan', 'the written plan'))).text).toContain('This copy is for your information');
  });

  it('a week on, the due day: Dana is reminded by DM, Chris\'s reminder comes as a link on Sam\'s card', async () => {
    bot.clock.set('2026-12-17T09:30:00Z');
    await eventually(() => expect(dmNow(DANA).map(words)).toContainEqual(expect.stringContaining('An action is due today')));
    const nudge = dmNow(DANA).at(-1)!;
    expect(words(nudge)).toContain('send the reading report to the virtual school');
    const reminder = await eventually(() => linkFor('Chris Carer', 'a reminder about an action they own'));
    expect((await openLink(reminder)).text).toContain('read with JD for 20 minutes every evening');
  });

  it('sign-off: Sam and Chris sign, Dana signs from her card last, and Sam is told the plan is signed off', async () => {
    await click(h, SAM, stub.messageWith(SAM.id, 'plan.signOff'), 'plan.signOff');
    await h.settle();
    answered(await pressOnPage(linkFor('Chris Carer', 'the written plan'), 'Sign off the plan'));
    const samsBefore = dmNow(SAM).length;
    const danasPlan = stub.messageWith(DANA.id, 'plan.signOff');
    await click(h, DANA, danasPlan, 'plan.signOff');
    await h.settle();
    expect(words(stub.messages().find((m) => m.ts === danasPlan.ts)!)).toContain('Signed off by: Sam Social (social worker), Chris Carer (carer), Dana Teacher (designated teacher)');
    const signed = dmNow(SAM).slice(samsBefore).map(words);
    expect(signed).toEqual([expect.stringMatching(/^Written plan signed off\nEveryone asked has signed off version 1 of the written plan for JD \(PEP-2026-0042\)\./)]);
    expect(signed[0]).toMatch(/\*Sam Social\*\nSigned Thursday 17 December 2026, 09:30[\s\S]*\*Chris Carer\*\nSigned[\s\S]*\*Dana Teacher\*\nSigned/);
  });

  it('afterwards, "status" typed in PEP Bot\'s DM tells Sam where the closed meeting stands', async () => {
    expect(await sayInDm(SAM, 'status')).toEqual([
      expect.stringMatching(/^PEP meeting for JD \(PEP-2026-0042\)\nThe meeting is closed and its written plan has gone to everyone\.\n\*Stage\*\nClosed, plan sent\n[\s\S]*\*Actions\*\n2 \(2 open\)[\s\S]*\*Next review\*\nWednesday 10 March 2027/),
    ]);
  });

  it('what each of the five received, in order', async () => {
    const notified = (person: SlackUser) => stub.callsOf('chat.postMessage').filter((c) => c.result?.ok && c.result.channel === dmOf(person)).map((c) => String(c.args.text));
    const meeting = 'the PEP meeting for JD (PEP-2026-0042)';
    const reminder = `Reminder: PEP meeting for JD (PEP-2026-0042): Thursday 10 December 2026, 10:00 to 11:00`;
    const invited = `You are invited to ${meeting} on Thursday 10 December 2026, 10:00 to 11:00.`;
    const plan = `The written plan for ${meeting} is ready for sign-off.`;
    expect(notified(SAM)).toEqual([
      `People PEP Bot could not reach for ${meeting}.`,
      `Attendance for ${meeting}: 1 of 5 people have answered.`,
      `Attendance for ${meeting}: 3 of 5 people have answered.`,
      reminder,
      expect.stringMatching(/^PEP meeting for JD \(PEP-2026-0042\): The meeting is under way/),
      plan,
      'Written plan signed off: Everyone asked has signed off version 1 of the written plan for JD (PEP-2026-0042).',
      expect.stringMatching(/^PEP meeting for JD \(PEP-2026-0042\): The meeting is closed/),
    ]);
    expect(notified(DANA)).toEqual([invited, reminder, plan, 'An action is due today: send the reading report to the virtual school']);
    expect(notified(IAN)).toEqual([invited, `Please send your written contribution for ${meeting}.`, `Please send your written contribution for ${meeting}.`, plan]);

    const offered = (who: string) => linksEverOffered().filter((row) => row.who === who).map((row) => row.opens);
    expect(offered('Chris Carer')).toEqual([
      'their invitation to the PEP meeting',
      'a few questions before the PEP meeting',
      'the written plan',
      'a reminder about an action they own',
    ]);
    // Jordan answered the questions but never the invitation itself, so it was chased with a new link.
    expect(offered('Jordan')).toEqual(['their invitation to the PEP meeting', 'their questions before the PEP meeting', 'their invitation to the PEP meeting', 'the written plan']);
    expect(new Set(linksEverOffered().map((row) => row.who))).toEqual(new Set(['Chris Carer', 'Jordan']));
  });

  it('the channel saw only initials and the PEP reference; Slack would accept every call; nothing went wrong', async () => {
    const inChannel = stub.messages().filter((m) => m.channel === CHAT);
    expect(inChannel.map((m) => m.text)).toEqual([
      expect.stringMatching(/^This is now the meeting chat/),
      expect.stringMatching(/^Agenda for the PEP meeting for JD/),
      expect.stringMatching(/^The PEP meeting for JD \(PEP-2026-0042\) is starting/),
      expect.stringMatching(/^Actions agreed at the PEP meeting for JD/),
    ]);
    for (const message of inChannel) {
      expect(`${message.text}\n${words(message)}`).toContain('JD (PEP-2026-0042)');
      expect(JSON.stringify(message)).not.toContain('Jordan');
    }
    expect(slackRulesBroken(stub)).toEqual([]);
    expect(bot.logs().filter((r) => r.level === 'error' || r.level === 'fatal')).toEqual([]);
  });
});
