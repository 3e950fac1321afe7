import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * npm run playground — the Microsoft 365 Agents Playground (a local Teams-like client) against
 * the bot already running on this machine (`npm run dev`, no MICROSOFT_APP_ID: anonymous mode).
 * Offline: no telemetry, no browser launched for you (open the printed address yourself).
 * PORT is the bot's port (3978 by default), PLAYGROUND_PORT the Playground's (56150).
 */
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const botPort = process.env.PORT ?? '3978';
  const port = Number(process.env.PLAYGROUND_PORT ?? '56150');
  const child = spawn(process.execPath, playgroundArgs({ botUrl: `http://127.0.0.1:${botPort}/api/messages`, port }), { env: playgroundEnv(), stdio: 'inherit' });
  process.stdout.write(`Agents Playground for the bot on port ${botPort}: open http://127.0.0.1:${port}/ (Ctrl+C to stop)\n`);
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}
