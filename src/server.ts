import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';
import { requestLog, routePattern } from './observability/request-log.js';
import type { MeetingStore } from './ports/store.js';
import { isStoreUnavailable } from './ports/store-unavailable.js';

/**
 * How a channel adds its endpoints (`/api/messages`, `/slack/events`, `/p/...`) without editing
 * this file: either a function given the app, or a handler (usually a Router) with its mount path.
 */
export type HttpModule = ((app: Express) => void) | { path: string; router: RequestHandler };

export interface HttpServerDeps {
  store: Pick<MeetingStore, 'kind' | 'ping'>;
  logger: Logger;
  config: Pick<Config, 'port' | 'host' | 'shutdownTimeoutMs'>;
  mount?: readonly HttpModule[];
  /** Each channel's state for /readyz; a channel that is down never makes the whole bot unready. */
  channelStates?: () => Record<string, string>;
  /** Told after each response has gone: the person has their answer, the outbox may send the rest. */
  onAnswered?: () => void;
}

export interface ListeningAddress {
  host: string;
  port: number;
  url: string;
}

export interface HttpServer {
  readonly app: Express;
  /** Resolves with the address actually bound, so port 0 works. */
  listen(): Promise<ListeningAddress>;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  stop(): Promise<void>;
}

export const JSON_BODY_LIMIT = '256kb';
export const READINESS_TIMEOUT_MS = 2_000;

export function createHttpServer({ store, logger, config, mount = [], channelStates = () => ({}), onAnswered }: HttpServerDeps): HttpServer {
  const app = express();
  const server = createServer(app);
  let draining = false;
  let stopping: Promise<void> | undefined;

  /**
   * server.close() drops idle keep-alive sockets only at the moment it is called. A request that
   * was running then leaves its socket idle when it ends, which would hold shutdown for the
   * keep-alive timeout; close such sockets as soon as their response is out.
   */
  const endKeepAliveWhileDraining: RequestHandler = (_req, res, next) => {
    if (draining) res.set('Connection', 'close');
    res.once('finish', () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
      onAnswered?.();
    });
    next();
  };

  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.use(endKeepAliveWhileDraining);
  app.use(express.json({ limit: JSON_BODY_LIMIT, verify: keepRawBody }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const storeOk = await storeAnswers(store, logger);
    const ready = !draining && storeOk;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', store: storeOk ? 'ok' : 'unavailable', storeKind: store.kind, ...channelStates() });
  });

  for (const module of mount) {
    if (typeof module === 'function') module(app);
    else app.use(module.path, module.router);
  }

  app.use((_req, res) => {
    res.status(404).json(errorBody(404));
  });
  app.use(errorHandler(logger));

  return {
    app,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve(describeAddress(server.address() as AddressInfo));
        });
      }),
    stop: () => {
      stopping ??= new Promise<void>((resolve, reject) => {
        draining = true;
        if (!server.listening) return resolve();
        const forceClose = setTimeout(() => {
          logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'requests still running at shutdown timeout; closing their connections');
          server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        // Stops accepting and, since Node 19, also closes the connections idle right now.
        server.close((error) => {
          clearTimeout(forceClose);
          if (error) reject(error);
          else resolve();
        });
      });
      return stopping;
    },
  };
}

/** Signature checks (Slack) need the exact bytes that were signed, not the re-serialised JSON. */
function keepRawBody(req: IncomingMessage, _res: unknown, body: Buffer): void {
  Object.assign(req, { rawBody: body });
}

async function storeAnswers(store: HttpServerDeps['store'], logger: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  try {
    await Promise.race([store.ping(), timeout]);
    return true;
  } catch (error) {
    logger.warn({ err: error, store: store.kind }, 'store is not ready');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `{ error: 'payload_too_large' }`: a stable code derived from the status, never a message. */
function errorBody(status: number): { error: string } {
  return { error: (STATUS_CODES[status] ?? 'Error').toLowerCase().replace(/[^a-z]+/g, '_') };
}

/** Errors that body-parser (and http-errors) mark as the client's fault and safe to expose. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    const context = { method: req.method, route: routePattern(req) };
    const status = clientErrorStatus(error);
    const notSaved = status === undefined && isStoreUnavailable(error);
    if (status !== undefined) {
      logger.warn({ ...context, status, type: (error as { type?: unknown }).type }, 'request rejected');
    } else if (notSaved) {
      logger.error({ ...context, err: error }, 'request not saved: the store cannot write');
    } else {
      logger.error({ ...context, err: error }, 'request failed');
    }
    // Too late for a JSON answer: Express's default handler cuts the connection instead.
    if (res.headersSent) return next(error);
    // 503 with Retry-After: nothing was saved, and the same request can be sent again later.
    if (notSaved) res.set('Retry-After', '60');
    const answer = status ?? (notSaved ? 503 : 500);
    res.status(answer).json(errorBody(answer));
  };
}

function describeAddress({ address, port, family }: AddressInfo): ListeningAddress {
  const host = family === 'IPv6' ? `[${address}]` : address;
  return { host: address, port, url: `http://${host}:${port}` };
}
