import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SlackApiStub } from '../test/channels/slack/slack-api-stub.js';
import { SIGNING_SECRET } from '../test/channels/slack/slack-harness.js';
import { freePort } from '../test/support/bot-process.js';
import type { Figure } from './figure.js';

/**
 * Start-up and idle memory of the built bot (`node dist/main.js`, as `npm start` runs it) beside
 * a bare Bolt app (bench/bare/bolt.mjs): the time from spawning the process to the first 200
 * on /healthz, and the resident set (VmRSS) once it has sat idle for a while. Each round starts
 * every side afresh, one after the other, on a fresh DATA_DIR; a figure is the median round.
 * PEP Bot runs twice: with the settings a new user has (no Slack, no Teams, SQLite), and with
 * Slack (against a loopback fake of its Web API) and Teams (TEAMS_ANONYMOUS=1) on.
 *
 * `npm run bench:startup` builds first; run alone, this file expects dist/ to be current.
 */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(REPO_ROOT, 'dist/main.js');
const BARE_BOLT = path.join(REPO_ROOT, 'bench/bare/bolt.mjs');
const START_DEADLINE_MS = 30_000;
/** 1.5 s and 150 MB: the goals for PEP Bot's start-up and idle memory. */
const STARTUP_GOAL_MS = 1500;
const IDLE_RSS_GOAL_MB = 150;

interface Side {
  name: string;
  script: string;
  env(slackApiUrl: string): Record<string, string>;
}

interface Sample {
  startupMs: number;
  idleRssMb: number;
}

const slackEnv = (apiUrl: string) => ({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_API_URL: apiUrl });

const SIDES = {
  pepDefault: { name: 'PEP Bot, default settings', script: MAIN, env: () => ({}) },
  pepChannels: { name: 'PEP Bot, Slack and Teams on', script: MAIN, env: (apiUrl) => ({ ...slackEnv(apiUrl), TEAMS_ANONYMOUS: '1' }) },
  bareBolt: { name: 'bare Bolt', script: BARE_BOLT, env: slackEnv },
} satisfies Record<string, Side>;
type SideName = keyof typeof SIDES;

const vmRssMb = (pid: number): number => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** One start of `side`: spawned with only PATH and HOME inherited, from its own DATA_DIR (where no .env is). */
async function sample(side: Side, slackApiUrl: string, idleMs: number): Promise<Sample> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pep-bench-startup-'));
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), DATA_DIR: dataDir, ...side.env(slackApiUrl) };
  const started = performance.now();
  const child = spawn(process.execPath, [side.script], { cwd: dataDir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit');
  try {
    while (!(await healthy(`http://127.0.0.1:${port}/healthz`))) {
      if (child.exitCode !== null) throw new Error(`${side.name} exited (${child.exitCode}) before /healthz answered: ${stderr}`);
      if (performance.now() - started > START_DEADLINE_MS) throw new Error(`${side.name}: no 200 on /healthz within ${START_DEADLINE_MS} ms: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const startupMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    return { startupMs, idleRssMb: vmRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const list = (values: number[]) => values.map((value) => round(value)).join(', ');

function figure(name: string, unit: string, pep: number[], bare: number[], goal: number): Figure {
  const pepBot = round(median(pep));
  const baseline = round(median(bare));
  return {
    figure: name,
    pepBot,
    baseline,
    ratio: round(pepBot / baseline, 2),
    unit,
    goal: `≤ ${goal} ${unit}`,
    met: pepBot <= goal,
    note: `median of ${pep.length} starts; PEP Bot ${list(pep)}; bare Bolt ${list(bare)}`,
  };
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm run bench:startup does)`);
  // Five rounds (fifteen cold starts, each with its idle wait) keep a median without taking two minutes.
  const rounds = quick ? 3 : 5;
  const idleMs = quick ? 2000 : 5000;
  const slack = new SlackApiStub([]);
  await slack.start();
  const samples: Record<SideName, Sample[]> = { pepDefault: [], pepChannels: [], bareBolt: [] };
  try {
    // The sides take turns, so a busy moment on the machine falls on all of them alike.
    for (let i = 0; i < rounds; i++) {
      for (const name of Object.keys(SIDES) as SideName[]) samples[name].push(await sample(SIDES[name], slack.apiUrl, idleMs));
    }
  } finally {
    await slack.stop();
  }
  const of = (name: SideName, measure: keyof Sample) => samples[name].map((s) => s[measure]);
  const idle = `after ${idleMs / 1000} s idle`;
  return [
    figure('start-up to /healthz, default settings', 'ms', of('pepDefault', 'startupMs'), of('bareBolt', 'startupMs'), STARTUP_GOAL_MS),
    figure('start-up to /healthz, Slack and Teams on', 'ms', of('pepChannels', 'startupMs'), of('bareBolt', 'startupMs'), STARTUP_GOAL_MS),
    figure(`RSS idle ${idle}, default settings`, 'MB', of('pepDefault', 'idleRssMb'), of('bareBolt', 'idleRssMb'), IDLE_RSS_GOAL_MB),
    figure(`RSS idle ${idle}, Slack and Teams on`, 'MB', of('pepChannels', 'idleRssMb'), of('bareBolt', 'idleRssMb'), IDLE_RSS_GOAL_MB),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await run({ quick: process.argv.includes('--quick') });
  for (const f of figures) {
    console.log(`${f.figure} (${f.unit}): PEP Bot ${f.pepBot}, bare Bolt ${f.baseline} (${f.ratio}×), goal ${f.goal}: ${f.met ? 'met' : 'NOT met'}\n  ${f.note}`);
  }
}
