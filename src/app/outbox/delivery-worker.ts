import type { Officer } from '../../domain/actor.js';
import type { ChildSpend } from '../../domain/funding/spend.js';
import type { Meeting } from '../../domain/model.js';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { Delivery, OutboundCard } from '../../ports/messenger.js';
import type { OutboxRecord, OutboxSettlement } from '../../ports/outbox.js';
import type { MeetingStore } from '../../ports/store.js';
import type { CardDelivery } from '../delivery.js';
import { planDocumentUrl } from '../plan/plan-links.js';
import type { Recipient } from '../reach-report.js';
import { drawCard } from './draw-card.js';
import type { CardSpec, IssuedLinkRef, Outgoing } from './outgoing.js';
import { OutgoingSchema } from './outgoing.js';

export interface OutboxTuning {
  /** How often the queue is looked at when nothing woke the worker (messages from other processes, retries). */
  pollMs: number;
  /**
   * How long a wake waits for the next ones: every answered request wakes the worker, and under
   * load one look at the queue for all the answers of these few milliseconds costs the acks far
   * less than a look for each (most of them queued nothing).
   */
  wakeGatherMs: number;
  /** Longer than any one send can take (the channels time out well before), so a live worker is never overtaken. */
  leaseMs: number;
  batch: number;
  /** Meetings whose messages are sent at the same time; one meeting's messages always go in order. */
  concurrency: number;
  /** Attempts before a message is given up and the organiser told. */
  maxAttempts: number;
  firstRetryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_OUTBOX_TUNING: OutboxTuning = {
  pollMs: 1_000,
  wakeGatherMs: 20,
  leaseMs: 120_000,
  batch: 100,
  concurrency: 4,
  maxAttempts: 8,
  firstRetryMs: 5_000,
  maxRetryMs: 30 * 60_000,
};

export interface DeliveryWorkerDeps {
  store: MeetingStore;
  delivery: CardDelivery;
  clock: Clock;
  logger: Logger;
  /** PUBLIC_BASE_URL without a trailing slash: the full plan's address. */
  publicBaseUrl: string;
  tuning?: Partial<OutboxTuning>;
  /** The council's Virtual School officers (config.council.officers), whom `officer` messages name. */
  officers?: readonly Officer[];
  /** The child's Pupil Premium Plus this year, shown on an officer's request card. */
  fundingSpend?: (meeting: Meeting, requestId: string) => Promise<ChildSpend>;
  /** Plans the meeting's reminders again (a queued `replan`); a throw is retried like a failed send. */
  replan?: (meeting: Meeting) => Promise<void>;
}

export interface DeliveryWorker {
  /** Something was queued: look now rather than at the next poll. */
  wake(): void;
  /** Resolves once nothing queued is due and nothing is being sent (tests, shutdown). */
  drain(): Promise<void>;
  /** Finishes what it is sending, then stops; what is left waits in the store for the next start. */
  stop(): Promise<void>;
}

type Attempt = { delivery: Delivery; gaveUp?: { to: Recipient; card: OutboundCard['name'] } };

const isReplan = (entry: OutboxRecord): boolean => OutgoingSchema.safeParse(entry.message).data?.kind === 'replan';
const COALESCED: OutboxSettlement = { state: 'sent' };

/**
 * A meeting changed again and again (actions captured one after another) queues a re-plan with
 * every change, and a re-plan costs more the more the meeting holds: run back to back, they would
 * take the whole process, and acks would queue behind them. So the next re-plan of a meeting waits
 * this many times as long as its last one took (at most REPLAN_REST_MAX_MS), and the re-plans
 * queued meanwhile are claimed together and run as one: re-planning takes at most a fifth of the
 * time, whatever the meeting's size.
 */
const REPLAN_REST_FACTOR = 4;
const REPLAN_REST_MAX_MS = 2_000;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The one place messages leave: it claims what changes queued, draws each card from the meeting
 * as it is now, sends it, and records the outcome with the platform's message id. It never
 * changes a meeting. Failures are retried with a doubling delay (or the platform's Retry-After);
 * once given up, the organiser's card says who was not reached and why.
 */
export function startDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const tuning = { ...DEFAULT_OUTBOX_TUNING, ...deps.tuning };
  const { store, delivery, clock, logger } = deps;
  const now = () => clock.now();
  const inFlight = new Set<Promise<number>>();
  /** performance.now() before which a meeting's next re-plan waits. */
  const replanRestUntil = new Map<string, number>();
  let stopped = false;
  let nudge: (() => void) | undefined;
  // A wake that came while a pass was running: what it announced may have missed that pass's claim.
  let wokenMeanwhile = false;

  function retryDelay(attempts: number, failure: Extract<Delivery, { delivered: false }>): number {
    if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, tuning.maxRetryMs);
    return Math.min(tuning.firstRetryMs * 2 ** Math.max(0, attempts - 1), tuning.maxRetryMs);
  }

