import { App, ExpressReceiver } from '@slack/bolt';
import { Router } from 'express';
import type { CardDelivery } from '../../app/delivery.js';
import { followUpDeps } from '../../app/follow-up-deps.js';
import type { AppDeps } from '../../app/deps.js';
import type { Logger } from '../../observability/logger.js';
import type { Messenger } from '../../ports/messenger.js';
import { JSON_BODY_LIMIT } from '../../server.js';
import type { HttpModule } from '../../server.js';
import { BackgroundWork } from './background.js';
import { boltLogger } from './bolt-logger.js';
import { registerCardClicks } from './card-clicks.js';
import { registerDirectMessages } from './direct-messages.js';
import type { SlackConfig } from './config.js';
import { ProfileNames } from './profile-names.js';
import { SlackDirectory } from './directory.js';
import type { HandlerDeps } from './handler-deps.js';
import { registerHomeTab } from './home-opened.js';
import { HEARTBEAT_MS } from './instance-presence.js';
import { registerMeetingForm } from './meeting-form-submission.js';
import { SlackMessenger } from './messenger.js';
import { answerMalformedBodies, refuseTimestampsOutsideWindow } from './request-guards.js';
import { respondTo } from './response-url.js';
import type { RespondRetry } from './response-url.js';
import { registerSlashCommand, replayUnfinished } from './slash-command.js';
import { SlashInbox } from './slash-inbox.js';
import { createWebClient, webClientOptions } from './web-client.js';

/** Where Slack sends slash commands, interactivity and events (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackChannelDeps {
  config: SlackConfig;
  deps: AppDeps;
  delivery: CardDelivery;
  logger: Logger;
  /** Tests only: shorter waits between attempts at a response_url. */
  respondRetry?: RespondRetry;
}

export interface SlackChannel {
  readonly name: 'slack';
  /** Sends to people and chats on Slack: give it to the CardDelivery. */
  readonly messenger: Messenger;
  /** Mount on the shared server: /slack/events, or nothing in Socket Mode, where Slack is reached over a WebSocket. */
  readonly module: HttpModule;
  /**
   * Checks the bot token with Slack (auth.test) and, in Socket Mode, connects. Before listening.
   * Then answers, in the background, the slash commands a previous run took on and never answered.
   */
  start(): Promise<void>;
  /** Disconnects Socket Mode, then waits for work begun after an ack (replies, fan-out) to end. */
  stop(): Promise<void>;
  /** Resolves once no work begun after an ack is still running (what stop() waits for). */
  idle(): Promise<void>;
}

/**
 * The Slack channel: Bolt on the shared HTTP server at /slack/events (or Socket Mode when an app
 * token is set), every listener acknowledging first and doing the work afterwards (a slash
 * command is written down before its ack, src/channels/slack/slash-inbox.ts), and one WebClient
 * for all calls. Signatures are checked by Bolt on the exact bytes Slack signed: the
 * shared server keeps JSON bodies' raw bytes on req.rawBody, which Bolt reads before parsing, and
 * leaves form-encoded bodies (commands, interactivity) unread for Bolt to read itself. In front of
 * Bolt, requests timestamped outside Slack's five-minute window are refused; behind it, a signed
 * body Bolt cannot read is answered 400 (src/channels/slack/request-guards.ts).
 */
export function createSlackChannel({ config, deps, delivery, logger, respondRetry }: SlackChannelDeps): SlackChannel {
  const log = logger.child({ channel: 'slack' });
  const sdkLogger = boltLogger(log);
  const client = createWebClient(config, sdkLogger);
  const background = new BackgroundWork(log, () => deps.outbox?.wake());
  const socketMode = config.appToken !== undefined;
  const receiver = socketMode
    ? undefined
    : new ExpressReceiver({
        signingSecret: config.signingSecret,
        endpoints: '/',
        processBeforeResponse: false,
        logger: sdkLogger,
        bodyLimit: JSON_BODY_LIMIT,
        processEventErrorHandler: answerMalformedBodies(log),
      });
  const app = new App({
    token: config.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken }),
    logger: sdkLogger,
    clientOptions: webClientOptions(config, sdkLogger),
    // auth.test runs in start(), where a bad token stops start-up, instead of in the constructor.
    deferInitialization: true,
    convoStore: false,
  });

  const respond = (responseUrl: string) =>
    respondTo(responseUrl, { retry: respondRetry, onRetry: (fields) => log.warn(fields, 'slack answer not taken at the response_url yet: trying again') });
  const handlerDeps: HandlerDeps = { app: followUpDeps(deps), delivery, client, directory: new SlackDirectory(client, log), profileNames: new ProfileNames(client, log, deps.clock), background, logger: log, respond };
  const inbox = new SlashInbox(deps.store, deps.clock, log);
  let watching: NodeJS.Timeout | undefined;
  registerSlashCommand(app, handlerDeps, inbox);
  registerCardClicks(app, handlerDeps);
  registerMeetingForm(app, handlerDeps);
  registerHomeTab(app, handlerDeps);
  registerDirectMessages(app, handlerDeps);

  return {
    name: 'slack',
    messenger: new SlackMessenger(client, log),
    module: receiver ? { path: SLACK_EVENTS_PATH, router: Router().use(refuseTimestampsOutsideWindow(log), receiver.router) } : () => undefined,
    start: async () => {
      const startedAt = deps.clock.now();
      await app.init();
      if (socketMode) await app.start();
      log.info({ socketMode }, 'slack channel ready');
      // Commands of processes that have gone, now and whenever another one goes while this one runs.
      const look = (atStart: boolean) => async () => {
        await inbox.presence.beat();
        await replayUnfinished(handlerDeps, inbox, startedAt, atStart);
      };
      background.run('replay slash commands', {}, look(true));
      watching = setInterval(() => background.run('look for slash commands another process left', {}, look(false)), HEARTBEAT_MS).unref();
    },
    stop: async () => {
      clearInterval(watching);
      if (socketMode) await app.stop();
      await background.idle();
      await inbox.presence.leave().catch((error: unknown) => log.warn({ err: error }, 'this process could not say it stopped: others take it as gone after its heartbeats stop'));
    },
    idle: () => background.idle(),
  };
}
