import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack, on loopback: the Web API at /api/<method> (SLACK_API_URL points here) and the response
 * URLs of commands and clicks at /respond/<id>. Every call is recorded with the time it arrived;
 * a method can be told to fail next (a platform error, or HTTP 429 with Retry-After).
 */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** Which process called, when several share the stub, each through its own apiUrlFor(name). */
  via?: string;
  /** What the stub answered (absent for a 429). */
  result?: Record<string, unknown>;
  at: number;
}

export interface SlackUser {
  id: string;
  name: string;
  email?: string;
}

type Failure = { error: string } | { status: 429; retryAfterSeconds: number };

/** How a response URL fails an answer: the connection closed on it ("other side closed"), or an HTTP error. */
export type ResponseFailure = 'reset' | { status: number; retryAfterSeconds?: number };

/** Arguments the WebClient sends as JSON inside the form body. */
const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'metadata']);

export class SlackApiStub {
  readonly calls: ApiCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown>; at: number }[] = [];
  /** Every post to a response URL, taken or failed. */
  readonly responseAttempts: { id: string; failed?: ResponseFailure }[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly responseFailures: ResponseFailure[] = [];
  private server: Server | undefined;
  private holding: readonly string[] = [];
  private passing = 0;
  private readonly held = new Map<ServerResponse, { path: string; via?: string }>();
  private ts = 1_700_000_000;
  private views = 0;
  url = '';
  /** Where apps.connections.open sends a Socket Mode client. */
  socketUrl = '';

  constructor(private readonly users: readonly SlackUser[]) {}

  /** On `port` to come back where a bot already looks for Slack, as after an outage. */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.release();
    const closed = new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())));
    // Keep-alive connections from a bot that is still running would hold close() open.
    this.server?.closeAllConnections();
    await closed;
  }

  /**
   * From now on, requests whose path starts with one of `prefixes` (`/respond/`, `/api/users.info`)
   * are held: never read, recorded or answered, as when Slack is too slow to take them. A bot
   * killed meanwhile leaves nothing of them behind.
   */
  hold(...prefixes: string[]): void {
    this.holdAfter(0, ...prefixes);
  }

  /** As hold(), once `passing` such requests have gone through as usual: Slack stalling mid-way. */
  holdAfter(passing: number, ...prefixes: string[]): void {
    this.holding = prefixes;
    this.passing = passing;
  }

  /** How many requests to paths starting with `prefix` are being held right now (from the process named `via`, if given). */
  holdingNow(prefix: string, via?: string): number {
    return [...this.held.values()].filter((held) => held.path.startsWith(prefix) && (via === undefined || held.via === via)).length;
  }

  /** Stops holding; requests still held are dropped unanswered and unrecorded. */
  release(): void {
    this.holding = [];
    for (const response of this.held.keys()) response.destroy();
    this.held.clear();
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** The Web API for one of several processes sharing this stub: its calls are recorded with `via`. */
  apiUrlFor(via: string): string {
    return `${this.url}/via/${via}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** The next posts to any response URL fail, one failure each, in this order. */
  failResponses(...failures: ResponseFailure[]): void {
    this.responseFailures.push(...failures);
  }

  failNext(method: string, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages posted to a conversation (or a user's DM), oldest first. */
  posted(channel: string): ApiCall[] {
    return this.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
  }

  respondedTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Every message as it looks now: posted, then changed by chat.update. */
  messages(): SlackMessageNow[] {
    const byKey = new Map<string, SlackMessageNow>();
    for (const call of this.calls) {
      if (call.method === 'chat.postMessage' && call.result?.ok) {
        const message = { channel: String(call.result.channel), ts: String(call.result.ts), text: String(call.args.text), blocks: call.args.blocks as Block[] };
        byKey.set(`${message.channel}/${message.ts}`, message);
      }
      if (call.method === 'chat.update' && call.result?.ok) {
        const key = `${String(call.args.channel)}/${String(call.args.ts)}`;
        const before = byKey.get(key);
        if (before) byKey.set(key, { ...before, text: String(call.args.text), blocks: call.args.blocks as Block[] });
      }
    }
    return [...byKey.values()];
  }

  /** The latest message in a conversation (a DM: the user id works too) whose blocks carry a button for `verb`. */
  messageWith(channel: string, verb: string): SlackMessageNow {
    const dm = channel.replace(/^[UW]/, 'D');
    const found = this.messages().filter((m) => m.channel === dm && buttons(m.blocks).some((b) => b.verb === verb)).at(-1);
    if (!found) throw new Error(`no message in ${dm} has a "${verb}" button`);
    return found;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [, via, path = ''] = /^(?:\/via\/([^/]+))?(.*)$/s.exec(req.url ?? '') ?? [];
    if (this.holding.some((prefix) => path.startsWith(prefix)) && this.passing-- <= 0) {
      this.held.set(res, { path, via });
      res.on('close', () => this.held.delete(res));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (path.startsWith('/respond/')) {
      const id = path.slice('/respond/'.length);
      const failed = this.responseFailures.shift();
      this.responseAttempts.push({ id, ...(failed ? { failed } : {}) });
      if (failed === 'reset') {
        req.socket.destroy();
        return;
      }
      if (failed) {
        res.writeHead(failed.status, failed.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failed.retryAfterSeconds) }).end();
        return;
      }
      this.responses.push({ id: path.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, unknown>, at: Date.now() });
      res.writeHead(200).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const args = Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, JSON_ARGS.has(k) ? JSON.parse(v) : v]));
    const call: ApiCall = { method, args, at: Date.now(), ...(via === undefined ? {} : { via }) };
    this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      res.writeHead(429, { 'Retry-After': String(failure.retryAfterSeconds) }).end();
      return;
    }
    const body = failure ? { ok: false, error: failure.error } : this.answer(method, args);
    call.result = body;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'auth.test':
        return { ok: true, user_id: 'U0PEPBOT', bot_id: 'B0PEPBOT', team_id: 'T0TEAM' };
      case 'chat.postMessage': {
        // A message to a user id lands in the app's DM with them, whose id Slack returns.
        const channel = String(args.channel).replace(/^[UW]/, 'D');
        return { ok: true, channel, ts: `${++this.ts}.000100` };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'users.info':
        return this.user((u) => u.id === args.user, 'user_not_found');
      case 'users.lookupByEmail':
        return this.user((u) => u.email === args.email, 'users_not_found');
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: typeof args.view_id === 'string' ? args.view_id : `V0VIEW${++this.views}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private user(match: (u: SlackUser) => boolean, notFound: string): Record<string, unknown> {
    const user = this.users.find(match);
    if (!user) return { ok: false, error: notFound };
    return { ok: true, user: { id: user.id, name: user.name.toLowerCase(), real_name: user.name, deleted: false, is_bot: false, profile: { real_name: user.name, email: user.email } } };
  }
}

export type Block = Record<string, unknown> & { type: string };
export interface SlackMessageNow {
  channel: string;
  ts: string;
  text: string;
  blocks: Block[];
}
export interface Button {
  verb: string;
  action_id: string;
  value: string;
  title: string;
  block_id?: string;
}

/** Every button in a message or view, with the verb its action_id stands for. */
export function buttons(blocks: readonly Block[]): Button[] {
  const found: Button[] = [];
  const take = (element: unknown, blockId?: string) => {
    const e = element as { type?: string; action_id?: string; value?: string; text?: { text: string } };
    if (e.type === 'button' && e.action_id && e.value !== undefined) found.push({ verb: e.action_id.split('~')[0]!, action_id: e.action_id, value: e.value, title: e.text?.text ?? '', block_id: blockId });
  };
  for (const block of blocks) {
    const b = block as { block_id?: string; elements?: unknown[]; accessory?: unknown };
    for (const element of b.elements ?? []) take(element, b.block_id);
    if (b.accessory) take(b.accessory, b.block_id);
  }
  return found;
}

/** All the words a person would read in these blocks, for assertions. */
export function readText(blocks: readonly Block[]): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(blocks);
  return texts.join('\n');
}
