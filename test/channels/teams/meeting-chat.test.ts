import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterOf } from '../../../src/app/views/evidence-cards.js';
import { actionNudgeCard } from '../../../src/app/views/meeting-cards.js';
import { participant } from '../../../src/app/views/people.js';
import { carerAttendance } from '../../../src/domain/carer-attendance.js';
import type { Meeting } from '../../../src/domain/model.js';
import { execute, installed, message } from './support/activities.js';
import { headingOf } from './support/connector-stub.js';
import { cardOf, createMeetingInTeams, headingOfAnswer, idOf, linkMeetingChat } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { DANA, EVE, MEETING_CHAT, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * Scenes 2 to 5 in the meeting chat: the agenda signed off and locked, actions captured by
 * command during the call and acknowledged from the card, the meeting closed with the plan to
 * everyone, and a reminder arriving as a 1:1 card.
 */
let teams: TeamsHarness;
let meeting: Meeting;
beforeEach(async () => {
  teams = await startTeamsHarness();
  meeting = await createMeetingInTeams(teams);
  await linkMeetingChat(teams);
});
afterEach(async () => {
  await teams.close();
});

const inChat = () => ({ serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT });
const inChatCalls = () => teams.connector.calls.filter((c) => c.conversationId === MEETING_CHAT);
/** A command typed in the meeting chat; the first message that follows there (the reply, or a shared card). */
const say = async (from: typeof SAM, text: string, mentions: (typeof SAM)[] = []) => {
  const before = teams.connector.calls.length;
  const answer = await teams.post(message(from, inChat(), text, mentions));
  expect(answer.status).toBe(200);
  await teams.settled();
  return teams.connector.calls.slice(before).find((c) => c.conversationId === MEETING_CHAT);
};
const stored = async () => (await teams.store.getMeeting(meeting.id))!;

async function agreeAgenda(): Promise<void> {
  await teams.post(execute(SAM, inChat(), 'agenda.lock', { meetingId: meeting.id, confirmed: true }));
  await teams.settled();
}

/** The body Teams shows the clicker alone as text, leaving the card as it is. */
const PRIVATE_TEXT = 'application/vnd.microsoft.activity.message';
/** The agenda message in the chat as everyone sees it now: its last send or update. */
const sharedAgenda = () => inChatCalls().filter((c) => headingOf(c) === 'PEP meeting agenda').at(-1)!;
const textOf = (call: { activity: unknown }) => JSON.stringify(call.activity);

describe('agenda sign-off in the meeting chat', () => {
  it('"link" posts the agenda; people sign off and suggest; the card shows who signed; the organiser locks it', async () => {
    const agenda = inChatCalls().find((c) => headingOf(c) === 'PEP meeting agenda')!;
    expect(agenda.kind).toBe('send');

    const signed = await teams.post(execute(DANA, inChat(), 'agenda.signOff', { meetingId: meeting.id }));
    expect(JSON.stringify(cardOf(signed.body))).toContain('Dana Teacher');
    const suggested = await teams.post(execute(DANA, inChat(), 'agenda.suggest', { meetingId: meeting.id, title: 'Transport to school' }));
    expect(JSON.stringify(cardOf(suggested.body))).toContain('Transport to school');
    const refused = await teams.post(execute(DANA, inChat(), 'agenda.lock', { meetingId: meeting.id }));
    expect(refused.body).toMatchObject({ type: PRIVATE_TEXT, value: expect.stringContaining('Only the organiser can do that') });
    await agreeAgenda();

    const after = await stored();
    expect(after.agenda.signOffs.map((s) => s.participantId)).toEqual([idOf(meeting, 'designated_teacher')]);
    expect(after.agenda.lockedAt).toBeDefined();
    // The one agenda message in the chat was updated in place each time.
    const updates = inChatCalls().filter((c) => c.kind === 'update' && c.messageId === agenda.messageId);
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect(updates.some((u) => JSON.stringify(u.activity).includes('Transport to school'))).toBe(true);
    expect(JSON.stringify(updates.at(-1)!.activity)).toContain('Signed off by: Dana Teacher (designated teacher)');
  });
});

describe('suggested agenda items', () => {
  const suggest = async (from: typeof SAM, title: string) => {
    await teams.post(execute(from, inChat(), 'agenda.suggest', { meetingId: meeting.id, title }));
    await teams.settled();
  };
  const itemId = async (title: string) => (await stored()).agenda.items.find((i) => i.title === title)!.id;

  it('the organiser accepts or declines each from the card; anyone else is told privately and the shared card stays', async () => {
    await suggest(DANA, 'Transport to school');
    await suggest(DANA, 'Change of school bus');
    const before = sharedAgenda();
    expect(textOf(before)).toContain('Transport to school (suggested by Dana Teacher)');
    expect(textOf(before)).toContain('"verb":"agenda.accept"');

    const callsBefore = teams.connector.calls.length;
    const byDana = await teams.post(execute(DANA, inChat(), 'agenda.accept', { meetingId: meeting.id, itemId: await itemId('Transport to school') }));
    await teams.settled();
    expect(byDana.body).toMatchObject({ type: PRIVATE_TEXT, value: expect.stringContaining('Only the organiser can do that') });
    expect(teams.connector.calls).toHaveLength(callsBefore);
    // Someone not invited at all, signing off: the same private answer.
    await teams.post(installed(EVE, inChat()));
    const callsAfterInstall = teams.connector.calls.length;
    const byEve = await teams.post(execute(EVE, inChat(), 'agenda.signOff', { meetingId: meeting.id }));
    await teams.settled();
    expect(byEve.body).toMatchObject({ type: PRIVATE_TEXT, value: expect.stringContaining('Only participants can do that') });
    expect(teams.connector.calls).toHaveLength(callsAfterInstall);
    expect((await stored()).agenda.items.find((i) => i.title === 'Transport to school')!.suggested).toBe(true);

    const accepted = await teams.post(execute(SAM, inChat(), 'agenda.accept', { meetingId: meeting.id, itemId: await itemId('Transport to school') }));
    expect(headingOfAnswer(accepted.body)).toBe('PEP meeting agenda');
    await teams.settled();
    await teams.post(execute(SAM, inChat(), 'agenda.decline', { meetingId: meeting.id, itemId: await itemId('Change of school bus') }));
    await teams.settled();

    const after = await stored();
    expect(after.agenda.items.filter((i) => !i.suggested).map((i) => i.title)).toContain('Transport to school');
    expect(after.agenda.declined).toMatchObject([{ title: 'Change of school bus', addedBy: idOf(meeting, 'designated_teacher') }]);
    const trail = (await teams.store.auditTrail(meeting.id)).map((e) => e.type);
    expect(trail).toEqual(expect.arrayContaining(['acceptAgendaSuggestion', 'declineAgendaSuggestion']));
    // Everyone's card says what became of each suggestion: nothing typed vanishes.
    const shared = textOf(sharedAgenda());
    expect(shared).toContain('8. Transport to school');
    expect(shared).toContain('Declined by the organiser');
    expect(shared).toContain('• Change of school bus (suggested by Dana Teacher)');
  });

  it('locking with open suggestions and missing sign-offs asks first; locking anyway lists them under any other business', async () => {
    await teams.post(execute(DANA, inChat(), 'agenda.signOff', { meetingId: meeting.id }));
    await suggest(DANA, 'Transport to school');
    await suggest(DANA, 'Change of school bus');
    const callsBefore = teams.connector.calls.length;

    const asked = await teams.post(execute(SAM, inChat(), 'agenda.lock', { meetingId: meeting.id }));
    await teams.settled();
    const question = JSON.stringify(cardOf(asked.body));
    expect(question).toContain('Lock the agenda now?');
    expect(question).toContain('2 suggestions are still open: accept or decline them above, or lock anyway and they will be listed under any other business.');
    expect(question).toContain(`1 of ${meeting.participants.length} people have signed off the agenda.`);
    expect((await stored()).agenda.lockedAt).toBeUndefined();
    // The question is the organiser's: nothing was sent or changed in the chat.
    expect(teams.connector.calls).toHaveLength(callsBefore);

    await agreeAgenda();
    const after = await stored();
    expect(after.agenda.lockedAt).toBeDefined();
    expect(after.agenda.items.filter((i) => i.suggested).map((i) => i.title)).toEqual(['Transport to school', 'Change of school bus']);
    const shared = textOf(sharedAgenda());
    expect(shared).toContain('To raise under any other business');
    expect(shared).toContain('• Transport to school (suggested by Dana Teacher)');
    expect(shared).not.toContain('"verb":"agenda.accept"');
  });
});

describe('live action capture during the call', () => {
  beforeEach(async () => {
    await agreeAgenda();
    expect(await say(SAM, 'start')).toMatchObject({ conversationId: MEETING_CHAT });
  });

  it('"start" posts the meeting-start card; "action @Dana … by Friday" posts the live action list; Dana acknowledges from it', async () => {
    expect(inChatCalls().find((c) => c.activity.summary === 'The PEP meeting for JD (PEP-2026-0042) is starting.')).toBeDefined();
    await say(SAM, 'action @0 send the reading report by Friday', [DANA]);
    const [action] = (await stored()).actions;
    expect(action).toMatchObject({ ownerId: idOf(meeting, 'designated_teacher'), description: 'send the reading report', dueDate: '2026-11-27' });
    const list = inChatCalls().at(-1)!;
    expect(list.kind).toBe('send');
    expect(JSON.stringify(list.activity)).toContain('send the reading report');

    const ack = await teams.post(execute(DANA, inChat(), 'action.acknowledge', { meetingId: meeting.id, actionId: action!.id }));
    expect(JSON.stringify(cardOf(ack.body))).toContain('send the reading report');
    await teams.settled();
    expect((await stored()).actions[0]!.acknowledgedAt).toBeDefined();
    expect(inChatCalls().at(-1)).toMatchObject({ kind: 'update', messageId: list.messageId });

    await say(SAM, 'action @Dana buy a dictionary in two weeks');
    expect((await stored()).actions).toHaveLength(2);
    expect(inChatCalls().at(-1)).toMatchObject({ kind: 'update', messageId: list.messageId });
  });

  it('Acknowledge pressed by someone else: the shared list stays as it was and the refusal reaches only them', async () => {
    await say(SAM, 'action @0 send the reading report by Friday', [DANA]);
    const list = inChatCalls().at(-1)!;
    const [action] = (await stored()).actions;
    const callsBefore = teams.connector.calls.length;

    const bySam = await teams.post(execute(SAM, inChat(), 'action.acknowledge', { meetingId: meeting.id, actionId: action!.id }));
    await teams.settled();
    expect(bySam.body).toEqual({
      statusCode: 200,
      type: PRIVATE_TEXT,
      value: 'This is for someone else. Only the person this action was given to can answer it. Nothing was changed. If it should be yours, ask the organiser.',
    });
    expect(teams.connector.calls).toHaveLength(callsBefore);
    expect((await stored()).actions[0]!.acknowledgedAt).toBeUndefined();

    // An older client's Action.Submit has no private answer in the chat: the refusal goes to Sam's 1:1 chat.
    const submit = { ...message(SAM, inChat(), ''), replyToId: list.messageId, value: { verb: 'action.acknowledge', meetingId: meeting.id, actionId: action!.id } };
    expect((await teams.post(submit)).status).toBe(200);
    await teams.settled();
    const after = teams.connector.calls.slice(callsBefore);
    expect(after.filter((c) => c.conversationId === MEETING_CHAT)).toEqual([]);
    expect(after.map((c) => [c.kind, c.conversationId, headingOf(c)])).toEqual([['send', personalChat(SAM), 'This is for someone else']]);
  });

  it('Teams\' automatic refresh shows each participant the current list, and never a refusal to anyone else in the chat', async () => {
    await say(SAM, 'action @0 send the reading report by Friday', [DANA]);
    const refresh = { meetingId: meeting.id, card: 'live-actions' };
    const forDana = await teams.post(execute(DANA, inChat(), 'card.refresh', refresh, { trigger: 'automatic' }));
    expect(JSON.stringify(cardOf(forDana.body))).toContain('send the reading report');
    await teams.post(installed(EVE, inChat()));
    const forOutsider = await teams.post(execute(EVE, inChat(), 'card.refresh', refresh, { trigger: 'automatic' }));
    expect(forOutsider.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'This card is up to date.' });
  });

  it('an unreadable command says what was understood and what was not, and keeps the text', async () => {
    const reply = await say(SAM, 'action send the report');
    const shown = JSON.stringify(reply!.activity);
    expect(shown).toContain('I understood an action, what to do, but not who it is for');
    expect(shown).toContain('action send the report');
    expect((await stored()).actions).toEqual([]);
  });

  it('"review" and "goal" bring their cards; a goal is refused until it is SMART, with what was typed kept', async () => {
    expect(headingOf((await say(SAM, 'review'))!)).toBe('Actions from the last PEP');
    expect(headingOf((await say(SAM, 'goal Reading age'))!)).toBe('Add a SMART goal');
    const refused = await teams.post(execute(SAM, inChat(), 'goal.add', { meetingId: meeting.id, title: 'Reading age', specific: 'Read for 20 minutes a day', measurable: '' }));
    const shown = JSON.stringify(cardOf(refused.body));
    expect(headingOfAnswer(refused.body)).toBe('Add a SMART goal');
    expect(shown).toContain('"value":"Read for 20 minutes a day"');
    expect((await stored()).goals).toEqual([]);
  });

  it('"status" and "help" answer in the chat', async () => {
    expect(JSON.stringify((await say(DANA, 'status'))!.activity)).toContain('PEP meeting for JD (PEP-2026-0042)');
    expect(headingOf((await say(DANA, 'help'))!)).toBe('Hello, I’m PEP Bot');
    expect(headingOf((await say(DANA, 'new'))!)).toBe('Create the meeting in your chat with PEP Bot');
  });

  it('closing needs the next review date; then the plan goes to everyone PEP Bot can reach', async () => {
    await say(SAM, 'action @0 send the reading report by Friday', [DANA]);
    expect(JSON.stringify((await say(SAM, 'close'))!.activity)).toContain('Next review date needed');
    await say(SAM, 'next review 10 March');
    expect(JSON.stringify((await say(SAM, 'close'))!.activity)).toContain('Meeting closed');
    for (const person of [SAM, DANA]) {
      const plan = teams.connector.calls.filter((c) => c.conversationId === personalChat(person) && JSON.stringify(c.activity).includes('The written plan'));
      expect(plan).toHaveLength(1);
    }
    expect((await stored()).status).toBe('plan_distributed');
  });

  it('group chats never see more of the child than initials and reference; logs hold no names or addresses', async () => {
    await say(SAM, 'action @0 send the reading report by Friday', [DANA]);
    await say(SAM, 'note Jordan is reading at home every evening');
    const chat = JSON.stringify(inChatCalls());
    expect(chat).toContain('JD');
    expect(chat).not.toContain('Jordan');
    const logs = JSON.stringify(teams.logs());
    for (const personal of ['Dana Teacher', 'Sam Social', 'dana@school.example.org', 'Jordan', 'reading report']) expect(logs).not.toContain(personal);
  });
});

