import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DANA, SAM } from '../channels/slack/slack-harness.js';
import type { Typed } from '../channels/slack/slack-scenes.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import type { SlackBot } from './slack-bot.js';
import { slackBotWithMeetingUnderWay, storedMeeting, typeIn } from './slack-bot.js';
import { aWorkingDayAhead } from '../support/typed-dates.js';

/**
 * Issue 12: Slack has a slash command's 200 before its work is done, and shows the person no
 * error after that. A real PEP Bot process is killed with SIGKILL while a burst of /pep commands
 * is under way, then started again on the same DATA_DIR: every command Slack had its 200 for is
 * answered at its response URL exactly once, and every change is applied exactly once.
 *
 * Slack is slow to take answers during the burst (the stub holds every response-URL post and
 * every users.info lookup), so at the kill some commands have saved their change and wait to
 * answer, some wait before saving, and some are still arriving.
 */
let side: SlackBot;
let meetingId: string;

beforeEach(async () => {
  ({ side, meetingId } = await slackBotWithMeetingUnderWay());
});

afterEach(async () => {
  await side.close();
});

interface Sent {
  text: string;
  typed: Typed;
}

const acknowledged = (sent: Sent[]) => sent.filter((s) => s.typed.answer.status === 200);
/** Help is answered in its ack (its 200 carries the list); every other command at its response URL. */
const inAck = (s: Sent): Record<string, unknown>[] => (s.typed.answer.status === 200 && s.typed.answer.body ? [JSON.parse(s.typed.answer.body) as Record<string, unknown>] : []);
const answersTo = (s: Sent) => [...inAck(s), ...(s.typed.responseId ? side.stub.respondedTo(s.typed.responseId) : [])];
const count = (values: readonly string[], value: string) => values.filter((v) => v === value).length;

describe('kill -9 during a burst of slash commands, then a restart on the same DATA_DIR', () => {
  it('answers every acknowledged command exactly once and applies every change exactly once', async () => {
    const due = aWorkingDayAhead();
    const first = await side.home.start();
    side.stub.hold('/respond/', '/api/users.info');
    const send = (text: string) => typeIn(side, SAM, 'D0SAM', text).then((typed): Sent => ({ text, typed }));

    // Notes and reads, all acknowledged; each note saved, each answer waiting for Slack to take it.
    const waiting = await Promise.all([...[1, 2, 3, 4].map((n) => send(`note burst note ${n}`)), send('status'), send('help'), send('review')]);
    expect(waiting.map((s) => s.typed.answer.status)).toEqual(waiting.map(() => 200));
    await eventually(() => expect(side.stub.holdingNow('/respond/')).toBe(waiting.filter((s) => s.text !== 'help').length), 20_000);

    // Then a stream of commands, three at a time, actions among them (waiting on users.info before
    // saving): the bot is killed as the third of them is acknowledged, with others in flight.
    const stream = [
      ...[1, 2, 3].map((n) => `action <@${DANA.id}|dana> send the burst report ${n} by ${due}`),
      ...[5, 6, 7, 8].map((n) => `note burst note ${n}`),
      'status',
      'help',
    ];
    const streamed: Sent[] = [];
    let killing: Promise<unknown> | undefined;
    const sender = async () => {
      for (let text = stream.shift(); text !== undefined && !killing; text = stream.shift()) {
        const one = await send(text);
        streamed.push(one);
        if (acknowledged(streamed).length === 3) killing ??= first.kill9();
      }
    };
    await Promise.all([sender(), sender(), sender()]);
    expect(await killing).toEqual([null, 'SIGKILL']);
    const sent = [...waiting, ...streamed];
    side.stub.release();
    expect(side.stub.responses).toEqual([]);

    const second = await side.home.start();
    await eventually(() => {
      for (const s of acknowledged(sent)) expect(answersTo(s), s.text).toHaveLength(1);
    }, 30_000);
    // A clean stop waits for every command still being answered, so the counts below are final.
    expect(await second.stop()).toEqual([0, null]);

    for (const s of acknowledged(sent)) expect(answersTo(s), s.text).toHaveLength(1);
    // A request the kill cut off got no 200, so Slack showed the person an error; it may still have been recorded and answered, once.
    for (const s of sent) expect(answersTo(s).length, s.text).toBeLessThanOrEqual(1);

    const meeting = (await storedMeeting(side.home.dataDir, meetingId))!;
    const notes = meeting.notes.map((n) => n.text);
    const actions = meeting.actions.map((a) => a.description);
    for (const s of sent.filter((c) => c.text.startsWith('note'))) {
      const text = s.text.replace(/^note /, '');
      expect(count(notes, text), text).toBe(s.typed.answer.status === 200 ? 1 : answersTo(s).length);
    }
    for (const s of sent.filter((c) => c.text.startsWith('action'))) {
      const description = /send the burst report \d/.exec(s.text)![0];
      expect(count(actions, description), description).toBe(s.typed.answer.status === 200 ? 1 : answersTo(s).length);
    }
    expect(notes.length + actions.length).toBe(sent.filter((s) => !/^(status|help|review)$/.test(s.text) && answersTo(s).length === 1).length);

    // Answered commands are done: a third start answers nothing again.
    const answered = side.stub.responses.length;
    const third = await side.home.start();
    expect(await third.logLine('slash commands cut short by a restart')).toMatchObject({ replaying: 0 });
    expect(await third.stop()).toEqual([0, null]);
    expect(side.stub.responses).toHaveLength(answered);
  }, 120_000);
});
