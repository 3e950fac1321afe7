import { loadChannelConfigs } from './channel-setup.js';
import type { ChannelConfigs } from './channel-setup.js';
import { ConfigError, loadConfig, withDotEnv } from './config.js';
import type { Config } from './config.js';
import { keepHeapNearLiveSize } from './observability/heap-growth.js';
import { createLogger } from './observability/logger.js';
import { startBot, StartupError } from './start-bot.js';
import type { RunningBot } from './start-bot.js';

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

keepHeapNearLiveSize();
const { core: config, channels: channelConfigs } = configOrExit();
const logger = createLogger({ level: config.logLevel });

/** Set once the bot runs, so a crash at any later point still closes the store cleanly. */
let bot: RunningBot | undefined;

/** Logs, closes the store so nothing is left half-written, and exits 1. */
async function crash(error: unknown, msg: string): Promise<never> {
  logger.fatal({ err: error }, msg);
  try {
    await bot?.stop();
  } catch (closeError) {
    logger.error({ err: closeError }, 'closing the store failed');
  }
  process.exit(1);
}

process.on('unhandledRejection', (reason) => void crash(reason, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => void crash(error, 'uncaught exception'));

try {
  bot = await startBot({ config, channelConfigs, logger });
} catch (error) {
  // startBot has closed whatever it had opened.
  if (error instanceof StartupError) await crash(error.cause, error.step);
  await crash(error, 'start-up failed');
}

let shuttingDown = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) {
    logger.warn({ signal }, 'second signal: exiting without waiting for requests');
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: finishing in-flight requests');
  try {
    await bot?.stop();
  } catch (error) {
    await crash(error, 'shutdown failed');
  }
  logger.info('stopped');
  process.exit(0);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, (received) => void shutdown(received));
}
