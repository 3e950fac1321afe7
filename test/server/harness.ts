import { createLogger } from '../../src/observability/logger.js';
import type { Logger } from '../../src/observability/logger.js';
import { createHttpServer } from '../../src/server.js';
import type { HttpServer, HttpServerDeps } from '../../src/server.js';

export interface CapturedLog {
  logger: Logger;
  records: () => Array<Record<string, unknown>>;
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

export interface RunningServer extends CapturedLog {
  server: HttpServer;
  url: string;
}

/** A server on an ephemeral loopback port, logging into memory. */
export async function startServer(
  deps: Pick<HttpServerDeps, 'store' | 'mount'> & { shutdownTimeoutMs?: number },
): Promise<RunningServer> {
  const log = captureLog();
  const server = createHttpServer({
    store: deps.store,
    mount: deps.mount,
    logger: log.logger,
    config: { port: 0, host: '127.0.0.1', shutdownTimeoutMs: deps.shutdownTimeoutMs ?? 30_000 },
  });
  const { url } = await server.listen();
  return { ...log, server, url };
}

/** A promise with its resolve exposed, so tests sequence steps by events instead of sleeps. */
export function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
