import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CardDelivery } from '../../app/delivery.js';
import type { CardName } from '../../cards/catalogue.js';
import { CARD_NAMES } from '../../cards/catalogue.js';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { OutboundCard } from '../../ports/messenger.js';
import type { MeetingStore } from '../../ports/store.js';
import type { TeamsMessenger } from './teams-messenger.js';

/** Replies kept for a later attempt, keyed by a random id: the conversation and the card, never logged. */
const NAMESPACE = 'teams-reply-retry';
/** Which process makes each attempt, keyed `<reply>/<attempt>`: processes sharing a store send a reply once. */
const CLAIMS = 'teams-reply-retry-claim';

const Instant = z.iso.datetime({ offset: true });
const KeptReplySchema = z.object({
  conversationId: z.string().min(1),
  card: z.object({ name: z.enum(CARD_NAMES as [CardName, ...CardName[]]), data: z.unknown(), text: z.string(), preview: z.string().optional() }),
  attempts: z.number().int().min(1),
  dueAt: Instant,
  firstFailedAt: Instant,
});
type KeptReply = z.infer<typeof KeptReplySchema>;
const ClaimSchema = z.object({ at: Instant });
/** Longer than an attempt can last (four connector calls of at most 5 s, and their waits). */
const STALE_CLAIM_MS = 5 * 60_000;

export interface ReplyRetryTuning {
  /** How often the kept replies are looked at. */
  lookEveryMs: number;
  /** The wait before the first retry; it doubles after each failure, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all (the turn's own counts as the first) before the reply is given up. */
  maxAttempts: number;
}

export const DEFAULT_REPLY_RETRY: ReplyRetryTuning = { lookEveryMs: 15_000, firstDelayMs: 30_000, maxDelayMs: 10 * 60_000, maxAttempts: 8 };

export interface ReplyRetriesDeps {
  store: MeetingStore;
  messenger: TeamsMessenger;
  delivery: CardDelivery;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<ReplyRetryTuning>;
}

/**
 * A reply in a turn that the connector still would not take after botbuilder's own retries (it
 * timed out, or Teams answered 5xx or 429 four times) is kept in the store and sent again later,
 * as a proactive message in the same conversation, with a growing wait; a restart loses none.
 * Each attempt is claimed first, so processes sharing a store send a reply once.
 * One that Teams refuses for good (the bot was removed) or that never gets through is given up:
 * logged as an error and, in a chat linked to a meeting, shown on the organiser's card with who
 * was not reached and why.
 */
export class ReplyRetries {
  private readonly tuning: ReplyRetryTuning;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: ReplyRetriesDeps) {
    this.tuning = { ...DEFAULT_REPLY_RETRY, ...deps.tuning };
  }

  /** Keeps a reply that could not be delivered, for the next look to send. */
  async keep(conversationId: string, card: OutboundCard, reason: string): Promise<void> {
    const now = this.deps.clock.now();
    const kept: KeptReply = { conversationId, card, attempts: 1, dueAt: this.dueAfter(now, 1), firstFailedAt: now.toISOString() };
    await this.deps.store.putValue(NAMESPACE, randomUUID(), kept);
    this.deps.logger.warn({ conversationId, card: card.name, reason }, 'teams reply kept to be sent again later');
  }

  start(): void {
    this.timer = setInterval(() => void this.look(), this.tuning.lookEveryMs);
    this.timer.unref();
    void this.look();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends what is due; one look at a time. Resolves when it has finished (tests wait on it). */
  look(): Promise<void> {
    this.running ??= this.sendDue()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'kept teams replies could not be read; the next look tries again'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private dueAfter(now: Date, attempts: number): string {
    const delay = Math.min(this.tuning.firstDelayMs * 2 ** (attempts - 1), this.tuning.maxDelayMs);
    return new Date(now.getTime() + delay).toISOString();
  }

  private async sendDue(): Promise<void> {
    const now = this.deps.clock.now();
    for (const entry of await this.deps.store.listValues(NAMESPACE, '')) {
      const kept = KeptReplySchema.safeParse(entry.value);
      if (!kept.success) {
        this.deps.logger.warn({ key: entry.key }, 'a kept teams reply could not be read: dropped');
        await this.deps.store.deleteValue(NAMESPACE, entry.key);
        continue;
      }
      if (Date.parse(kept.data.dueAt) > now.getTime()) continue;
      if (await this.claim(`${entry.key}/${kept.data.attempts}`, now)) await this.attempt(entry.key, kept.data, now);
    }
  }

  /**
   * One process makes each attempt. A claim older than any attempt can take belongs to a process
   * that stopped in the middle of it: the attempt is made again rather than left for ever.
   */
  private async claim(key: string, now: Date): Promise<boolean> {
    if (await this.deps.store.claimValue(CLAIMS, key, { at: now.toISOString() })) return true;
    const held = ClaimSchema.safeParse(await this.deps.store.getValue(CLAIMS, key));
    if (held.success && now.getTime() - Date.parse(held.data.at) < STALE_CLAIM_MS) return false;
    // Of several processes finding the same stale claim, one takes it over.
    return this.deps.store.claimValue(CLAIMS, `${key}@${held.success ? held.data.at : 'unreadable'}`, { at: now.toISOString() });
  }

  private async forget(key: string): Promise<void> {
    await this.deps.store.deleteValue(NAMESPACE, key);
    for (const claim of await this.deps.store.listValues(CLAIMS, `${key}/`)) await this.deps.store.deleteValue(CLAIMS, claim.key);
  }

  private async attempt(key: string, kept: KeptReply, now: Date): Promise<void> {
    const { conversationId, card } = kept;
    const sent = await this.deps.messenger.post(conversationId, card);
    const attempts = kept.attempts + 1;
    if (sent.delivered) {
      await this.forget(key);
      this.deps.logger.info({ conversationId, card: card.name, attempts }, 'teams reply delivered on a later attempt');
      return;
    }
    if (sent.retryable && attempts < this.tuning.maxAttempts) {
      await this.deps.store.putValue(NAMESPACE, key, { ...kept, attempts, dueAt: this.dueAfter(now, attempts) });
      return;
    }
    await this.forget(key);
    const reason = sent.retryable ? `Gave up after ${attempts} attempts: ${sent.reason}` : sent.reason;
    this.deps.logger.error({ conversationId, card: card.name, attempts, reason }, 'teams reply given up');
    const chat = { channel: 'teams' as const, conversationId };
    const meetingId = await this.deps.delivery.meetingOfChat(chat);
    const meeting = meetingId ? await this.deps.store.getMeeting(meetingId) : undefined;
    if (meeting) await this.deps.delivery.gaveUp(meeting, { kind: 'chat', ...chat }, card.name, reason);
  }
}
