import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/model.js';
import { blockKitViolations } from '../../cards/block-kit-limits.js';
import { buttons, readText } from './slack-api-stub.js';
import type { Block } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { CHRIS, DANA, OLLY, SAM, startSlack } from './slack-harness.js';
import { click, createMeeting, linkLockAndStart, lockAnyway, shownOnlyTo, type } from './slack-scenes.js';

/**
 * Scenes 2 to 4 in the meeting's channel: the agenda signed off, actions captured with /pep and
 * acknowledged, the meeting closed with the next review date and the plan sent to everyone.
 */
const CHAT = 'C0PEPCHAT';
let h: SlackHarness;
let meeting: Meeting;

beforeEach(async () => {
  h = await startSlack();
  meeting = await createMeeting(h);
});
afterEach(async () => {
  await h.close();
});

const stored = async () => (await h.store.getMeeting(meeting.id))!;
const idOf = (user: { id: string }) => meeting.participants.find((p) => p.slackUserId === user.id)!.id;
/** What /pep showed the typist alone. */
async function typeAndRead(user: typeof SAM, text: string): Promise<{ text: string; blocks: Block[]; ephemeral: boolean }[]> {
  const typed = await type(h, user, CHAT, text);
  expect(typed.answer.status).toBe(200);
  await h.settle();
  return shownOnlyTo(h, typed.responseId).map(({ body, blocks }) => ({ text: readText(blocks), blocks, ephemeral: body.response_type === 'ephemeral' }));
}

const linkAndStart = () => linkLockAndStart(h, CHAT);

