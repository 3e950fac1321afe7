import type { CloudAdapter, Response as BotResponse } from 'botbuilder';
import type { Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import type { HttpModule } from '../../server.js';
import { KEYS_RETRY_AFTER_SECONDS } from './bot-adapter.js';
import { connectorFailure } from './connector-errors.js';
import type { TurnRouter } from './turn-router.js';

const MESSAGES_PATH = '/api/messages';

/**
 * Teams gives the bot 15 s to answer an invoke and retries other activities it has no answer for.
 * A turn waiting on an outbound call (each has its own deadline) is answered before then anyway.
 */
export const DEFAULT_ANSWER_WITHIN_MS = 10_000;

/**
 * The least every Bot Framework activity has. Anything else is not from a Teams client, and is
 * answered 400 here rather than as a 500 from deep inside the adapter; the turn handlers parse
 * each activity's own payload with their own schemas.
 */
const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  conversation: z.looseObject({ id: z.string().min(1) }).optional(),
});

export interface MessagesEndpointOptions {
  logger: Logger;
  /** Tests shorten it; production keeps the default. */
  answerWithinMs?: number;
}

/**
 * What botbuilder writes its answer through. The first answer wins: the turn's own, or the
 * deadline's plain 200 when the turn is still waiting on the connector. A 503 (the signing keys
 * could not be fetched) tells the sender when to try again.
 */
function answerOnce(res: Response, lateInvokeAnswer: (status: number) => void) {
  let status = 200;
  let body: unknown;
  let answered = false;
  const answer = (code: number, payload?: unknown): boolean => {
    if (answered || res.headersSent) return false;
    answered = true;
    if (code === 503) res.set('Retry-After', String(KEYS_RETRY_AFTER_SECONDS));
    res.status(code);
    if (payload === undefined) res.end();
    else res.send(payload);
    return true;
  };
  const forBotbuilder: BotResponse = {
    socket: res.socket,
    header: (name, value) => {
      if (!answered) res.header(name, String(value));
    },
    status: (code) => {
      status = code;
    },
    send: (payload) => {
      body = payload;
    },
    end: () => {
      // A message's answer is only its 200; an invoke's carries the card the person was to see.
      if (!answer(status, body) && body !== undefined) lateInvokeAnswer(status);
    },
  };
  return { forBotbuilder, answer, answered: () => answered };
}

/**
 * POST /api/messages: the adapter authenticates the request (401 without a valid token when an
 * app id is configured), runs the turn, and writes the response (the invoke answer, or 200).
 */
export function messagesEndpoint(adapter: CloudAdapter, app: TurnRouter, { logger, answerWithinMs = DEFAULT_ANSWER_WITHIN_MS }: MessagesEndpointOptions): HttpModule {
  const router = Router();
  router.post('/', (req, res, next) => {
    const envelope = ActivityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      res.status(400).json({ error: 'bad_request', message: 'Expected a Bot Framework activity.' });
      return;
    }
    const ids = { activityType: envelope.data.type, activityId: envelope.data.id };
    const response = answerOnce(res, (status) => logger.warn({ ...ids, status }, 'the invoke answer came after Teams had been answered, and was dropped'));
    const deadline = setTimeout(() => {
      if (response.answer(200)) logger.warn({ ...ids, answerWithinMs }, 'answered Teams before the turn finished: it is still waiting on the connector');
    }, answerWithinMs);
    adapter
      .process(req, response.forBotbuilder, async (context) => {
        await app.run(context);
      })
      .catch((error: unknown) => {
        if (response.answered()) logger.error({ ...ids, failure: connectorFailure(error) }, 'a Teams turn failed after Teams was answered');
        else next(error);
      })
      .finally(() => clearTimeout(deadline));
  });
  return { path: MESSAGES_PATH, router };
}
