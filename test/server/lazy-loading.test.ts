import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../channels/slack/slack-harness.js';
import { SlackApiStub } from '../channels/slack/slack-api-stub.js';
import type { BotBuild } from '../support/bot-process.js';
import { builtBot, spawnBot } from '../support/bot-process.js';

/**
 * Start-up loads what the settings turn on, nothing more: a chat channel's SDK, the MongoDB
 * driver, the card templating engine, pdfkit, nodemailer, the caseload's OpenID client and the
 * bank holidays' data cost most of a second and tens of megabytes between them. The bot runs in
 * its own process, from its sources and as `npm start` runs it (the bundle, where each file holds
 * many modules: the build's metafile says which), with a preload (test/support/record-loads.mjs)
 * that writes down every module it loads.
 */

const RECORD_LOADS = fileURLToPath(new URL('../support/record-loads.mjs', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Building dist/ (when src/ is newer) takes about half a minute on a busy machine. */
const BUILD_MS = 120_000;

/** Loaded only by the channel or feature that needs it. */
const ON_DEMAND = [
  'botbuilder',
  '@microsoft/teams-ai',
  '@slack/bolt',
  'mongodb',
  '@agendajs/mongo-backend',
  'adaptivecards-templating',
  'adaptive-expressions',
  'pdfkit',
  'fontkit',
  'nodemailer',
  'openid-client',
  'date-holidays',
  'ical-generator',
] as const;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** For the bundle: each of its files (by path) with the files of src/ and node_modules it holds, from what the build wrote beside it. */
function bundleContents(): Map<string, string[]> {
  const { outputs } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist/bundle-meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  return new Map(Object.entries(outputs).map(([file, { inputs }]) => [path.resolve(REPO_ROOT, file), Object.keys(inputs)]));
}

/** The packages (by the node_modules folder each file came from) a bot started with `env` loaded until it stopped. */
async function packagesLoaded(from: BotBuild, env: Record<string, string>): Promise<Set<string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pep-lazy-'));
  dirs.push(dataDir);
  const file = path.join(dataDir, 'loads.txt');
  const bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, RECORD_LOADS_FILE: file, ...env }, { cwd: dataDir, preload: [RECORD_LOADS], from });
  try {
    const { url } = await bot.logLine('listening');
    expect((await fetch(`${String(url)}/healthz`)).status).toBe(200);
  } finally {
    expect(await bot.stop()).toEqual([0, null]);
  }
  const bundle = from === 'dist' ? bundleContents() : new Map<string, string[]>();
  const packages = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((loaded) => bundle.get(loaded.startsWith('file:') ? fileURLToPath(loaded) : loaded) ?? [loaded])
    .flatMap((loaded) => [...loaded.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].slice(-1).map((match) => match[1]!));
  return new Set(packages);
}

describe.each(['src', 'dist'] as const)('what start-up loads, from %s', (from) => {
  beforeAll(async () => {
    if (from === 'dist') await builtBot();
  }, BUILD_MS);

  it('with the settings a new user has, loads the embedded store and no chat SDK, MongoDB driver, card engine, PDF or mail library', async () => {
    const loaded = await packagesLoaded(from, {});
    // What the bot does need, seen through the same recording: the list is not empty by accident.
    expect(loaded).toContain('better-sqlite3');
    expect(loaded).toContain('express');
    expect(ON_DEMAND.filter((name) => loaded.has(name))).toEqual([]);
  }, 60_000);

  it('with the caseload sign-in set up, still loads no OpenID client until the first sign-in', async () => {
    const loaded = await packagesLoaded(from, { CASELOAD_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0', CASELOAD_OIDC_CLIENT_ID: 'pep-bot', CASELOAD_OIDC_CLIENT_SECRET: 'not-a-real-secret' });
    expect(ON_DEMAND.filter((name) => loaded.has(name))).toEqual([]);
  }, 60_000);

  it('with Teams and Slack on, loads their SDKs and still not the MongoDB driver, PDF or mail library', async () => {
    const stub = new SlackApiStub([]);
    await stub.start();
    try {
      const loaded = await packagesLoaded(from, { TEAMS_ANONYMOUS: '1', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: stub.apiUrl });
      expect(ON_DEMAND.filter((name) => loaded.has(name))).toEqual(['botbuilder', '@slack/bolt']);
    } finally {
      await stub.stop();
    }
  }, 60_000);
});
