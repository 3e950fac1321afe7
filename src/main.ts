import { buildChannels, loadChannelConfigs } from './channel-setup.js';
import type { ChannelConfigs } from './channel-setup.js';
import type { Channel } from './compose.js';
import { composeApp } from './compose.js';
import { ConfigError, loadConfig, withDotEnv } from './config.js';
import type { Config } from './config.js';
import { createLogger } from './observability/logger.js';
import { createHttpServer } from './server.js';
import { openStore } from './stores/open-store.js';

/**
 * The composition root: the one place that decides which adapters run. Everything below it is
 * handed its dependencies, so tests build the same pieces with other adapters.
 */

function configOrExit(): { core: Config; channels: ChannelConfigs } {
  const { env, file } = withDotEnv(process.env);
  try {
    return { core: loadConfig(env), channels: loadChannelConfigs(env) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The operator needs the variable names, not a stack trace.
    process.stderr.write(`${error.message}\n`);
    if (file) process.stderr.write(`Values come from the environment and from ${file}; the environment wins.\n`);
    process.exit(1);
  }
}

const { core: config, channels: channelConfigs } = configOrExit();
const logger = createLogger({ level: config.logLevel });

/** Replaced once the store is open, so a crash at any later point still closes it. */
let closeStore = (): Promise<void> => Promise.resolve();
/** Replaced once the scheduler runs: it stops before the store closes under it. */
let stopScheduler = (): Promise<void> => Promise.resolve();

/** Logs, closes the store so nothing is left half-written, and exits 1. */
async function crash(error: unknown, msg: string): Promise<never> {
  logger.fatal({ err: error }, msg);
  try {
    await stopScheduler();
    await closeStore();
  } catch (closeError) {
    logger.error({ err: closeError }, 'closing the store failed');
  }
  process.exit(1);
}

async function startStep<T>(failure: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    return crash(error, failure);
  }
}

process.on('unhandledRejection', (reason) => void crash(reason, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => void crash(error, 'uncaught exception'));

const store = await startStep('the store could not be opened', async () => {
  const opened = openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  let closing: Promise<void> | undefined;
  closeStore = () => (closing ??= opened.close());
  await opened.init();
  return opened;
});
if (store.kind === 'sqlite') {
  logger.warn(
    { store: 'sqlite', dataDir: config.dataDir },
    'EMBEDDED STORE: meetings live in a SQLite file on this machine. Fine for one instance and trials; set MONGODB_URI for production, backups and more than one instance.',
  );
}

const app = await startStep('the scheduler could not start', () =>
  composeApp({ config, logger, store, channels: (core) => buildChannels(channelConfigs, core, config, logger) }),
);
stopScheduler = () => app.scheduler.stop();
// Before the server listens: Bolt, for one, answers 500 to requests that arrive before it is ready.
for (const channel of app.channels) {
  if (channel.start) await startStep(`the ${channel.name} channel could not start`, () => channel.start!());
}
logger.info({ channels: app.channels.map((c: Channel) => c.name) }, 'channels ready');

const server = createHttpServer({ store, logger, config, mount: app.modules });
let shuttingDown = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) {
    logger.warn({ signal }, 'second signal: exiting without waiting for requests');
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: finishing in-flight requests');
  try {
    await server.stop();
    // Work started after acknowledgements (fan-out, DMs) finishes before the store closes.
    for (const channel of app.channels) await channel.stop?.();
    await stopScheduler();
    await closeStore();
  } catch (error) {
    await crash(error, 'shutdown failed');
  }
  logger.info('stopped');
  process.exit(0);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, (received) => void shutdown(received));
}

const address = await startStep('the HTTP server could not start', () => server.listen());
logger.info({ url: address.url, publicBaseUrl: config.publicBaseUrl, store: store.kind }, 'listening');
