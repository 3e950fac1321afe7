import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * npm run playground — PEP Bot (src/main.ts, with TEAMS_ANONYMOUS=1) and the Microsoft 365 Agents
 * Playground (a local Teams-like client) talking to it, both on this machine. The Playground sends
 * no Bot Framework token, so the bot it starts opts in to anonymous Teams; the bot refuses that
 * unless PUBLIC_BASE_URL and HOST are loopback addresses. Offline: no telemetry, no browser
 * launched for you (open the printed address yourself). PORT is the bot's port (3978 by
 * default), PLAYGROUND_PORT the Playground's (56150).
 */

/** What the bot started for the Playground adds to its settings: Teams without tokens. */
export const PLAYGROUND_BOT_ENV = { TEAMS_ANONYMOUS: '1' } as const;

export interface PlaygroundOptions {
  /** The bot's messages endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botUrl: string;
  port: number;
}

/** The Playground's own CLI, from the installed package. */
export const playgroundCli = (): string => createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

export const playgroundArgs = ({ botUrl, port }: PlaygroundOptions): string[] => [playgroundCli(), '-e', botUrl, '-c', 'msteams', '--dt', '-p', String(port)];

/**
 * TEAMSAPPTESTER_BROWSER=none: otherwise it tries to open a browser and, where it cannot, exits
 * without a word. The statsbeat switch and --dt keep it from calling home.
 */
export const playgroundEnv = (base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({
  ...base,
  TEAMSAPPTESTER_BROWSER: 'none',
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
});

/** The bot as `npm run dev` runs it (tsx, from source), so no build is needed first. */
const botArgs = (): string[] => ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('../src/main.ts', import.meta.url))];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const botPort = process.env.PORT ?? '3978';
  const port = Number(process.env.PLAYGROUND_PORT ?? '56150');
  const clientArgs = playgroundArgs({ botUrl: `http://127.0.0.1:${botPort}/api/messages`, port });
  const bot = spawn(process.execPath, botArgs(), { env: { ...process.env, ...PLAYGROUND_BOT_ENV }, stdio: 'inherit' });
  const playground = spawn(process.execPath, clientArgs, { env: playgroundEnv(), stdio: 'inherit' });
  process.stdout.write(`PEP Bot on port ${botPort} and the Agents Playground: open http://127.0.0.1:${port}/ (Ctrl+C to stop)\n`);
  // The first to stop (the bot refusing its settings, say) stops the other, and gives the exit code.
  let stopped = false;
  for (const [child, other] of [[bot, playground], [playground, bot]] as const) {
    child.on('exit', (code) => {
      if (stopped) return;
      stopped = true;
      process.exitCode = code ?? 0;
      other.kill('SIGTERM');
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      bot.kill(signal);
      playground.kill(signal);
    });
  }
}
