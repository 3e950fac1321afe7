import type { CardDelivery } from '../../app/delivery.js';
import type { AppDeps } from '../../app/deps.js';
import type { Logger } from '../../observability/logger.js';
import type { BackgroundWork } from './background.js';
import type { SlackDirectory } from './directory.js';
import type { ProfileNames } from './profile-names.js';
import type { Respond } from './response-url.js';
import type { WebClient } from './web-client.js';

/** What every Slack listener is given: the shared core, and the Slack client to answer with. */
export interface HandlerDeps {
  readonly app: AppDeps;
  readonly delivery: CardDelivery;
  readonly client: WebClient;
  readonly directory: SlackDirectory;
  /** Names of people mentioned in commands, as their profiles show them. */
  readonly profileNames: ProfileNames;
  readonly background: BackgroundWork;
  readonly logger: Logger;
  /** Answers at a command's or a click's response_url, trying again what Slack did not take. */
  readonly respond: (responseUrl: string) => Respond;
}
