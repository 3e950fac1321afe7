import type { RequestHandler } from 'express';
import type { Channel } from './compose.js';
import type { Logger } from './observability/logger.js';
import type { HttpModule } from './server.js';

/** Where a channel is: serving, or waiting to try again after its platform could not be reached. */
export type ChannelState = 'ok' | 'retrying';

export interface ChannelBackoff {
  /** Wait before the first retry; it doubles with each failure. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: ChannelBackoff = { firstDelayMs: 1_000, maxDelayMs: 60_000 };

export interface RunningChannels {
  /** Each channel by name, for /readyz. */
  states(): Record<string, ChannelState>;
  /** The channel's routes, answering 503 while it is not started, so its platform retries later. */
  modules(): HttpModule[];
  /** Stops retrying. */
  stop(): void;
}

/**
 * Starts every channel, each on its own: one whose platform cannot be reached (Slack's auth.test
 * failing, say) is retried in the background with a doubling delay while the others serve, so one
 * platform's outage never takes Teams, the secure links or the plan pages down with it.
 */
export async function startChannels(channels: readonly Channel[], logger: Logger, backoff: ChannelBackoff = DEFAULT_BACKOFF): Promise<RunningChannels> {
  const states = new Map<string, ChannelState>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const attempt = async (channel: Channel & { start: () => Promise<void> }, delayMs: number): Promise<void> => {
    const wasRetrying = states.get(channel.name) === 'retrying';
    try {
      await channel.start();
      states.set(channel.name, 'ok');
      if (wasRetrying) logger.info({ channel: channel.name }, 'channel started after retrying');
    } catch (error) {
      states.set(channel.name, 'retrying');
      logger.warn({ err: error, channel: channel.name, retryInMs: delayMs }, 'channel could not start; the others serve while it is retried');
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void attempt(channel, Math.min(delayMs * 2, backoff.maxDelayMs));
      }, delayMs);
      // A channel still retrying never keeps the process alive on its own.
      timer.unref();
      timers.add(timer);
    }
  };

  // Side by side: Slack's auth.test is a round trip to Slack that need not wait for Teams' directory.
  await Promise.all(
    channels.map(async (channel) => {
      if (channel.start) await attempt(channel as Channel & { start: () => Promise<void> }, backoff.firstDelayMs);
      else states.set(channel.name, 'ok');
    }),
  );

  const guard =
    (name: string, router: RequestHandler): RequestHandler =>
    (req, res, next) => {
      if (states.get(name) === 'ok') return router(req, res, next);
      res.status(503).set('Retry-After', '30').json({ error: 'service_unavailable' });
    };

  return {
    states: () => Object.fromEntries(states),
    modules: () =>
      channels.flatMap((channel) => {
        const { module } = channel;
        if (!module) return [];
        return [typeof module === 'function' ? module : { path: module.path, router: guard(channel.name, module.router) }];
      }),
    stop: () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
