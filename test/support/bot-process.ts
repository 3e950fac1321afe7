import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eventually } from '../contract/scheduler-backend-fixtures.js';

/**
 * Real processes for tests: PEP Bot from its sources (`node --import tsx src/main.ts`) or as
 * `npm start` runs it (`node dist/main.js`, after builtBot()), or any other script, read line by
 * line from stdout. Everything is on loopback and every wait has
 * a deadline, so a test that goes wrong fails with what the process said instead of hanging.
 *
 * One start, any outcome (exit codes, stderr, log lines):
 *
 *   const bot = spawnBot({ PORT: '0', DATA_DIR: dir });
 *   const { url } = await bot.logLine('listening');
 *   const [code] = await bot.exit;
 *
 * Kill and restart on the same DATA_DIR and port (so links sent before the kill still point at
 * the bot after it):
 *
 *   const home = botHome({ SLACK_API_URL: stub.apiUrl, … });   // a temp DATA_DIR and a free port, once
 *   const first = await home.start();                          // resolves once /healthz answers 200
 *   await first.kill9();                                       // SIGKILL: nothing gets to clean up
 *   const second = await home.start();                         // same DATA_DIR, same port, same URL
 *   await second.logLine('slash commands cut short by a restart');
 *   await home.close();                                        // kills what still runs, removes DATA_DIR
 *
 * Log lines are pino's JSON: logLine(msg) waits for the first line (already printed or to come)
 * whose msg equals msg or matches it as a RegExp; records() is every line so far.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** tsx by its file, so the process can also start from another working folder (where its .env is). */
const TSX = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = path.join(repoRoot, 'src/main.ts');
/** What `npm start` runs: the bundle, which finds the cards and web assets from the package root. */
const DIST_MAIN = 'dist/main.js';
const BUNDLER = 'scripts/bundle.ts';
/** A build takes about half a minute on a busy machine; a lock held longer than this was left behind. */
const BUILD_DEADLINE_MS = 180_000;
/** How long a wait for a line or an answer may take before the test fails with what the process said. */
const DEFAULT_DEADLINE_MS = 30_000;

/** Every variable the bot reads (those .env.example lists), so the developer's own settings never leak into a test. */
const BOT_VARIABLES = new Set([...readFileSync(path.join(repoRoot, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

export type ExitStatus = [code: number | null, signal: NodeJS.Signals | null];

export interface LineProcess {
  child: ChildProcess;
  /** Resolves when the process has exited and its output is closed. */
  exit: Promise<ExitStatus>;
  stderr(): string;
  lines(): string[];
  /** The first stdout line (already printed or to come) that matches; rejects if the process exits first or the deadline passes. */
  line(matches: (line: string) => boolean, description: string, deadlineMs?: number): Promise<string>;
  /** SIGKILL, as a crash or the OOM killer would: no handler runs. */
  kill9(): Promise<ExitStatus>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<ExitStatus>;
}

export interface ProcessOptions {
  /** The whole environment of the process. */
  env: NodeJS.ProcessEnv;
  /** Modules to --import before the script (fault injection). */
  preload?: string[];
  cwd?: string;
}

/** `node --import tsx <script>` (a path from the repository root), its stdout read line by line; a built `.js` script runs on plain node. */
export function spawnProcess(script: string, { env, preload = [], cwd = repoRoot }: ProcessOptions): LineProcess {
  const loader = script.endsWith('.ts') ? ['--import', TSX] : [];
  const child = spawn(process.execPath, [...loader, ...preload.flatMap((file) => ['--import', file]), path.resolve(repoRoot, script)], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = once(child, 'close') as Promise<ExitStatus>;
  const lines: string[] = [];
  const waiters = new Set<{ matches: (line: string) => boolean; resolve: (line: string) => void }>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters) {
      if (!waiter.matches(line)) continue;
      waiters.delete(waiter);
      waiter.resolve(line);
    }
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  const line = (matches: (line: string) => boolean, description: string, deadlineMs = DEFAULT_DEADLINE_MS) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find(matches);
      if (seen !== undefined) return resolve(seen);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`${script} printed no ${description} within ${deadlineMs} ms; stderr: ${stderr}\nstdout:\n${lines.slice(-20).join('\n')}`));
      }, deadlineMs);
      const waiter = {
        matches,
        resolve: (found: string) => {
          clearTimeout(timer);
          resolve(found);
        },
      };
      waiters.add(waiter);
      void exit.then(([code, signal]) => {
        if (!waiters.delete(waiter)) return;
        clearTimeout(timer);
        reject(new Error(`${script} exited (${code ?? signal}) before printing ${description}; stderr: ${stderr}`));
      });
    });

  const signal = async (name: NodeJS.Signals): Promise<ExitStatus> => {
    if (!exited()) child.kill(name);
    return exit;
  };
  return { child, exit, stderr: () => stderr, lines: () => [...lines], line, kill9: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

export type LogRecord = Record<string, unknown>;

export interface BotProcess extends LineProcess {
  /** Every JSON log line so far. */
  records(): LogRecord[];
  /** The first log line whose msg equals `msg` (or matches it), already printed or to come. */
  logLine(msg: string | RegExp, deadlineMs?: number): Promise<LogRecord>;
}

const parse = (line: string): LogRecord | undefined => {
  try {
    return JSON.parse(line) as LogRecord;
  } catch {
    return undefined;
  }
};

/** Where a bot process starts: the TypeScript sources through tsx, or the build `npm start` runs. */
export type BotBuild = 'src' | 'dist';

export interface BotOptions extends Omit<ProcessOptions, 'env'> {
  /** 'dist' needs builtBot() first. */
  from?: BotBuild;
}

/**
 * `dist/`, built by `npm run build` (tsc's check, then the bundle) unless it is newer than every
 * file under src/ and the bundler's script already. Resolves with how long the build took (0 when
 * it was fresh); for a beforeAll.
 */
export async function builtBot(): Promise<number> {
  const newest = (folder: string): number =>
    Math.max(0, ...readdirSync(folder, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(path.join(folder, entry.name)) : statSync(path.join(folder, entry.name)).mtimeMs)));
  const built = path.join(repoRoot, DIST_MAIN);
  const fresh = () => existsSync(built) && statSync(built).mtimeMs > Math.max(newest(path.join(repoRoot, 'src')), statSync(path.join(repoRoot, BUNDLER)).mtimeMs);
  if (fresh()) return 0;
  return oneBuildAtATime(async () => (fresh() ? 0 : build()));
}

