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

export interface TeamsChannelDeps {
  config: TeamsConfig;
  deps: AppDeps;
  delivery: CardDelivery;
  logger: Logger;
  /** Tests only: where botbuilder fetches the keys that sign inbound tokens. */
  endpoints?: BotFrameworkEndpoints;
}

export interface TeamsChannel {
  readonly name: 'teams';
  /** Mount on the shared server: POST /api/messages. */
  readonly module: HttpModule;
  /** Proactive sends and in-place updates: give it to the CardDelivery. */
  readonly messenger: Messenger;
  /** Reads who has PEP Bot installed, so the messenger knows whom it can reach. Before listening. */
  start(): Promise<void>;
}

/** The Teams channel: the Bot Framework endpoint and the Teams messenger, sharing one adapter. */
export function createTeamsChannel({ config, deps, delivery, logger: parent, endpoints }: TeamsChannelDeps): TeamsChannel {
  const logger = parent.child({ channel: 'teams' });
  if (config.mode === 'anonymous') {
    logger.warn(
      'TEAMS ANONYMOUS MODE: MICROSOFT_APP_ID is not set, so /api/messages accepts requests without a Bot Framework token. Use this only on your own machine with the Agents Playground; set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID anywhere else.',
    );
  }
  const adapter = createBotAdapter(config, logger, endpoints);
  const directory = new ConversationDirectory(deps.store);
  const people = new TeamsPeople(directory, logger);
  const messenger = new TeamsMessenger(adapter, botAppId(config), directory, logger);
  const app = createTeamsApplication(adapter, botAppId(config), { app: deps, delivery, people, directory, messenger, logger, localTrial: config.mode === 'anonymous' });
  return {
    name: 'teams',
    module: messagesEndpoint(adapter, app),
    messenger,
    start: () => directory.load(),
  };
}
