import type { RespondArguments } from '@slack/bolt';
import { setTimeout as sleep } from 'node:timers/promises';

/** A response URL that does not answer must not hold a command's work (and a shutdown) for long. */
const RESPOND_TIMEOUT_MS = 10_000;

/**
 * How an answer Slack did not take is tried again. A response URL takes five answers in thirty
 * minutes; every command uses one or two, so three more attempts stay within them.
 */
export interface RespondRetry {
  attempts: number;
  /** Before the second attempt; it doubles for each one after, unless Slack says Retry-After. */
  firstDelayMs: number;
  /** No wait is longer, Retry-After included: the work (and a shutdown) waits meanwhile. */
  maxDelayMs: number;
}

export const RESPOND_RETRY: RespondRetry = { attempts: 4, firstDelayMs: 500, maxDelayMs: 10_000 };

/** Bolt's respond(), without its return type: that names fetch types which differ between installs. */
export type Respond = (message: string | RespondArguments) => Promise<void>;

/** Logs each attempt that will be tried again, with why (never what the answer said). */
export type RetryNotice = (fields: { attempt: number; reason: string; retryInMs: number }) => void;

/** An attempt Slack may take if asked again: it refused for now, or the connection failed or timed out. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** What went wrong with a network failure: fetch's TypeError hides the socket's code in its cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code ? `${code} (${detail})` : detail;
}

async function post(responseUrl: string, message: string | RespondArguments): Promise<void> {
  let response: Response;
  try {
    response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
      signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS),
    });
  } catch (error) {
    // The connection was reset or closed ("other side closed"), refused, or timed out.
    throw new Transient(`the response_url could not be reached: ${networkReason(error)}`);
  }
  // The body is read so the connection goes back to the pool rather than being reset later.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  const reason = `Slack refused the answer at the response_url: ${response.status} ${response.statusText}`;
  if (response.status === 429 || response.status >= 500) throw new Transient(reason, retryAfterMs(response));
  throw new Error(reason);
}

/**
 * Answers through a command's or a click's response_url, as Bolt's own respond() does (a JSON
 * POST; anything but a 2xx throws). Built from the URL alone, so a command taken on before a
 * restart is answered the same way as one that has just arrived. A reset or closed connection, a
 * time-out, a 5xx or a 429 is tried again after a doubling delay (or Slack's Retry-After); what
 * still fails throws, saying how often it was tried, for the caller to log and keep.
 */
export function respondTo(responseUrl: string, options: { retry?: RespondRetry; onRetry?: RetryNotice } = {}): Respond {
  const retry = options.retry ?? RESPOND_RETRY;
  return async (message) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await post(responseUrl, message);
        return;
      } catch (error) {
        if (!(error instanceof Transient)) throw error;
        if (attempt >= retry.attempts) throw new Error(`gave up after ${attempt} attempts: ${error.message}`, { cause: error });
        const retryInMs = Math.min(error.retryAfterMs ?? retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
        options.onRetry?.({ attempt, reason: error.message, retryInMs });
        await sleep(retryInMs);
      }
    }
  };
}