  /** The card as the meeting has it now, with who could not be reached, and the full plan's address. */
  async function draw(meeting: Meeting, show: CardSpec, link?: IssuedLinkRef): Promise<OutboundCard> {
    return drawCard(meeting, show, {
      unreachable: show.card === 'attendance-summary' ? await delivery.unreachable(meeting.id) : undefined,
      planDocumentUrl: link?.opens === 'plan-document' ? planDocumentUrl(deps.publicBaseUrl, link.token) : undefined,
      fundingSpend: show.card === 'funding-request' ? await deps.fundingSpend?.(meeting, show.requestId) : undefined,
    });
  }

  async function attempt(meeting: Meeting, message: Outgoing): Promise<Attempt> {
    switch (message.kind) {
      case 'direct': {
        const person = meeting.participants.find((p) => p.id === message.participantId);
        if (!person) return { delivery: { delivered: false, reason: 'They are no longer part of this meeting.', retryable: false } };
        const drawn = await draw(meeting, message.show, message.link);
        const sent = message.mode === 'refresh' ? await delivery.refreshDirect(meeting, person, drawn) : await delivery.sendDirect(meeting, person, drawn, message.link?.opens === 'card' ? message.link : undefined);
        return { delivery: sent, gaveUp: { to: { kind: 'person', participantId: person.id }, card: drawn.name } };
      }
      case 'officer': {
        const officer = deps.officers?.find((o) => o.id === message.officerId);
        const to = { kind: 'officer', officerId: message.officerId } as const;
        if (!officer) return { delivery: { delivered: false, reason: `Virtual School officer ${message.officerId} is no longer in the council settings.`, retryable: false } };
        const drawn = await draw(meeting, message.show);
        const sent = await delivery.toOfficer(meeting, officer, drawn, message.mode);
        // Said by name, so whoever keeps the council settings can give the officer a chat identity.
        if (!sent.delivered && !sent.retryable) logger.warn({ meetingId: meeting.id, officerId: officer.id, card: drawn.name, reason: sent.reason }, 'virtual school officer not reachable');
        return { delivery: sent, gaveUp: { to, card: drawn.name } };
      }
      case 'chat': {
        const chat = { channel: message.channel, conversationId: message.conversationId };
        if (!meeting.chats.some((c) => c.channel === chat.channel && c.conversationId === chat.conversationId)) {
          return { delivery: { delivered: false, reason: 'That chat is no longer linked to the meeting.', retryable: false } };
        }
        const drawn = await draw(meeting, message.show);
        return { delivery: await delivery.toChat(meeting, chat, drawn, { newMessage: message.mode === 'new' }), gaveUp: { to: { kind: 'chat', ...chat }, card: drawn.name } };
      }
      case 'cancellation': {
        const person = meeting.participants.find((p) => p.id === message.participantId);
        return { delivery: person ? await delivery.cancelInvitation(meeting, person) : { delivered: true } };
      }
      case 'tidy-links':
        await delivery.tidyOrganiserCard(meeting.id);
        return { delivery: { delivered: true } };
      case 'replan': {
        const started = performance.now();
        await deps.replan?.(meeting);
        restAfterReplan(meeting.id, performance.now() - started);
        return { delivery: { delivered: true } };
      }
    }
  }

  function restAfterReplan(meetingId: string, tookMs: number): void {
    const now = performance.now();
    // Meetings not re-planned since their rest ended are forgotten, so the map stays small.
    if (replanRestUntil.size >= 100) for (const [id, until] of replanRestUntil) if (until <= now) replanRestUntil.delete(id);
    replanRestUntil.set(meetingId, now + Math.min(REPLAN_REST_FACTOR * tookMs, REPLAN_REST_MAX_MS));
  }