describe('scene 2: the agenda in a channel the organiser chose', () => {
  it('/pep link posts the agenda there; sign-offs and suggestions update that message', async () => {
    // Said in the channel, for everyone there: posting it is also how the bot learns it may post there.
    expect(await typeAndRead(SAM, 'link PEP-2026-0042')).toEqual([]);
    expect(h.stub.messages().some((m) => m.channel === CHAT && m.text.startsWith('This is now the meeting chat'))).toBe(true);
    const agenda = h.stub.messageWith(CHAT, 'agenda.signOff');
    expect(buttons(agenda.blocks).map((b) => b.verb)).toEqual(['agenda.signOff', 'agenda.lock', 'agenda.suggest']);

    await click(h, DANA, agenda, 'agenda.signOff');
    await h.settle();
    expect((await stored()).agenda.signOffs.map((s) => s.participantId)).toEqual([idOf(DANA)]);
    expect(readText(h.stub.messageWith(CHAT, 'agenda.signOff').blocks)).toContain('Dana Teacher');

    await click(h, CHRIS, h.stub.messageWith(CHAT, 'agenda.suggest'), 'agenda.suggest', { inputs: { title: 'Homework club' } });
    await h.settle();
    expect((await stored()).agenda.items.map((i) => i.title)).toContain('Homework club');
    const now = h.stub.messageWith(CHAT, 'agenda.signOff');
    expect(now.ts).toBe(agenda.ts);
    expect(readText(now.blocks)).toContain('Homework club');
  });

  it('someone not invited is told so privately, and the channel\'s agenda is left alone', async () => {
    await typeAndRead(SAM, 'link PEP-2026-0042');
    const updatesBefore = h.stub.callsOf('chat.update').length;
    const clicked = await click(h, OLLY, h.stub.messageWith(CHAT, 'agenda.signOff'), 'agenda.signOff');
    await h.settle();
    const [told] = shownOnlyTo(h, clicked.responseId);
    expect(told!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(readText(told!.blocks)).toContain('Only participants can do that');
    expect(h.stub.callsOf('chat.update')).toHaveLength(updatesBefore);
    expect((await stored()).agenda.signOffs).toEqual([]);
  });
});

describe('suggested agenda items in the channel', () => {
  const agendaNow = () => h.stub.messageWith(CHAT, 'agenda.signOff');
  const suggest = async (user: typeof SAM, title: string) => {
    await click(h, user, agendaNow(), 'agenda.suggest', { inputs: { title } });
    await h.settle();
  };
  /** The Accept or Decline button of the suggestion with this title. */
  const pressOn = async (user: typeof SAM, verb: 'agenda.accept' | 'agenda.decline', title: string) => {
    const itemId = (await stored()).agenda.items.find((i) => i.title === title)!.id;
    const button = buttons(agendaNow().blocks).find((b) => b.verb === verb && JSON.parse(b.value).itemId === itemId)!;
    const clicked = await click(h, user, agendaNow(), verb, { title: button.title });
    await h.settle();
    return clicked;
  };

  it('the organiser accepts or declines each; anyone else is told privately and the channel\'s agenda is left alone', async () => {
    await typeAndRead(SAM, 'link PEP-2026-0042');
    await suggest(CHRIS, 'Homework club');
    await suggest(CHRIS, 'Change of school bus');
    expect(readText(agendaNow().blocks)).toContain('Homework club (suggested by Chris Carer)');

    const updatesBefore = h.stub.callsOf('chat.update').length;
    const byDana = await pressOn(DANA, 'agenda.decline', 'Homework club');
    const [told] = shownOnlyTo(h, byDana.responseId);
    expect(told!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(readText(told!.blocks)).toContain('Only the organiser can do that');
    expect(h.stub.callsOf('chat.update')).toHaveLength(updatesBefore);

    await pressOn(SAM, 'agenda.accept', 'Homework club');
    await pressOn(SAM, 'agenda.decline', 'Change of school bus');
    const agenda = await stored();
    expect(agenda.agenda.items.find((i) => i.title === 'Homework club')!.suggested).toBe(false);
    expect(agenda.agenda.declined!.map((d) => d.title)).toEqual(['Change of school bus']);
    const shown = readText(agendaNow().blocks);
    expect(shown).toContain('8. Homework club');
    expect(shown).toContain('• Change of school bus (suggested by Chris Carer)');
  });

  it('Lock asks the organiser alone first, with the open suggestions and sign-offs; locking anyway keeps the suggestions', async () => {
    await typeAndRead(SAM, 'link PEP-2026-0042');
    await suggest(CHRIS, 'Homework club');
    const { ts } = agendaNow();
    const { asked } = await lockAnyway(h, CHAT);
    const question = readText(asked);
    expect(question).toContain('1 suggestion is still open: accept or decline it above, or lock anyway and it will be listed under any other business.');
    expect(question).toContain(`0 of ${meeting.participants.length} people have signed off the agenda.`);
    expect((await stored()).agenda.lockedAt).toBeDefined();
    const shared = readText(h.stub.messages().find((m) => m.ts === ts)!.blocks);
    expect(shared).toContain('To raise under any other business');
    expect(shared).toContain('Homework club (suggested by Chris Carer)');
    expect(shared).not.toContain('Lock the agenda now?');
  });
});

describe('scene 3: capturing actions with /pep during the meeting', () => {
  it('an @mention and "by Friday" make an action; the live list in the channel updates; the owner acknowledges', async () => {
    await linkAndStart();
    expect(h.stub.messages().some((m) => m.channel === CHAT && m.text.startsWith('The PEP meeting for JD'))).toBe(true);

    const typed = await typeAndRead(SAM, 'action <@U0DANA|dana> send the reading report by Friday');
    expect(typed).toEqual([]);
    expect((await stored()).actions).toMatchObject([{ description: 'send the reading report', dueDate: '2026-11-27', ownerId: idOf(DANA), status: 'open' }]);
    const live = h.stub.messageWith(CHAT, 'action.acknowledge');
    expect(readText(live.blocks)).toContain('send the reading report');

    await typeAndRead(SAM, 'action @Chris buy a dictionary in two weeks');
    expect(h.stub.messageWith(CHAT, 'action.acknowledge').ts).toBe(live.ts);
    expect(readText(h.stub.messageWith(CHAT, 'action.acknowledge').blocks)).toContain('buy a dictionary');

    const [danasAction] = (await stored()).actions;
    const row = buttons(h.stub.messageWith(CHAT, 'action.acknowledge').blocks).find((b) => JSON.parse(b.value).actionId === danasAction!.id)!;
    await click(h, DANA, h.stub.messageWith(CHAT, 'action.acknowledge'), 'action.acknowledge', { title: row.title });
    await h.settle();
    expect((await stored()).actions[0]!.acknowledgedAt).toBeDefined();
    expect(readText(h.stub.messages().find((m) => m.ts === live.ts)!.blocks)).toContain('Acknowledged');
  });

  it('Acknowledge pressed by someone else: the channel\'s list stays, the refusal is shown to them alone, said once', async () => {
    await linkAndStart();
    await typeAndRead(SAM, 'action <@U0DANA|dana> send the reading report by Friday');
    const live = h.stub.messageWith(CHAT, 'action.acknowledge');
    const updatesBefore = h.stub.callsOf('chat.update').length;
    const postsBefore = h.stub.callsOf('chat.postMessage').length;

    const clicked = await click(h, CHRIS, live, 'action.acknowledge');
    await h.settle();
    expect(h.stub.callsOf('chat.update')).toHaveLength(updatesBefore);
    expect(h.stub.callsOf('chat.postMessage')).toHaveLength(postsBefore);
    const [told] = shownOnlyTo(h, clicked.responseId);
    expect(told!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const lines = readText(told!.blocks).split('\n').filter((l) => l.trim() !== '');
    expect(lines).toContain('⚠️ This is for someone else');
    expect(lines).toContain('Only the person this action was given to can answer it.');
    expect(lines).toContain('Nothing was changed. If it should be yours, ask the organiser.');
    expect(lines).toHaveLength(new Set(lines).size);
    expect(lines.filter((l) => l.includes('someone else'))).toHaveLength(1);
    expect((await stored()).actions[0]!.acknowledgedAt).toBeUndefined();
  });

  it('goal, note, status and help answer the typist; an unreadable command keeps what was typed', async () => {
    await linkAndStart();
    const [goal] = await typeAndRead(SAM, 'goal Reading age up a year');
    expect(buttons(goal!.blocks).map((b) => b.verb)).toEqual(['goal.add']);
    const [note] = await typeAndRead(DANA, 'note Reading at home every evening & weekends');
    expect(note!.text).toContain('Note added');
    expect((await stored()).notes.map((n) => n.text)).toEqual(['Reading at home every evening & weekends']);
    const [status] = await typeAndRead(DANA, 'status');
    expect(status!.text).toMatch(/Meeting under way[\s\S]*Next review[\s\S]*Not set yet/);
    // Help is the ack itself: nothing to store, nothing to post later.
    const help = await type(h, CHRIS, CHAT, 'help');
    const shown = JSON.parse(help.answer.body) as { response_type: string; blocks: Block[] };
    expect(shown.response_type).toBe('ephemeral');
    expect(readText(shown.blocks)).toContain('/pep action');
    expect(blockKitViolations(shown.blocks)).toEqual([]);
    await h.settle();
    expect(shownOnlyTo(h, help.responseId)).toEqual([]);
    const [unread] = await typeAndRead(SAM, 'action send the report');
    expect(unread).toMatchObject({ ephemeral: true, text: expect.stringContaining('who it is for') });
    expect(unread!.text).toContain('action send the report');
  });

  it('a SMART goal from the form /pep goal showed is added, and the ephemeral form is replaced', async () => {
    await linkAndStart();
    const typed = await type(h, SAM, CHAT, 'goal Reading age up a year');
    await h.settle();
    const [form] = shownOnlyTo(h, typed.responseId);
    const message = { channel: CHAT, ts: '1700000000.999', text: 'goal', blocks: form!.blocks };
    const inputs = { specific: 'Read daily', measurable: 'Reading age test', achievable: 'With the tutor', relevant: 'Needed for GCSEs', timeBound: '2027-03-01' };
    const clicked = await click(h, SAM, message, 'goal.add', { inputs, ephemeral: true });
    await h.settle();
    expect((await stored()).goals).toMatchObject([{ title: 'Reading age up a year', measurable: 'Reading age test', timeBound: '2027-03-01' }]);
    expect(shownOnlyTo(h, clicked.responseId)[0]!.body).toMatchObject({ replace_original: true });
  });
});

describe('scene 4: closing the meeting', () => {
  it('needs the next review date; then the plan goes to every participant as a DM', async () => {
    await linkAndStart();
    const [refused] = await typeAndRead(SAM, 'close');
    expect(refused!.text).toContain('Next review date needed');
    const [notOrganiser] = await typeAndRead(DANA, 'next review 10 March');
    expect(notOrganiser!.text).toContain('Only the organiser can do that');
    const [set] = await typeAndRead(SAM, 'next review 10 March');
    expect(set!.text).toContain('Next review date set');
    const [closed] = await typeAndRead(SAM, 'close');
    expect(closed!.text).toContain('Meeting closed');

    expect(await stored()).toMatchObject({ status: 'plan_distributed', nextReviewDate: '2027-03-10' });
    for (const person of [SAM, DANA, CHRIS]) {
      expect(h.stub.posted(person.id).map((c) => String(c.args.text))).toContainEqual(expect.stringMatching(/plan/i));
    }
    // The channel only ever saw the child's initials and PEP reference.
    const inChannel = h.stub.messages().filter((m) => m.channel === CHAT);
    expect(inChannel.length).toBeGreaterThan(0);
    expect(JSON.stringify(inChannel)).not.toContain('Jordan');
  });
});
