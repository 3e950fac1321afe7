import { createHmac } from 'node:crypto';

/**
 * What one load run sends: where, how fast, for how long, and how each request is built. It
 * crosses a process boundary (the generator runs in its own process), so it is plain JSON, and
 * every request is built from it at the moment it is sent: Slack's signature carries the current
 * timestamp, and Teams activities get a fresh id.
 */
export interface LoadSpec {
  /** http://127.0.0.1:PORT */
  origin: string;
  path: string;
  /** Requests per second, held whatever the answers do. */
  rate: number;
  durationMs: number;
  requests: SlackCommands | TeamsActivities;
}

/** `/pep <text>` typed by one user; `{n}` in a text becomes the request's sequence number. */
export interface SlackCommands {
  kind: 'slack-command';
  signingSecret: string;
  /** Cycled through in order. */
  texts: string[];
  userId: string;
  userName: string;
  channelId: string;
  /** The fake Slack's /respond/ base; each request gets its own id under it. */
  responseUrlBase: string;
}

/** Bot Framework activities, cycled through in order; `{n}` in `text` becomes the sequence number. */
export interface TeamsActivities {
  kind: 'teams-activity';
  activities: Record<string, unknown>[];
}

export interface BuiltRequest {
  headers: Record<string, string>;
  body: string;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The `n`th request of a run, as it goes on the wire now. */
export function buildRequest(spec: LoadSpec['requests'], n: number, runId: string): BuiltRequest {
  if (spec.kind === 'slack-command') {
    const body = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: 'T0TEAM',
      channel_id: spec.channelId,
      channel_name: spec.channelId.startsWith('D') ? 'directmessage' : 'pep-meetings',
      user_id: spec.userId,
      user_name: spec.userName,
      command: '/pep',
      text: spec.texts[n % spec.texts.length]!.replaceAll('{n}', `${runId}-${n}`),
      api_app_id: 'A0PEP',
      response_url: `${spec.responseUrlBase}${runId}-${n}`,
      trigger_id: `trigger.${runId}.${n}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(spec.signingSecret, timestamp, body),
      },
      body,
    };
  }
  const template = spec.activities[n % spec.activities.length]!;
  const activity = {
    ...template,
    id: `bench-${runId}-${n}`,
    timestamp: new Date().toISOString(),
    ...(typeof template.text === 'string' ? { text: template.text.replaceAll('{n}', `${runId}-${n}`) } : {}),
  };
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) };
}

/** What the generator measured; latencies in milliseconds from each request's scheduled time. */
export interface LoadResult {
  sent: number;
  ok: number;
  /** Answers other than 2xx, and connection failures. */
  errors: number;
  /** No whole answer within the time-out; counted in errors too. */
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
  /** How late the generator itself sent its latest request: large values mean the figures are the generator's. */
  maxSendLagMs: number;
  /** A few of the error answers, to tell what went wrong. */
  errorSamples: string[];
}
