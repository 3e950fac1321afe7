import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { KeyValueStore } from '../../ports/key-value.js';
import { InstancePresence, InstanceSchema } from './instance-presence.js';
import type { Instance } from './instance-presence.js';
import type { SlashCommand } from './payloads.js';
import { SlashCommandSchema } from './payloads.js';

/** Slash commands taken on, keyed by trigger_id (Slack sends no other id, and a trigger is made per invocation). */
const NAMESPACE = 'slack-inbound';
/** Who took over a command whose process had gone, keyed by trigger and the process it was taken from. */
const TAKEOVERS = 'slack-inbound-takeover';

/** How long Slack accepts answers at a command's response_url: after that nobody can be told. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

const Instant = z.iso.datetime({ offset: true });
const StoredInboundSchema = z.discriminatedUnion('state', [
  // `by`: the process running it; records from before several processes could share a store have none.
  z.object({ state: z.literal('received'), receivedAt: Instant, command: SlashCommandSchema, by: InstanceSchema.optional() }),
  // What was typed and the response URL are forgotten once they are no longer needed.
  z.object({ state: z.literal('done'), receivedAt: Instant, doneAt: Instant }),
]);
const TakeoverSchema = z.object({ at: Instant });

/** A command as it was recorded before its ack: enough to run it again after a restart. */
export interface Inbound {
  command: SlashCommand;
  receivedAt: string;
  by?: Instance;
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
 *
 * Several processes may share the store, so each record names the process running it: another
 * process leaves it alone while that one lives (a command in flight there is not run twice), and
 * takes it over, once, when that one has gone.
 */
export class SlashInbox {
  private sweptAt = 0;
  readonly presence: InstancePresence;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.presence = new InstancePresence(store, clock);
  }

  /** Writes the command down; undefined when its trigger was taken on already (the same request again). */
  async record(command: SlashCommand): Promise<Inbound | undefined> {
    const inbound: Inbound = { command, receivedAt: this.clock.now().toISOString(), by: this.presence.self };
    const recorded = await this.store.claimValue(NAMESPACE, command.trigger_id, { state: 'received', ...inbound });
    return recorded ? inbound : undefined;
  }

  /**
   * Makes a command left by a process that has gone this process's own. Only one process wins
   * the claim, so two that look at once do not both answer it.
   */
  async takeOver(inbound: Inbound): Promise<boolean> {
    const key = `${inbound.command.trigger_id}@${inbound.by?.id ?? 'unnamed'}`;
    if (!(await this.store.claimValue(TAKEOVERS, key, { at: this.clock.now().toISOString() }))) return false;
    inbound.by = this.presence.self;
    await this.store.putValue(NAMESPACE, inbound.command.trigger_id, { state: 'received', ...inbound });
    return true;
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

  /**
   * Commands never answered whose process has gone (or, unnamed, recorded before `startedAt`),
   * split by whether Slack still takes their answer.
   */
  async unfinished(startedAt: Date): Promise<Unfinished> {
    const found: Unfinished = { replay: [], abandoned: [] };
    const now = this.clock.now().getTime();
    const gone = new Map<string, Promise<boolean>>();
    const isGone = (by: Instance) => gone.get(by.id) ?? gone.set(by.id, this.presence.isGone(by)).get(by.id)!;
    for (const entry of await this.store.listValues(NAMESPACE, '')) {
      const stored = StoredInboundSchema.safeParse(entry.value);
      if (!stored.success) {
        this.logger.warn({ key: entry.key }, 'a recorded slash command could not be read: skipped');
        continue;
      }
      if (stored.data.state !== 'received') continue;
      const { command, receivedAt, by } = stored.data;
      if (by ? !(await isGone(by)) : Date.parse(receivedAt) >= startedAt.getTime()) continue;
      const inbound = { command, receivedAt, by };
      (now - Date.parse(receivedAt) < RESPONSE_URL_LIFETIME_MS ? found.replay : found.abandoned).push(inbound);
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
      for (const entry of await this.store.listValues(TAKEOVERS, '')) {
        const takeover = TakeoverSchema.safeParse(entry.value);
        if (!takeover.success || now - Date.parse(takeover.data.at) >= RESPONSE_URL_LIFETIME_MS) await this.store.deleteValue(TAKEOVERS, entry.key);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'old slash command records could not be swept; the next sweep tries again');
      this.sweptAt = 0;
    }
  }
}
