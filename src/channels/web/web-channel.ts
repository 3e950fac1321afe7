import type { RequestHandler } from 'express';
import type { CardDelivery } from '../../app/delivery.js';
import type { AppDeps } from '../../app/deps.js';
import { fanOut } from '../../app/fanout.js';
import type { LinkMailer, LinkSender } from '../../app/link-sender.js';
import { WebLinkSender } from '../../app/link-sender.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../observability/logger.js';
import { BackgroundWork } from './background.js';
import { linkRoutes } from './link-routes.js';
import { createSmtpMailer } from './smtp-mailer.js';
import type { WebConfig } from './web-config.js';

export interface WebChannelOptions {
  config: Pick<Config, 'publicBaseUrl'>;
  web: WebConfig;
  deps: AppDeps;
  /**
   * The card delivery, which itself needs this channel's link sender: a getter that returns it
   * once built. It is only called after an answer has been saved (the fan-out).
   */
  delivery: () => CardDelivery;
  logger: Logger;
  /** Replaces the SMTP mailer (tests, another transport); by default SMTP when SMTP_URL is set. */
  mailer?: LinkMailer;
}

export interface WebChannel {
  /** Mount with createHttpServer({ mount: [web.module] }): GET/POST /p/:token and /web/assets/*. */
  module: { path: string; router: RequestHandler };
  /** Give it to the CardDelivery, so people with no chat account get a secure link. */
  linkSender: LinkSender;
  /** Resolves once the fan-outs started by saved answers have finished (shutdown, tests). */
  settled(): Promise<void>;
  /** Closes the SMTP connections, after settled(). */
  close(): void;
}

/** The secure-link channel: the card pages people without Teams or Slack answer, and the links' delivery. */
export function createWebChannel(options: WebChannelOptions): WebChannel {
  const { config, web, deps } = options;
  const logger = options.logger.child({ channel: 'web' });
  const smtp = !options.mailer && web.smtpUrl && web.mailFrom ? createSmtpMailer({ smtpUrl: web.smtpUrl, from: web.mailFrom, logger }) : undefined;
  if (!options.mailer && !smtp) logger.info('SMTP_URL is not set: secure links go to the organiser to pass on, not by email');
  const background = new BackgroundWork(logger);
  const base = new URL(config.publicBaseUrl);
  const routes = linkRoutes({
    app: deps,
    basePath: base.pathname.replace(/\/+$/, ''),
    https: base.protocol === 'https:',
    afterChange: (change) => background.run('fan-out', { meetingId: change.meeting.id }, () => fanOut(options.delivery(), change)),
    logger,
  });
  return {
    module: { path: '/', router: routes },
    linkSender: new WebLinkSender({ app: deps, publicBaseUrl: config.publicBaseUrl, days: web.linkTtlDays, mailer: options.mailer ?? smtp }),
    settled: () => background.settled(),
    close: () => smtp?.close(),
  };
}
