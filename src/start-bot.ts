import { buildChannels, channelsOff } from './channel-setup.js';
import type { ChannelBackoff } from './channel-readiness.js';
import { startChannels } from './channel-readiness.js';
import type { ChannelConfigs } from './channel-setup.js';
import type { ComposedApp } from './compose.js';
import { composeApp } from './compose.js';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';
import type { Clock } from './ports/clock.js';
import type { StoreWithChildren } from './ports/child-store.js';
import type { SchedulerTuning } from './scheduler/start-scheduler.js';
import type { OutboxTuning } from './app/outbox/delivery-worker.js';
import { createHttpServer } from './server.js';
import type { ListeningAddress } from './server.js';
import { canRotate, startKeyRotation } from './app/data-protection/rotate-data-keys.js';
import type { DataKey } from './stores/encryption/data-keys.js';
import { DataKeyError, keyFileKeys } from './stores/encryption/data-keys.js';
import { openStore } from './stores/open-store.js';
import { installBankHolidays } from './bank-holidays.js';

export interface StartBotOptions {
  config: Config;
  channelConfigs: ChannelConfigs;
  logger: Logger;
  /** Tests move time on to see reminders; production runs on the system clock. */
  clock?: Clock;
  schedulerTuning?: Partial<SchedulerTuning>;
  outboxTuning?: Partial<OutboxTuning>;
  /** How soon a channel that could not start is tried again. */
  channelBackoff?: ChannelBackoff;
  /** A store made by the caller instead of the one the config names: the fault tests' way to make its disk full. */
  store?: StoreWithChildren;
}

export interface RunningBot {
  address: ListeningAddress;
  store: StoreWithChildren;
  app: ComposedApp;
  /** Lets in-flight requests finish, then the channels' after-ack work, the scheduler, the store. */
  stop(): Promise<void>;
}

/** A start-up step that failed, named for the operator; what was already opened has been closed. */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(step);
  }
}

/** Names the setting to fix, and where it points, as every other start-up problem does. */
function storeFailure(config: Config): string {
  return config.mongodbUri === undefined
    ? `the store could not be opened: DATA_DIR (${config.dataDir}) must be a folder PEP Bot can create and write to`
    : 'the store could not be opened: check MONGODB_URI and that the database server can be reached';
}

/**
 * The keys for free text at rest: DATA_ENCRYPTION_KEYS, or for the embedded store the key file in
 * DATA_DIR, made on the first start. The log names the file, never the key.
 */
function dataKeys(config: Config, logger: Logger): readonly DataKey[] | undefined {
  if (config.dataKeys || config.mongodbUri !== undefined) return config.dataKeys;
  const { keys, file, created } = keyFileKeys(config.dataDir);
  if (created) {
    logger.warn({ file }, 'DATA ENCRYPTION KEY: made a new key for free text at rest in this file (owner-only). Back it up with the data: without it the data cannot be read. Set DATA_ENCRYPTION_KEYS to manage keys yourself.');
  }
  return keys;
}

/**
 * Opens the store, composes the core with the configured channels, starts them and listens:
 * what `npm start` runs, and what the scenario tests start with the same default settings.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  installBankHolidays();
  const undo: Array<() => Promise<void>> = [];
  const step = async <T>(failure: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      for (const close of undo.reverse()) await close().catch((closeError: unknown) => logger.error({ err: closeError }, 'closing after a failed start-up failed'));
      // A key problem is its own message (it names the key id and the variable), not the step's.
      throw new StartupError(error instanceof DataKeyError ? error.message : failure, error);
    }
  };

  const store = await step(storeFailure(config), async () => {
    const opened = options.store ?? await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, dataKeys: dataKeys(config, logger) });
    undo.push(() => opened.close());
    await opened.init();
    return opened;
  });
  if (store.kind === 'sqlite') {
    logger.warn(
      { store: 'sqlite', dataDir: config.dataDir },
      'EMBEDDED STORE: meetings live in a SQLite file on this machine. Fine for one instance and trials; set MONGODB_URI for production, backups and more than one instance.',
    );
  }
  for (const caution of store.cautions()) logger.warn({ store: store.kind }, caution);
  const rotation = canRotate(store) ? startKeyRotation({ store, logger }) : undefined;
  undo.push(async () => rotation?.stop());

  const app = await step('the scheduler could not start', async () => {
    const composed = await composeApp({
      config,
      logger,
      store,
      clock: options.clock,
      schedulerTuning: options.schedulerTuning,
      outboxTuning: options.outboxTuning,
      channels: (core) => buildChannels(options.channelConfigs, core, config, logger),
    });
    undo.push(() => composed.outbox.stop());
    undo.push(() => composed.scheduler.stop());
    return composed;
  });
  // Before the server listens, as Bolt answers 500 to requests that arrive before it is ready; a
  // channel whose platform cannot be reached is retried in the background and the rest serve.
  const channels = await startChannels(app.channels, logger, options.channelBackoff);
  undo.push(async () => channels.stop());
  logger.info({ channels: channels.states() }, 'channels ready');

  const server = createHttpServer({
    store,
    logger,
    config,
    mount: channels.modules(),
    channelStates: () => ({ ...channelsOff(options.channelConfigs), ...channels.states() }),
    onAnswered: () => app.outbox.wake(),
  });
  const address = await step('the HTTP server could not start', () => server.listen());
  logger.info({ url: address.url, publicBaseUrl: config.publicBaseUrl, store: store.kind }, 'listening');

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    channels.stop();
    await server.stop();
    // What is being sent finishes; what is still queued waits in the store for the next start.
    await app.outbox.stop();
    // Work started after acknowledgements (replies, DMs) finishes before the store closes.
    for (const channel of app.channels) {
      await channel.stop?.().catch((error: unknown) => logger.error({ err: error, channel: channel.name }, 'channel did not stop cleanly'));
    }
    await app.scheduler.stop();
    await rotation?.stop();
    await store.close();
  };
  return { address, store, app, stop: () => (stopping ??= stop()) };
}
