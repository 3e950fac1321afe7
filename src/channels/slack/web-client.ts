import { webApi } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { SlackConfig } from './config.js';

export type WebClient = webApi.WebClient;
export type WebClientOptions = webApi.WebClientOptions;

/**
 * Every call to Slack goes through one WebClient configured here. A 429 is retried after the
 * Retry-After the platform sent (the client pauses its queue for that long, then retries), and
 * network failures a few times with backoff. The policy is bounded: these calls run after the
 * person was answered, and a send that still fails is recorded as undeliverable, not retried for
 * half an hour like the SDK's default policy would.
 */
export const RETRY_POLICY = { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 5_000, randomize: true } as const;
export const REQUEST_TIMEOUT_MS = 10_000;

export function webClientOptions(config: Pick<SlackConfig, 'apiUrl'>, logger: SlackLogger): WebClientOptions {
  return {
    slackApiUrl: config.apiUrl,
    logger,
    retryConfig: { ...RETRY_POLICY },
    rejectRateLimitedCalls: false,
    timeout: REQUEST_TIMEOUT_MS,
  };
}

export function createWebClient(config: Pick<SlackConfig, 'apiUrl' | 'botToken'>, logger: SlackLogger): WebClient {
  return new webApi.WebClient(config.botToken, webClientOptions(config, logger));
}