describe('reminders', () => {
  it('a deadline nudge from the scheduler arrives as a 1:1 card through the Teams messenger', async () => {
    await agreeAgenda();
    await say(SAM, 'start');
    await say(SAM, 'action @0 send the reading report by Friday', [DANA]);
    const current = await stored();
    const action = current.actions[0]!;
    const delivery = await teams.delivery.sendDirect(current, participant(current, action.ownerId), actionNudgeCard(current, action.id, 'due_today'));
    expect(delivery.delivered).toBe(true);
    const nudge = teams.connector.calls.at(-1)!;
    expect(nudge).toMatchObject({ kind: 'send', conversationId: personalChat(DANA) });
    expect(nudge.activity.summary).toBe('Reminder: an action for JD (PEP-2026-0042) is due.');
    const done = await teams.post(execute(DANA, { serviceUrl: teams.connector.serviceUrl }, 'nudge.done', { meetingId: meeting.id, actionId: current.actions[0]!.id }));
    expect(headingOfAnswer(done.body)).toBe('Marked as done');
  });
});

describe('the attendance record in a Teams meeting chat', () => {
  it('opens for the organiser once started, shows the child by initials, and saves each row', async () => {
    await teams.post(execute(SAM, inChat(), 'agenda.lock', { meetingId: meeting.id, confirmed: true }));
    await teams.post(message(SAM, inChat(), 'start'));
    await teams.settled();
    const before = teams.connector.calls.length;
    await teams.post(message(SAM, inChat(), 'attendance'));
    await teams.settled();
    const reply = teams.connector.calls.slice(before).find((c) => c.conversationId === MEETING_CHAT && JSON.stringify(c.activity).includes('attendance.record'));
    expect(reply).toBeDefined();
    expect(JSON.stringify(reply!.activity)).not.toMatch(/Jordan/);

    const current = await stored();
    const rows = Object.fromEntries(current.participants.map((p, i) => [`status${i + 1}`, p.role === 'carer' ? 'apologies' : 'attended']));
    const carerRow = current.participants.findIndex((p) => p.role === 'carer') + 1;
    const refused = await teams.post(execute(DANA, inChat(), 'attendance.record', { meetingId: meeting.id, roster: rosterOf(current), ...rows }));
    expect(JSON.stringify(refused.body)).toContain('Only the meeting organiser can record who attended.');
    const saved = await teams.post(execute(SAM, inChat(), 'attendance.record', { meetingId: meeting.id, roster: rosterOf(current), ...rows, [`reason${carerRow}`]: 'Train strike' }));
    expect(JSON.stringify(cardOf(saved.body))).toContain('Attendance recorded');
    expect(carerAttendance(await stored())).toBe('apologies');
    expect((await stored()).attendance?.find((e) => e.status === 'apologies')?.reason).toBe('Train strike');
  });
});
