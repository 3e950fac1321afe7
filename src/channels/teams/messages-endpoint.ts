import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { Router } from 'express';
import { z } from 'zod';
import type { HttpModule } from '../../server.js';

const MESSAGES_PATH = '/api/messages';

/**
 * The least every Bot Framework activity has. Anything else is not from a Teams client, and is
 * answered 400 here rather than as a 500 from deep inside the adapter; the turn handlers parse
 * each activity's own payload with their own schemas.
 */
const ActivityEnvelopeSchema = z.looseObject({ type: z.string().min(1), conversation: z.looseObject({ id: z.string().min(1) }).optional() });

/**
 * POST /api/messages: the adapter authenticates the request (401 without a valid token when an
 * app id is configured), runs the turn, and writes the response (the invoke answer, or 200).
 */
export function messagesEndpoint(adapter: TeamsAdapter, app: Application): HttpModule {
  const router = Router();
  router.post('/', (req, res, next) => {
    if (!ActivityEnvelopeSchema.safeParse(req.body).success) {
      res.status(400).json({ error: 'bad_request', message: 'Expected a Bot Framework activity.' });
      return;
    }
    adapter
      .process(req, res, async (context) => {
        await app.run(context);
      })
      .catch(next);
  });
  return { path: MESSAGES_PATH, router };
}
