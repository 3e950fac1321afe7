import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** A roster entry, as Teams' GET /v3/conversations/{id}/members/{userId} returns it. */
export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

/** One call the bot made to the connector. */
export interface ConnectorCall {
  kind: 'send' | 'update';
  conversationId: string;
  messageId: string;
  activity: { type?: string; summary?: string; text?: string; attachments?: { contentType: string; content: CardContent }[] };
}

export interface CardContent {
  type: string;
  body?: { type: string; text?: string }[];
  actions?: unknown[];
  refresh?: unknown;
}

export type SendFailure = 'reset' | { status: number; retryAfterSeconds?: number };

export interface ConnectorStub {
  /** The serviceUrl to put in activities. */
  serviceUrl: string;
  calls: ConnectorCall[];
  roster: Map<string, RosterMember>;
  /** Conversations whose sends answer 403, as Teams does when the bot was removed or blocked. */
  refuse: Set<string>;
  /** The next sends fail, one failure each, in this order: the connection closed on them, or an HTTP error. */
  failSends: SendFailure[];
  /** Sends that failed that way, not recorded in `calls`. */
  failedSends: SendFailure[];
  /** How many calls were answered 403 for a conversation in `refuse`. */
  readonly refused: number;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the Bot Framework connector (the serviceUrl Teams gives the bot): it
 * records what the bot sends and updates, and answers roster lookups.
 */
export async function startConnectorStub(): Promise<ConnectorStub> {
  const calls: ConnectorCall[] = [];
  const roster = new Map<string, RosterMember>();
  const refuse = new Set<string>();
  const failSends: SendFailure[] = [];
  const failedSends: SendFailure[] = [];
  let refused = 0;
  let next = 0;
  const app = express();
  app.use(express.json({ limit: '1mb' }));

  const record = (kind: ConnectorCall['kind']) => (req: express.Request, res: express.Response) => {
    const conversationId = String(req.params.conversationId);
    if (refuse.has(conversationId)) {
      refused++;
      res.status(403).json({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      return;
    }
    const failure = kind === 'send' ? failSends.shift() : undefined;
    if (failure) {
      failedSends.push(failure);
      if (failure === 'reset') req.socket.destroy();
      else res.status(failure.status).set(failure.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failure.retryAfterSeconds) }).json({ error: { code: 'ServiceError', message: 'Try again later.' } });
      return;
    }
    const messageId = kind === 'update' ? String(req.params.activityId) : `msg-${++next}`;
    calls.push({ kind, conversationId, messageId, activity: req.body as ConnectorCall['activity'] });
    res.json({ id: messageId });
  };
  app.post('/v3/conversations/:conversationId/activities', record('send'));
  app.post('/v3/conversations/:conversationId/activities/:activityId', record('send'));
  app.put('/v3/conversations/:conversationId/activities/:activityId', record('update'));
  app.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
    const member = roster.get(String(req.params.memberId));
    if (member) res.json(member);
    else res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } });
  });

  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    roster,
    refuse,
    failSends,
    failedSends,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The heading of a card (its first text block): enough to tell the cards apart. */
export const cardHeading = (content: CardContent | undefined): string | undefined => content?.body?.find((b) => b.type === 'TextBlock')?.text;

export const headingOf = (call: ConnectorCall): string | undefined => cardHeading(call.activity.attachments?.[0]?.content);