  async function restBeforeReplan(meetingId: string): Promise<void> {
    const wait = (replanRestUntil.get(meetingId) ?? 0) - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  async function settle(entry: OutboxRecord, meeting: Meeting | undefined): Promise<OutboxSettlement> {
    const parsed = OutgoingSchema.safeParse(entry.message);
    if (!parsed.success) return { state: 'failed', reason: 'The queued message could not be read.' };
    if (!meeting) return { state: 'failed', reason: 'The meeting no longer exists.' };
    const message = parsed.data;
    let result: Attempt;
    try {
      result = await attempt(meeting, message);
    } catch (error) {
      result = { delivery: { delivered: false, reason: reasonOf(error), retryable: true } };
    }
    const sent = result.delivery;
    if (sent.delivered) return sent.ref ? { state: 'sent', ref: sent.ref } : { state: 'sent' };
    const ids = { meetingId: entry.meetingId, messageId: entry.id, kind: message.kind, attempts: entry.attempts };
    if (sent.retryable && entry.attempts < tuning.maxAttempts) {
      const dueAt = new Date(now().getTime() + retryDelay(entry.attempts, sent)).toISOString();
      logger.warn({ ...ids, reason: sent.reason, retryAt: dueAt }, 'message not delivered yet: will retry');
      return { state: 'retry', reason: sent.reason, dueAt };
    }
    const reason = sent.retryable ? `Gave up after ${entry.attempts} attempts: ${sent.reason}` : sent.reason;
    logger.warn({ ...ids, reason }, 'message given up');
    if (result.gaveUp) await delivery.gaveUp(meeting, result.gaveUp.to, result.gaveUp.card, reason);
    return { state: 'failed', reason };
  }

  /**
   * One meeting's messages, in the order they were queued, against the meeting read once. Re-plans
   * queued by several changes are one: the last plans from the meeting as it is now.
   */
  async function sendForMeeting(entries: OutboxRecord[]): Promise<void> {
    const meeting = await store.getMeeting(entries[0]!.meetingId);
    const lastReplan = entries.findLast(isReplan);
    for (const entry of entries) {
      // The re-plan reads the meeting as stored when it runs, so resting first loses nothing.
      if (entry === lastReplan) await restBeforeReplan(entry.meetingId);
      const settlement = isReplan(entry) && entry !== lastReplan ? COALESCED : await settle(entry, meeting);
      await store.settleOutbox(entry.id, settlement, now().toISOString());
    }
  }

  async function pass(): Promise<number> {
    const claimed = await store.claimOutbox({ now: now().toISOString(), leaseMs: tuning.leaseMs, limit: tuning.batch });
    const byMeeting = new Map<string, OutboxRecord[]>();
    for (const entry of claimed) byMeeting.set(entry.meetingId, [...(byMeeting.get(entry.meetingId) ?? []), entry]);
    const queue = [...byMeeting.values()];
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await sendForMeeting(next).catch((error: unknown) => logger.error({ err: error, meetingId: next?.[0]?.meetingId }, 'sending queued messages failed; they are retried once their lease ends'));
      }
    };
    await Promise.all(Array.from({ length: Math.min(tuning.concurrency, queue.length) }, lane));
    return claimed.length;
  }

  function tracked(): Promise<number> {
    const running = pass();
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running)).catch(() => undefined);
    return running;
  }

  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      wokenMeanwhile = false;
      try {
        claimed = await tracked();
      } catch (error) {
        logger.error({ err: error }, 'the outbox could not be read; trying again shortly');
      }
      if (claimed > 0 || wokenMeanwhile || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, tuning.pollMs);
        nudge = () => {
          nudge = undefined;
          clearTimeout(timer);
          if (stopped) resolve();
          else setTimeout(resolve, tuning.wakeGatherMs);
        };
      });
      nudge = undefined;
    }
  })();

  return {
    wake: () => {
      wokenMeanwhile = true;
      nudge?.();
    },
    async drain() {
      for (;;) {
        await Promise.allSettled([...inFlight]);
        let claimed: number;
        try {
          claimed = await tracked();
        } catch (error) {
          // A store that cannot write cannot hand anything out: what is queued waits there.
          logger.error({ err: error }, 'the outbox could not be read; what is queued waits in the store');
          return;
        }
        if (claimed === 0 && inFlight.size === 0) return;
      }
    },
    async stop() {
      stopped = true;
      nudge?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
