import type { CardDelivery } from '../../app/delivery.js';
import type { AppDeps } from '../../app/deps.js';
import type { Logger } from '../../observability/logger.js';
import type { Messenger } from '../../ports/messenger.js';
import type { HttpModule } from '../../server.js';
import type { BotFrameworkEndpoints } from './bot-adapter.js';
import { createBotAdapter } from './bot-adapter.js';
import { ConversationDirectory } from './conversation-directory.js';
import { messagesEndpoint } from './messages-endpoint.js';
import { createTeamsApplication } from './teams-application.js';
import type { TeamsConfig } from './teams-config.js';
import { botAppId } from './teams-config.js';
import { TeamsMessenger } from './teams-messenger.js';
import { TeamsPeople } from './teams-people.js';
import type { ReplyRetryTuning } from './reply-retries.js';
import { ReplyRetries } from './reply-retries.js';
import { logUndeliveredReplies } from './undelivered-replies.js';

export interface TeamsChannelDeps {
  config: TeamsConfig;
  deps: AppDeps;
  delivery: CardDelivery;
  logger: Logger;
  /** Tests only: where botbuilder fetches the keys that sign inbound tokens. */
  endpoints?: BotFrameworkEndpoints;
  /** Tests only: shorter waits on the connector, before Teams is answered, and between retries of a reply. */
  timeouts?: { connectorMs?: number; answerWithinMs?: number; replyRetry?: Partial<ReplyRetryTuning> };
}

export interface TeamsChannel {
  readonly name: 'teams';
  /** Mount on the shared server: POST /api/messages. */
  readonly module: HttpModule;
  /** Proactive sends and in-place updates: give it to the CardDelivery. */
  readonly messenger: Messenger;
  /** Reads who has PEP Bot installed, so the messenger knows whom it can reach. Before listening. Then sends replies kept for later. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The Teams channel: the Bot Framework endpoint and the Teams messenger, sharing one adapter. */
export function createTeamsChannel({ config, deps, delivery, logger: parent, endpoints, timeouts = {} }: TeamsChannelDeps): TeamsChannel {
  const logger = parent.child({ channel: 'teams' });
  if (config.mode === 'anonymous') {
    logger.warn(
      { setting: 'TEAMS_ANONYMOUS=1' },
      'Teams accepts unauthenticated requests: local trial only. TEAMS_ANONYMOUS=1 lets /api/messages take requests without a Bot Framework token, for the Agents Playground on this machine; for a real tenant unset it and set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID.',
    );
  }
  const adapter = createBotAdapter(config, logger, endpoints, timeouts.connectorMs);
  const directory = new ConversationDirectory(deps.store);
  const people = new TeamsPeople(directory, logger);
  const messenger = new TeamsMessenger(adapter, botAppId(config), directory, logger);
  const retries = new ReplyRetries({ store: deps.store, messenger, delivery, clock: deps.clock, logger, tuning: timeouts.replyRetry });
  adapter.use(logUndeliveredReplies(logger, retries));
  const router = createTeamsApplication(adapter, { app: deps, delivery, people, directory, messenger, logger, localTrial: config.mode === 'anonymous' });
  return {
    name: 'teams',
    module: messagesEndpoint(adapter, router, { logger, answerWithinMs: timeouts.answerWithinMs }),
    messenger,
    start: async () => {
      await directory.load();
      retries.start();
    },
    stop: () => retries.stop(),
  };
}
