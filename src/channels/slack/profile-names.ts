import { LastUsed } from '../../domain/memo.js';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { WebClient } from './web-client.js';

/** Long enough for a meeting's run of commands, short enough that a renamed profile shows soon. */
const KEPT_MS = 5 * 60_000;
const CAPACITY = 500;

/**
 * People's names as their Slack profiles show them, each kept a few minutes. During a meeting the
 * same few people are named in command after command, and each users.info is a round trip to Slack
 * before the person who typed gets their answer. Only names Slack gave are kept: a failed lookup is
 * asked again next time.
 */
export class ProfileNames {
  private readonly kept = new LastUsed<{ name: string | undefined; until: number }>(CAPACITY);

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async nameOf(slackUserId: string): Promise<string | undefined> {
    const now = this.clock.now().getTime();
    const known = this.kept.get(slackUserId);
    if (known && known.until > now) return known.name;
    try {
      const { user } = await this.client.users.info({ user: slackUserId });
      const name = user?.profile?.real_name || user?.real_name || user?.profile?.display_name || undefined;
      this.kept.set(slackUserId, { name, until: now + KEPT_MS });
      return name;
    } catch (error) {
      this.logger.warn({ err: error, slackUserId }, 'users.info failed: the mention is matched by its Slack id only');
      return undefined;
    }
  }
}
