import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardPageAssets } from '../../src/channels/web/card-page.js';
import { SLACK_EVENTS_PATH } from '../../src/channels/slack/index.js';
import { message } from '../channels/teams/support/activities.js';
import type { ConnectorStub } from '../channels/teams/support/connector-stub.js';
import { headingOf, startConnectorStub } from '../channels/teams/support/connector-stub.js';
import { personalChat, SAM as SAM_IN_TEAMS } from '../channels/teams/support/teams-harness.js';
import { SlackSender } from '../channels/slack/signed-requests.js';
import { readText, SlackApiStub } from '../channels/slack/slack-api-stub.js';
import type { Block } from '../channels/slack/slack-api-stub.js';
import { SAM, SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import { meetingUnderWay, seedMeeting, slackEnv, typeIn } from '../faults/slack-bot.js';
import type { BotHome, RunningBot } from '../support/bot-process.js';
import { botHome, builtBot, spawnBot } from '../support/bot-process.js';

/**
 * The build `npm start` runs (dist/main.js, a bundle whose modules no longer sit where their
 * sources do) finds everything the sources find: the card templates and the templating engine
 * loaded on first use, the web page's assets, and the chat SDKs inside it; its stack traces lead
 * back to src/. One process with Slack and Teams on, as the start-up figure measures it, answering
 * each channel once /healthz does.
 */

/** Building dist/ (when src/ is newer) takes about half a minute on a busy machine; then one start. */
const BUILD_AND_START_MS = 120_000;

let home: BotHome;
let bot: RunningBot;
let slackApi: SlackApiStub;
let connector: ConnectorStub;

beforeAll(async () => {
  await builtBot();
  slackApi = new SlackApiStub([SAM]);
  await slackApi.start();
  connector = await startConnectorStub();
  connector.roster.set(SAM_IN_TEAMS.id, SAM_IN_TEAMS);
  home = await botHome({ ...slackEnv(slackApi.apiUrl), TEAMS_ANONYMOUS: '1' }, 'dist');
  const meeting = meetingUnderWay();
  await seedMeeting(home.dataDir, meeting);
  bot = await home.start();
}, BUILD_AND_START_MS);

afterAll(async () => {
  await home?.close();
  await slackApi?.stop();
  await connector?.close();
});

describe('the built bot', () => {
  it('answers a Teams message with a card drawn from its template', async () => {
    const answer = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(SAM_IN_TEAMS, { serviceUrl: connector.serviceUrl }, 'new')),
    });
    expect(answer.status).toBe(200);
    await eventually(() => expect(connector.calls.filter((call) => call.conversationId === personalChat(SAM_IN_TEAMS)).map(headingOf)).toContain('New PEP meeting'), 20_000);
  });

  it('answers a Slack command with the meeting card', async () => {
    const typed = await typeIn({ slack: new SlackSender(`${bot.url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET), stub: slackApi }, SAM, 'D0SAM', 'status');
    expect(typed.answer.status).toBe(200);
    await eventually(() => expect(slackApi.respondedTo(typed.responseId)).toHaveLength(1), 20_000);
    expect(readText(slackApi.respondedTo(typed.responseId)[0]!.blocks as Block[])).toContain('PEP meeting for');
  });

  it('names the sources in the stack traces it logs', async () => {
    const notAFolder = path.join(home.dataDir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const failing = spawnBot({ PORT: '0', DATA_DIR: notAFolder }, { from: 'dist', cwd: home.dataDir });
    const fatal = await failing.logLine(/^the store could not be opened/);
    expect(await failing.exit).toEqual([1, null]);
    expect((fatal.err as { stack: string }).stack).toMatch(/\(.*src\/start-bot\.ts:\d+:\d+\)/);
  });

  it('serves the web page’s assets, each the file the sources serve', async () => {
    for (const asset of cardPageAssets()) {
      const response = await fetch(`${bot.url}/web/assets/${asset.name}`);
      expect(response.status, asset.name).toBe(200);
      expect(response.headers.get('content-type')).toBe(asset.contentType);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(asset.filePath)), asset.name).toBe(true);
    }
  });
});
