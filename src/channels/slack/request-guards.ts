import { HTTPModuleFunctions } from '@slack/bolt';
import type { ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';

/** Slack's replay window: a signed request older or newer than this is refused. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Refuses a request whose X-Slack-Request-Timestamp is more than five minutes from now either
 * way. Bolt refuses only stale ones, so a request captured and signed for a moment ahead could be
 * replayed for as long as that moment was; Slack's own rule is a window in both directions.
 * Missing or malformed timestamps are left to Bolt, which answers 401 for those too.
 */
export function refuseTimestampsOutsideWindow(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = typeof header === 'string' ? Number(header) : Number.NaN;
    const skew = Math.floor(Date.now() / 1000) - timestamp;
    if (Number.isFinite(timestamp) && Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
      logger.warn({ skewSeconds: skew }, 'Slack request refused: timestamp more than 5 minutes from now');
      res.status(401).end();
      return;
    }
    next();
  };
}

/**
 * What Bolt reads of a body before any listener runs: an object, and for interactions (anything
 * but an Events API callback or a slash command) the user who acted, plus the view of a view
 * submission or close. Bolt throws a TypeError on a body without these (`payload=null`, a click
 * with no user) instead of refusing it.
 */
const Actor = z.object({ id: z.string().min(1) });
const BoltEnvelopeSchema = z.union([
  z.object({ type: z.enum(['event_callback', 'url_verification', 'ssl_check']) }),
  z.object({ command: z.string() }),
  z.object({ type: z.enum(['view_submission', 'view_closed']), user: Actor, view: z.object({}) }),
  z.object({ type: z.string().regex(/^(?!view_)/), user: Actor }),
]);

/**
 * Bolt's answer when it throws while processing a request, except for a validly signed body Bolt
 * cannot read: that is the sender's mistake, answered 400 at once and logged as a warning (never
 * the body), where Bolt's default would log an error and answer 500.
 */
export function answerMalformedBodies(logger: Logger) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    // The ExpressReceiver has put the parsed body on the request by the time Bolt processes it.
    const envelope = BoltEnvelopeSchema.safeParse('body' in args.request ? args.request.body : undefined);
    if (envelope.success || args.response.headersSent) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    logger.warn('Slack request refused: a signed body without what Bolt needs to route it');
    args.response.writeHead(400);
    args.response.end();
    return true;
  };
}
