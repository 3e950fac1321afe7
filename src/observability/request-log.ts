import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One debug line per request. Paths are logged as route patterns (`/p/:token`), never as the URL
 * that came in: web-link URLs carry access tokens, and query strings can carry anything.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      logger.debug(
        {
          method: req.method,
          route: routePattern(req),
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
          // The client went away before the whole response was written.
          aborted: !res.writableFinished,
        },
        'request',
      );
    });
    next();
  };
}

/** The pattern Express matched, or undefined when no route did (a 404). */
export function routePattern(req: Request): string | undefined {
  const route: unknown = req.route;
  if (typeof route !== 'object' || route === null || !('path' in route)) return undefined;
  return `${req.baseUrl}${String(route.path)}`;
}
