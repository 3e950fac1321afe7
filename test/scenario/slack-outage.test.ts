import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import { installed, message } from '../channels/teams/support/activities.js';
import type { ConnectorStub } from '../channels/teams/support/connector-stub.js';
import { headingOf, startConnectorStub } from '../channels/teams/support/connector-stub.js';
import { SAM as TEAMS_SAM, personalChat } from '../channels/teams/support/teams-harness.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import { SlackApiStub } from '../channels/slack/slack-api-stub.js';
import { SAM, SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import type { FullBot } from './full-bot.js';
import { startFullBot } from './full-bot.js';

/**
 * Issue 12, part 1: Slack's API cannot be reached when PEP Bot starts. Before, auth.test failing
 * inside Bolt's init stopped the whole process, Teams and the secure links with it. Now the bot
 * starts, Teams serves, /readyz names Slack as retrying, Slack's own requests get 503 (Slack
 * retries them), and once Slack answers again the channel starts by itself.
 */
let slackApi: SlackApiStub;
let slackPort: number;
let connector: ConnectorStub;
let bot: FullBot;

const readiness = async () => {
  const response = await fetch(`${bot.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};
const slashCommand = (slack: SlackSender) =>
  slack.command({ team_id: 'T0TEAM', channel_id: 'D0SAM', user_id: SAM.id, command: '/pep', text: 'help', response_url: slackApi.responseUrl('outage'), trigger_id: 'trigger.outage' });

beforeAll(async () => {
  slackApi = new SlackApiStub([SAM]);
  await slackApi.start();
  slackPort = Number(new URL(slackApi.url).port);
  // Slack is down: nothing answers where the bot looks for it.
  await slackApi.stop();
  connector = await startConnectorStub();
  bot = await startFullBot({
    now: '2026-11-23T09:00:00Z',
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/` },
    channelBackoff: { firstDelayMs: 200, maxDelayMs: 1_000 },
  });
});

afterAll(async () => {
  await bot?.close();
  await connector?.close();
  await slackApi?.stop().catch(() => undefined);
});

describe('when Slack cannot be reached at start-up', () => {
  it('the bot still starts: Teams answers, the pages open, and /readyz says Slack is retrying while staying ready', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(await readiness()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', store: 'ok', teams: 'ok', web: 'ok', slack: 'retrying' }) });

    const here = { serviceUrl: connector.serviceUrl };
    expect((await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installed(TEAMS_SAM, here)) })).status).toBe(200);
    expect((await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(TEAMS_SAM, here, 'help')) })).status).toBe(200);
    await bot.settle();
    expect(connector.calls.filter((c) => c.conversationId === personalChat(TEAMS_SAM)).map(headingOf)).toEqual(['Hello, I’m PEP Bot', 'Hello, I’m PEP Bot']);
    expect((await fetch(`${bot.url}/privacy`)).status).toBe(200);
  });

  it('answers Slack\'s own requests with 503 and Retry-After, so Slack sends them again later', async () => {
    const answer = await slashCommand(new SlackSender(`${bot.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET));
    expect(answer.status).toBe(503);
  });

  it('starts Slack by itself once Slack answers again, and then serves its commands', async () => {
    await slackApi.start(slackPort);
    await eventually(async () => expect((await readiness()).body.slack).toBe('ok'), 15_000);
    const answer = await slashCommand(new SlackSender(`${bot.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET));
    expect(answer.status).toBe(200);
    expect(bot.logs().filter((r) => r.msg === 'channel could not start; the others serve while it is retried').length).toBeGreaterThanOrEqual(1);
    expect(bot.logs().some((r) => r.msg === 'channel started after retrying' && r.channel === 'slack')).toBe(true);
  });
});
