import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them to /slack/events: slash commands and interactivity form-encoded,
 * events as JSON, each signed with the signing secret over `v0:<timestamp>:<body>`. Options make
 * them wrongly signed, stale, or retries.
 */
/** An Events API delivery of one event, as Slack wraps it. */
export const eventCallback = (eventId: string, event: Record<string, unknown>) => ({
  token: 'deprecated',
  team_id: 'T0TEAM',
  api_app_id: 'A0PEP',
  type: 'event_callback',
  event_id: eventId,
  event_time: Math.floor(Date.now() / 1000),
  event,
});

export interface SendOptions {
  /** Sign with another secret (a forged request). */
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** X-Slack-Retry-Num, as Slack sets it when it delivers an event again. */
  retryNum?: number;
}

export interface SlackAnswer {
  status: number;
  body: string;
  /** Milliseconds from sending to the whole answer being read. */
  ms: number;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class SlackSender {
  constructor(
    readonly endpoint: string,
    private readonly secret: string,
  ) {}

  command(fields: Record<string, string>, options: SendOptions = {}): Promise<SlackAnswer> {
    return this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<SlackAnswer> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  event(body: Record<string, unknown>, options: SendOptions = {}): Promise<SlackAnswer> {
    return this.send(JSON.stringify(body), 'application/json', options);
  }

  /** Any body, signed as Slack signs it: for bodies Slack's own shapes cannot make. */
  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackAnswer> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature(options.secret ?? this.secret, timestamp, body),
    };
    if (options.retryNum !== undefined) {
      headers['X-Slack-Retry-Num'] = String(options.retryNum);
      headers['X-Slack-Retry-Reason'] = 'http_timeout';
    }
    const started = performance.now();
    const response = await fetch(this.endpoint, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text, ms: performance.now() - started };
  }
}
