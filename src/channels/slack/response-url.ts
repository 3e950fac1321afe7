import type { RespondArguments } from '@slack/bolt';

/** A response URL that does not answer must not hold a command's work (and a shutdown) for long. */
const RESPOND_TIMEOUT_MS = 10_000;

/**
 * Answers through a command's response_url, as Bolt's own respond() does (a JSON POST; anything
 * but a 2xx throws). Built from the URL alone, so a command taken on before a restart is answered
 * the same way as one that has just arrived.
 */
/** Bolt's respond(), without its return type: that names fetch types which differ between installs. */
export type Respond = (message: string | RespondArguments) => Promise<void>;

export function respondTo(responseUrl: string): Respond {
  return async (message) => {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
      signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Slack refused the answer at the response_url: ${response.status} ${response.statusText}`);
  };
}
