import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCallback } from './signed-requests.js';
import { executeCommand } from '../../../src/app/execute-command.js';
import { nudgeSender } from '../../../src/app/nudge-cards.js';
import type { NudgeKind } from '../../../src/domain/nudges/nudge.js';
import type { Meeting } from '../../../src/domain/model.js';
import { buttons, readText } from './slack-api-stub.js';
import type { Block } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { CHRIS, DANA, OLLY, SAM, startSlack } from './slack-harness.js';
import { click, createMeeting, linkLockAndStart, type } from './slack-scenes.js';

/**
 * Scenes 5 and 6 and the App Home: what reaches people between meetings. The scheduler sends
 * reminders and prompts through the CardDelivery, whose Slack messenger is the one under test.
 */
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

/** What the scheduler does when a nudge falls due: its sender, on the delivery the channels share. */
async function nudge(current: Meeting, kind: NudgeKind, actionId: string, to: { id: string }) {
  return nudgeSender(h.delivery, h.deps)({ meetingId: current.id, kind, itemId: actionId, recipientParticipantId: idOf(to), dueInstant: '2026-11-27T09:00:00Z' }, current);
}

/** Dana owns an action due on Friday 27 November, captured in the meeting chat. */
async function withDanasAction(): Promise<Meeting> {
  await linkLockAndStart(h, 'C0PEPCHAT');
  await type(h, SAM, 'C0PEPCHAT', 'action <@U0DANA> send the reading report by Friday');
  await h.settle();
  return stored();
}

describe('scene 5: reminder DMs', () => {
  it('an overdue action escalates to the organiser as a DM too', async () => {
    const current = await withDanasAction();
    await nudge(current, 'action_escalation_organiser', current.actions[0]!.id, SAM);
    expect(String(h.stub.posted(SAM.id).at(-1)!.args.text)).toMatch(/overdue/);
  });

  it('a nudge reaches the owner as a DM; "more time" then "done" are saved and shown in place', async () => {
    const current = await withDanasAction();
    const action = current.actions[0]!;
    const sent = await nudge(current, 'action_due_today', action.id, DANA);
    expect(sent).toMatchObject({ delivered: true, ref: { channel: 'slack', conversationId: 'D0DANA' } });
    const reminder = h.stub.messageWith(DANA.id, 'nudge.done');
    expect(buttons(reminder.blocks).map((b) => b.verb)).toEqual(['nudge.done', 'nudge.moreTime', 'nudge.blocked']);
    expect(readText(reminder.blocks)).toContain('send the reading report');

    await click(h, DANA, reminder, 'nudge.moreTime', { inputs: { newDueDate: '2026-12-02' } });
    await h.settle();
    expect((await stored()).actions[0]).toMatchObject({ dueDate: '2026-12-02', status: 'open' });
    expect(readText(h.stub.messages().find((m) => m.ts === reminder.ts)!.blocks)).toContain('New date saved');
    // The meeting chat's live list follows.
    expect(readText(h.stub.messageWith('C0PEPCHAT', 'action.acknowledge').blocks)).toContain('Wednesday 2 December 2026');

    await nudge(await stored(), 'action_before_due', action.id, DANA);
    await click(h, DANA, h.stub.messageWith(DANA.id, 'nudge.done'), 'nudge.done');
    await h.settle();
    expect((await stored()).actions[0]!.status).toBe('done');
  });

  it('a reminder Slack refuses comes back with the reason in words, for the scheduler to give up on', async () => {
    const current = await withDanasAction();
    const reportsBefore = h.reports.length;
    h.stub.failNext('chat.postMessage', { error: 'account_inactive' });
    const sent = await nudge(current, 'action_overdue', current.actions[0]!.id, DANA);
    expect(sent).toEqual({ delivered: false, retryable: false, reason: "This person's Slack account is deactivated (account_inactive)." });
    // Nobody hears of one failed attempt: the scheduler's giving up is what tells the organiser.
    expect(h.reports.slice(reportsBefore)).toEqual([]);
  });
});

