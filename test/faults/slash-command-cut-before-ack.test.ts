import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAM } from '../channels/slack/slack-harness.js';
import { readText } from '../channels/slack/slack-api-stub.js';
import type { Block } from '../channels/slack/slack-api-stub.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import type { SlackBot } from './slack-bot.js';
import { slackBotWithMeetingUnderWay, storedMeeting, typeIn } from './slack-bot.js';

/**
 * A slash command is recorded before its ack, so a kill between the two leaves a command Slack
 * has no 200 for (the person saw an error) and a restart runs anyway. It must then be applied
 * once and answered once at its response URL, so the person learns it was taken after all. The
 * burst test (slash-command-burst.test.ts) meets this moment only when a kill under load happens
 * to land in it; here the bot kills itself there (fixtures/kill-before-ack.mjs).
 */
const KILL_BEFORE_ACK = fileURLToPath(new URL('./fixtures/kill-before-ack.mjs', import.meta.url));
const TEXT = 'note recorded, then killed before its ack';

let side: SlackBot;
let meetingId: string;

beforeEach(async () => {
  ({ side, meetingId } = await slackBotWithMeetingUnderWay());
});

afterEach(async () => {
  await side.close();
});

describe('kill -9 after a slash command is recorded and before its ack', () => {
  it('applies it once after a restart and answers it once at the response URL Slack gave it', async () => {
    const first = await side.home.start({ NODE_OPTIONS: `--import ${KILL_BEFORE_ACK}`, KILL_BEFORE_ACK_OF: TEXT });
    const cut = await typeIn(side, SAM, 'D0SAM', TEXT);
    expect(cut.answer.status).toBe(0);
    expect(await first.exit).toEqual([null, 'SIGKILL']);

    const second = await side.home.start();
    expect(await second.logLine('slash commands cut short by a restart')).toMatchObject({ replaying: 1 });
    await eventually(() => expect(side.stub.respondedTo(cut.responseId)).toHaveLength(1), 30_000);
    expect(await second.stop()).toEqual([0, null]);

    const [answer] = side.stub.respondedTo(cut.responseId);
    expect(readText(answer!.blocks as Block[])).toContain('Note added');
    const meeting = (await storedMeeting(side.home.dataDir, meetingId))!;
    expect(meeting.notes.filter((n) => n.text === TEXT.replace(/^note /, ''))).toHaveLength(1);
  }, 120_000);
});