/** Test files run side by side: the first to find dist/ stale builds it, the others wait and find it fresh. */
async function oneBuildAtATime(work: () => Promise<number>): Promise<number> {
  const lock = path.join(repoRoot, 'dist', '.build-lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + BUILD_DEADLINE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than any build was left by a run that was killed.
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function build(): Promise<number> {
  const started = Date.now();
  const build = spawn('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  build.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  build.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(build, 'close')) as ExitStatus;
  if (code !== 0) throw new Error(`the build (npm run build) failed:\n${output}`);
  return Date.now() - started;
}

/**
 * PEP Bot's own main with exactly `env` (plus the machine's PATH and the like: none of the
 * bot's own variables are inherited) and whatever `.env` the working folder holds.
 */
export function spawnBot(env: Record<string, string>, { from = 'src', ...options }: BotOptions = {}): BotProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !BOT_VARIABLES.has(name)));
  const bot = spawnProcess(from === 'dist' ? DIST_MAIN : MAIN, { ...options, env: { ...inherited, ...env } });
  const records = () => bot.lines().map(parse).filter((record): record is LogRecord => record !== undefined);
  const logLine = async (msg: string | RegExp, deadlineMs?: number) => {
    const matches = (record: LogRecord | undefined) => record !== undefined && (typeof msg === 'string' ? record.msg === msg : msg.test(String(record.msg)));
    return parse(await bot.line((line) => matches(parse(line)), `a log line "${String(msg)}"`, deadlineMs))!;
  };
  return { ...bot, records, logLine };
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export interface RunningBot extends BotProcess {
  /** http://127.0.0.1:PORT, the same on every start of a BotHome on its own port. */
  url: string;
}

export interface BotHome {
  dataDir: string;
  port: number;
  url: string;
  /** Every process started so far, oldest first. */
  runs: RunningBot[];
  /**
   * Starts the bot on this DATA_DIR and port; resolves once it logged "listening" and /healthz
   * answers 200. Given another port, a second process on the same DATA_DIR alongside the first.
   */
  start(extraEnv?: Record<string, string>, port?: number): Promise<RunningBot>;
  /** Kills every run still alive (SIGKILL) and removes the DATA_DIR. */
  close(): Promise<void>;
}

/** A DATA_DIR and a port kept across kills and restarts, with the settings a new user has plus `env`. */
export async function botHome(env: Record<string, string> = {}, from: BotBuild = 'src'): Promise<BotHome> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pep-bot-process-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const runs: RunningBot[] = [];
  return {
    dataDir,
    port,
    url,
    runs,
    async start(extraEnv = {}, on = port) {
      // Started from the DATA_DIR, where no .env is, so only what the test sets applies.
      const bot = spawnBot({ PORT: String(on), DATA_DIR: dataDir, ...env, ...extraEnv }, { cwd: dataDir, from });
      const run: RunningBot = { ...bot, url: `http://127.0.0.1:${on}` };
      runs.push(run);
      await bot.logLine('listening');
      await eventually(async () => {
        const response = await fetch(`${run.url}/healthz`);
        if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
      }, DEFAULT_DEADLINE_MS);
      return run;
    },
    async close() {
      for (const run of runs) await run.kill9();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
