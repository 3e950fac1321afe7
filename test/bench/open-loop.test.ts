import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load/run-load.js';
import { slackSignature } from '../../bench/load/load-spec.js';

/**
 * The bench's load generator must not hide queueing: it keeps sending on schedule while nothing
 * has been answered (open loop), and a request left unanswered for 10 s is an error. A server
 * that answers nothing until it holds every request of the run tells the two apart: a closed-loop
 * generator would wait for answers and never get there.
 */
let server: Server;
beforeEach(() => {
  server = createServer();
});
afterEach(() => {
  server.closeAllConnections();
  server.close();
});

const slack = (origin: string, rate: number, durationMs: number) =>
  runLoad({
    origin,
    path: '/slack/events',
    rate,
    durationMs,
    requests: { kind: 'slack-command', signingSecret: 'secret', texts: ['help'], userId: 'U0SAM', userName: 'sam', channelId: 'D0SAM', responseUrlBase: `${origin}/respond/` },
  });

describe('the open-loop load generator', () => {
  it('sends every request of the run while none has been answered, each freshly signed', async () => {
    const held: ServerResponse[] = [];
    const badSignatures: string[] = [];
    server.on('request', (req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const timestamp = Number(req.headers['x-slack-request-timestamp']);
        if (req.headers['x-slack-signature'] !== slackSignature('secret', timestamp, body) || Math.abs(Date.now() / 1000 - timestamp) > 5) badSignatures.push(body);
        held.push(res);
        if (held.length === 20) for (const waiting of held) waiting.end('ok');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const result = await slack(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 20, 1_000);
    expect(result).toMatchObject({ sent: 20, ok: 20, errors: 0, timeouts: 0 });
    expect(badSignatures).toEqual([]);
    // The first request waited for the last to be sent: about the run's length, counted from when it was due.
    expect(result.max).toBeGreaterThanOrEqual(900);
  });

  it('counts a request unanswered after 10 s as a time-out', async () => {
    server.on('request', (req) => req.resume());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const result = await slack(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 2, 1_000);
    expect(result).toMatchObject({ sent: 2, ok: 0, errors: 2, timeouts: 2 });
  }, 30_000);
});
