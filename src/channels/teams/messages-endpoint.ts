import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { Router } from 'express';
import type { HttpModule } from '../../server.js';

const MESSAGES_PATH = '/api/messages';

/**
 * POST /api/messages: the adapter authenticates the request (401 without a valid token when an
 * app id is configured), runs the turn, and writes the response (the invoke answer, or 200).
 */
export function messagesEndpoint(adapter: TeamsAdapter, app: Application): HttpModule {
  const router = Router();
  router.post('/', (req, res, next) => {
    adapter
      .process(req, res, async (context) => {
        await app.run(context);
      })
      .catch(next);
  });
  return { path: MESSAGES_PATH, router };
}
