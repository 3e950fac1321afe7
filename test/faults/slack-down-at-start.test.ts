import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAM } from '../channels/slack/slack-harness.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import type { SlackBot } from './slack-bot.js';
import { slackBot, typeIn } from './slack-bot.js';

/**
 * Issue 12, part 1, as a real process: Slack's Web API does not answer when `node src/main.ts`
 * starts. The process stays up and serves the web (test/scenario/slack-outage.test.ts checks
 * Teams too, in-process), /readyz names Slack as retrying, and once Slack answers the channel
 * starts by itself (main.ts retries after 1, 2, 4 … seconds) and a slash command works.
 */
let side: SlackBot;

beforeEach(async () => {
  side = await slackBot();
  // Slack is down: nothing answers where the bot looks for it.
  await side.stub.stop();
});

afterEach(async () => {
  await side.close();
});

const readiness = async () => {
  const response = await fetch(`${side.home.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

describe('node src/main.ts while Slack cannot be reached', () => {
  it('serves the web with Slack retrying, then starts Slack by itself once it answers', async () => {
    const bot = await side.home.start();
    expect(await readiness()).toEqual({ status: 200, body: expect.objectContaining({ store: 'ok', slack: 'retrying' }) });
    expect((await fetch(`${side.home.url}/privacy`)).status).toBe(200);
    expect((await typeIn(side, SAM, 'D0SAM', 'help')).answer.status).toBe(503);

    // Slack comes back where the bot looks for it.
    await side.stub.start(Number(new URL(side.stub.url).port));
    await eventually(async () => expect((await readiness()).body.slack).toBe('ok'), 45_000);
    // Help is answered in its ack; a command that reads the store is answered at its response URL.
    const help = await typeIn(side, SAM, 'D0SAM', 'help');
    expect(help.answer.status).toBe(200);
    expect(help.answer.body).toContain('/pep action');
    const typed = await typeIn(side, SAM, 'D0SAM', 'status');
    expect(typed.answer.status).toBe(200);
    await eventually(() => expect(side.stub.respondedTo(typed.responseId)).toHaveLength(1), 10_000);
    expect(bot.records().some((r) => r.msg === 'channel started after retrying' && r.channel === 'slack')).toBe(true);
  }, 90_000);
});
