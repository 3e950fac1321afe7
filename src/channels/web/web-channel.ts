import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app/deps.js';
import type { LinkMailer, LinkSender } from '../../app/link-sender.js';
import { WebLinkSender } from '../../app/link-sender.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../observability/logger.js';
import { linkRoutes } from './link-routes.js';
import { createSmtpMailer } from './smtp-mailer.js';
import type { WebConfig } from './web-config.js';

export interface WebChannelOptions {
  config: Pick<Config, 'publicBaseUrl'>;
  web: WebConfig;
  deps: AppDeps;
  logger: Logger;
  /** Replaces the SMTP mailer (tests, another transport); by default SMTP when SMTP_URL is set. */
  mailer?: LinkMailer;
}

export interface WebChannel {
  /** Mount with createHttpServer({ mount: [web.module] }): GET/POST /p/:token and /web/assets/*. */
  module: { path: string; router: RequestHandler };
  /** Give it to the CardDelivery, so people with no chat account get a secure link. */
  linkSender: LinkSender;
  /** How long a link to a card works: the changes that send one issue it for this long. */
  linkDays: number;
  /** Closes the SMTP connections, once the delivery worker has stopped. */
  close(): void;
}

/** The secure-link channel: the card pages people without Teams or Slack answer, and the links' delivery. */
export function createWebChannel(options: WebChannelOptions): WebChannel {
  const { config, web, deps } = options;
  const logger = options.logger.child({ channel: 'web' });
  const smtp = !options.mailer && web.smtpUrl && web.mailFrom ? createSmtpMailer({ smtpUrl: web.smtpUrl, from: web.mailFrom, logger }) : undefined;
  if (!options.mailer && !smtp) logger.info('SMTP_URL is not set: secure links go to the organiser to pass on, not by email');
  const base = new URL(config.publicBaseUrl);
  const routes = linkRoutes({
    app: deps,
    basePath: base.pathname.replace(/\/+$/, ''),
    https: base.protocol === 'https:',
    logger,
  });
  return {
    module: { path: '/', router: routes },
    linkSender: new WebLinkSender({ app: deps, publicBaseUrl: config.publicBaseUrl, mailer: options.mailer ?? smtp }),
    linkDays: web.linkTtlDays,
    close: () => smtp?.close(),
  };
}
