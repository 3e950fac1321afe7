import { SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import { SlackApiStub } from '../channels/slack/slack-api-stub.js';
import type { SlackUser } from '../channels/slack/slack-api-stub.js';
import { SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import type { SlackSide } from '../channels/slack/slack-scenes.js';
import type { FullBot } from './full-bot.js';
import { startFullBot } from './full-bot.js';

export interface SlackFullBot {
  bot: FullBot;
  stub: SlackApiStub;
  h: SlackSide;
  close(): Promise<void>;
}

/** The whole bot with Slack on, its Web API replaced at the HTTP boundary by a loopback stub that knows `users`. */
export async function startSlackFullBot(users: SlackUser[], now = '2026-11-30T09:00:00Z'): Promise<SlackFullBot> {
  const stub = new SlackApiStub(users);
  await stub.start();
  const bot = await startFullBot({
    now,
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: stub.apiUrl },
  });
  const h = { stub, slack: new SlackSender(`${bot.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET), settle: () => bot.settle() };
  return {
    bot,
    stub,
    h,
    close: async () => {
      await bot.close();
      await stub.stop();
    },
  };
}
