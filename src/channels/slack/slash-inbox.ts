import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { KeyValueStore } from '../../ports/key-value.js';
import type { SlashCommand } from './payloads.js';
import { SlashCommandSchema } from './payloads.js';

/** Slash commands taken on, keyed by trigger_id (Slack sends no other id, and a trigger is made per invocation). */
const NAMESPACE = 'slack-inbound';

/** How long Slack accepts answers at a command's response_url: after that nobody can be told. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

const Instant = z.iso.datetime({ offset: true });
const StoredInboundSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('received'), receivedAt: Instant, command: SlashCommandSchema }),
  // What was typed and the response URL are forgotten once they are no longer needed.
  z.object({ state: z.literal('done'), receivedAt: Instant, doneAt: Instant }),
]);

/** A command as it was recorded before its ack: enough to run it again after a restart. */
export interface Inbound {
  command: SlashCommand;
  receivedAt: string;
}

export interface Unfinished {
  /** Recorded and not answered, and Slack still takes answers for them. */
  replay: Inbound[];
  /** Recorded and not answered, and too old for Slack to take an answer. */
  abandoned: Inbound[];
}

/**
 * The durable record of /pep commands. Slack shows the person nothing wrong once it has the ack,
 * so a command is written here first, with one small insert, and the ack follows; it is marked
 * done once the person has been answered. After a crash, what is still "received" is what the
 * person was promised and never got (src/channels/slack/slash-command.ts replays it).
 */
export class SlashInbox {
  private sweptAt = 0;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Writes the command down; undefined when its trigger was taken on already (the same request again). */
  async record(command: SlashCommand): Promise<Inbound | undefined> {
    const inbound: Inbound = { command, receivedAt: this.clock.now().toISOString() };
    const recorded = await this.store.claimValue(NAMESPACE, command.trigger_id, { state: 'received', ...inbound });
    return recorded ? inbound : undefined;
  }

  /** Never throws: the person has their answer, and a mark that failed only means a restart would answer again. */
  async done(inbound: Inbound): Promise<void> {
    try {
      await this.store.putValue(NAMESPACE, inbound.command.trigger_id, { state: 'done', receivedAt: inbound.receivedAt, doneAt: this.clock.now().toISOString() });
    } catch (error) {
      this.logger.error({ err: error, userId: inbound.command.user_id }, 'a slash command was answered but could not be marked done: a restart would answer it again');
    }
    await this.sweepNowAndThen();
  }

  /** Commands recorded before `before` and never answered, split by whether Slack still takes their answer. */
  async unfinished(before: Date): Promise<Unfinished> {
    const found: Unfinished = { replay: [], abandoned: [] };
    const now = this.clock.now().getTime();
    for (const entry of await this.store.listValues(NAMESPACE, '')) {
      const stored = StoredInboundSchema.safeParse(entry.value);
      if (!stored.success) {
        this.logger.warn({ key: entry.key }, 'a recorded slash command could not be read: skipped');
        continue;
      }
      if (stored.data.state !== 'received' || Date.parse(stored.data.receivedAt) >= before.getTime()) continue;
      const inbound = { command: stored.data.command, receivedAt: stored.data.receivedAt };
      (now - Date.parse(inbound.receivedAt) < RESPONSE_URL_LIFETIME_MS ? found.replay : found.abandoned).push(inbound);
    }
    return found;
  }

  /** Forgets a command nobody can be answered for any more. */
  async forget(inbound: Inbound): Promise<void> {
    await this.store.deleteValue(NAMESPACE, inbound.command.trigger_id);
  }

  /**
   * Done commands are kept as long as Slack could send the same request again (so it is not run
   * twice), then forgotten: at most one sweep per response-URL lifetime.
   */
  private async sweepNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.sweptAt < RESPONSE_URL_LIFETIME_MS) return;
    this.sweptAt = now;
    try {
      for (const entry of await this.store.listValues(NAMESPACE, '')) {
        const stored = StoredInboundSchema.safeParse(entry.value);
        if (stored.success && stored.data.state === 'done' && now - Date.parse(stored.data.doneAt) >= RESPONSE_URL_LIFETIME_MS) {
          await this.store.deleteValue(NAMESPACE, entry.key);
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'old slash command records could not be swept; the next sweep tries again');
      this.sweptAt = 0;
    }
  }
}
