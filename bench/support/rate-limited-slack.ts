import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack's Web API on loopback, for chat.postMessage only, enforcing its rate limits the way
 * Slack describes them (docs.slack.dev/apis/web-api/rate-limits, "Posting messages"): about one
 * message per second to a channel, short bursts tolerated, plus a limit across the workspace
 * that Slack gives only as "several hundred messages per minute"; we take 600 a minute. Past a
 * limit it answers HTTP 429 with Retry-After, as Slack does; and, to show the bot copes with a
 * 429 it could not have foreseen, it refuses one request in `spuriousEvery` the same way.
 */
export interface SlackLimits {
  perChannelPerSecond: number;
  /** Messages to one channel that may go at once before the per-second pace applies. */
  channelBurst: number;
  workspacePerMinute: number;
  workspaceBurst: number;
  spuriousEvery: number;
}

export const SLACK_LIMITS: SlackLimits = { perChannelPerSecond: 1, channelBurst: 3, workspacePerMinute: 600, workspaceBurst: 20, spuriousEvery: 100 };

/** A token bucket: `capacity` at once, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private at = performance.now();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes a token, or says how many seconds until one is there. */
  take(): number {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return (1 - this.tokens) / this.perSecond;
  }
}

export class RateLimitedSlack {
  /** Messages accepted, by channel and content (text and blocks): each nudge must be here exactly once. */
  readonly accepted = new Map<string, number>();
  acceptedCount = 0;
  refused429 = 0;
  /** Of those, refused for sending too fast to one channel (the rest: the workspace, or at random). */
  refusedForChannel = 0;
  private readonly workspace: Bucket;
  private readonly channels = new Map<string, Bucket>();
  private requests = 0;
  private ts = 1_700_000_000;
  private server: Server | undefined;
  url = '';

  constructor(private readonly limits: SlackLimits = SLACK_LIMITS) {
    this.workspace = new Bucket(limits.workspaceBurst, limits.workspacePerMinute / 60);
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const args = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (req.url !== '/api/chat.postMessage') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'unknown_method' }));
      return;
    }
    this.requests += 1;
    const channel = args.get('channel') ?? '';
    const wait = this.requests % this.limits.spuriousEvery === 0 ? 1 : this.limit(channel);
    if (wait > 0) {
      this.refused429 += 1;
      res.writeHead(429, { 'Retry-After': String(Math.ceil(wait)) }).end();
      return;
    }
    const key = `${channel}|${args.get('text') ?? ''}|${args.get('blocks') ?? ''}`;
    this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
    this.acceptedCount += 1;
    // A message to a user id lands in the app's DM with them, whose id Slack returns.
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, channel: channel.replace(/^U/, 'D'), ts: `${++this.ts}.000100` }));
  }

  /** Seconds to wait when a limit is reached, else 0 (and the message counts against both). */
  private limit(channel: string): number {
    let bucket = this.channels.get(channel);
    if (!bucket) {
      bucket = new Bucket(this.limits.channelBurst, this.limits.perChannelPerSecond);
      this.channels.set(channel, bucket);
    }
    const channelWait = bucket.take();
    if (channelWait > 0) {
      this.refusedForChannel += 1;
      return channelWait;
    }
    return this.workspace.take();
  }
}