describe('scene 6: carer prompts', () => {
  it('go out from the scheduler on their day: recorded for the organiser by "system", then sent once', async () => {
    const sent = await nudge(meeting, 'carer_questions', idOf(CHRIS), CHRIS);
    expect(sent.delivered).toBe(true);
    await h.settle();
    const prompt = h.stub.messageWith(CHRIS.id, 'prompt.answer');
    expect(prompt.text).toContain('A few questions before the PEP meeting for JD');
    const current = await stored();
    expect(current.prompts).toMatchObject([{ kind: 'carer', participantId: idOf(CHRIS) }]);
    const audit = await h.store.auditTrail(meeting.id);
    expect(audit.filter((e) => e.summary === 'Prompt sent (carer)').map((e) => [e.actorId, e.channel])).toEqual([[meeting.organiserId, 'system']]);
    // Run again (a retry after a lost confirmation): the questions were queued with the change that
    // recorded them, so nothing more is recorded or sent.
    await nudge(current, 'carer_questions', idOf(CHRIS), CHRIS);
    await h.settle();
    expect((await stored()).prompts).toHaveLength(1);
    expect(h.stub.messages().filter((m) => m.channel === 'D0CHRIS' && m.text?.includes('A few questions'))).toHaveLength(1);
  });

  async function promptChris(): Promise<void> {
    await executeCommand(h.deps, { meetingId: meeting.id, command: { type: 'sendPrompt', participantId: idOf(CHRIS), kind: 'carer' }, actorId: meeting.organiserId, channel: 'system' });
    await h.settle();
  }

  it('the carer answers the prompt DM in Slack; the answer is saved and the card says thank you', async () => {
    await promptChris();
    const prompt = h.stub.messageWith(CHRIS.id, 'prompt.answer');
    await click(h, CHRIS, prompt, 'prompt.answer', { inputs: { mood: '4', toRaise: 'Sleep has been better' } });
    await h.settle();
    expect((await stored()).prompts[0]).toMatchObject({ participantId: idOf(CHRIS), answer: { kind: 'carer', mood: 4, toRaise: 'Sleep has been better' } });
    const shown = h.stub.callsOf('chat.update').find((c) => c.args.ts === prompt.ts)!;
    expect(readText(shown.args.blocks as Block[])).toContain('Thank you');
  });

  it('an answer missing its required choice comes back with the problem, keeping what was written', async () => {
    await promptChris();
    const prompt = h.stub.messageWith(CHRIS.id, 'prompt.answer');
    await click(h, CHRIS, prompt, 'prompt.answer', { inputs: { toRaise: 'Sleep has been better' } });
    await h.settle();
    expect((await stored()).prompts[0]!.answer).toBeUndefined();
    const again = h.stub.messageWith(CHRIS.id, 'prompt.answer');
    expect(again.ts).toBe(prompt.ts);
    expect(readText(again.blocks)).toContain('Choose the answer closest to how things have been.');
    expect(JSON.stringify(again.blocks)).toContain('Sleep has been better');
  });
});

describe('the App Home tab', () => {
  const opened = (user: string, eventId: string) =>
    eventCallback(eventId, { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: '1700000000.000100' });

  it('lists the person\'s upcoming meetings and open actions with due dates, the child by initials only', async () => {
    await withDanasAction();
    const answer = await h.slack.event(opened(DANA.id, 'Ev0HOME1'));
    expect(answer.status).toBe(200);
    await h.settle();
    const [published] = h.stub.callsOf('views.publish');
    expect(published!.args).toMatchObject({ user_id: DANA.id, view: { type: 'home' } });
    const text = readText((published!.args.view as { blocks: Block[] }).blocks);
    expect(text).toContain('JD · PEP-2026-0042');
    expect(text).toContain('Friday 4 December 2026, 10:00 to 11:00');
    expect(text).toMatch(/send the reading report\*\nDue Friday 27 November 2026/);
    expect(text).not.toContain('Jordan');
  });

  it('someone with no meetings is told so; a retried event is published once', async () => {
    await h.slack.event(opened(OLLY.id, 'Ev0HOME2'));
    await h.slack.event(opened(OLLY.id, 'Ev0HOME2'), { retryNum: 1 });
    await h.settle();
    const published = h.stub.callsOf('views.publish');
    expect(published).toHaveLength(1);
    expect(readText((published[0]!.args.view as { blocks: Block[] }).blocks)).toContain('You have no upcoming PEP meetings.');
  });
});

const EVIDENCE_FIGURES = { attendancePercent: '85', suspensionDays: '0', permanentlyExcluded: 'no', english: 'expected' };

/** The school's figures: asked for with /pep, answered in the teacher's DM, a refusal kept in the card, a flag DM'd to the organiser. */
describe('the evidence card in Slack', () => {
  it('is sent on "evidence request", keeps what was typed with the problem, and flags the child to the organiser', async () => {
    await type(h, SAM, 'D0SAM', 'evidence request');
    await h.settle();
    const form = h.stub.messageWith(DANA.id, 'evidence.submit');
    expect(readText(form.blocks)).toContain('School figures for the PEP');

    await click(h, DANA, form, 'evidence.submit', { inputs: { ...EVIDENCE_FIGURES, attendancePercent: '104' } });
    await h.settle();
    const again = h.stub.messageWith(DANA.id, 'evidence.submit');
    expect(readText(again.blocks)).toContain('Enter attendance as a number from 0 to 100.');
    expect(JSON.stringify(again.blocks)).toContain('"initial_value":"104"');
    expect((await h.store.getMeeting(meeting.id))?.evidence).toBeUndefined();

    await click(h, DANA, again, 'evidence.submit', { inputs: EVIDENCE_FIGURES });
    await h.settle();
    const saved = await h.store.getMeeting(meeting.id);
    expect(saved?.evidence).toMatchObject({ attendancePercent: 85, source: 'card', attainment: [{ subject: 'english', level: 'expected' }] });
    expect((await h.store.auditTrail(meeting.id)).find((e) => e.type === 'recordEvidence')?.channel).toBe('slack');
    const flagged = h.stub.posted(SAM.id).map((call) => readText(call.args.blocks as never)).find((text) => text.includes('is flagged'));
    expect(flagged).toContain('Attendance 85% is below 90%');
  });
});
