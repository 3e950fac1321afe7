import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import type { HttpModule } from '../../src/server.js';
import { StoreUnavailableError } from '../../src/ports/store-unavailable.js';
import { openStore } from '../../src/stores/open-store.js';
import { startServer } from './harness.js';
import type { RunningServer } from './harness.js';

const echoRouter = express.Router();
echoRouter.post('/echo', (req, res) => {
  const { rawBody } = req as typeof req & { rawBody?: Buffer };
  res.json({ received: req.body as unknown, rawBytes: rawBody?.length });
});
echoRouter.get('/:token', (req, res) => {
  res.json({ tokenLength: req.params.token.length });
});

const testModules: HttpModule[] = [
  { path: '/p', router: echoRouter },
  (app) => {
    app.get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    app.get('/async-boom', async () => {
      await Promise.resolve();
      throw new Error('async failure');
    });
    app.post('/not-saved', async () => {
      await Promise.resolve();
      throw new StoreUnavailableError('SQLite', { cause: Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }) });
    });
  },
];

describe('HTTP server with the embedded store', () => {
  let dataDir: string;
  let store: MeetingStore;
  let running: RunningServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pep-server-'));
    store = await openStore({ mongodbUri: undefined, dataDir });
    await store.init();
    running = await startServer({ store, mount: testModules });
  });

  afterAll(async () => {
    await running?.server.stop();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('GET /healthz says the process is alive', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 when the store answers', async () => {
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: 'ok', storeKind: 'sqlite' });
  });

  it('answers unknown routes with 404 JSON', async () => {
    const response = await fetch(`${running.url}/nowhere?x=1`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
  });

  it('mounts routers under their path and parses JSON bodies, keeping the raw bytes', async () => {
    const body = JSON.stringify({ meetingId: 'm-1', answer: 'accept' });
    const response = await fetch(`${running.url}/p/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { meetingId: 'm-1', answer: 'accept' }, rawBytes: Buffer.byteLength(body) });
  });

  it('refuses JSON bodies over 256kb with 413', async () => {
    const response = await fetch(`${running.url}/p/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(300 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload_too_large' });
  });

  it('accepts JSON bodies just under the limit', async () => {
    const response = await fetch(`${running.url}/p/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(200 * 1024) }),
    });
    expect(response.status).toBe(200);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${running.url}/p/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"meetingId":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'bad_request' });
  });

  it.each(['/boom', '/async-boom'])('turns a failure in %s into 500 JSON without details, and logs it', async (route) => {
    const response = await fetch(`${running.url}${route}`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal_server_error' });
    expect(text).not.toMatch(/hunter2|failure|at /);
    expect(running.records()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'request failed', route, err: expect.objectContaining({ stack: expect.any(String) }) }),
    );
  });

  it('answers a request the store could not write with 503 and Retry-After, so it can be sent again, and logs why', async () => {
    const response = await fetch(`${running.url}/not-saved`, { method: 'POST' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toEqual({ error: 'service_unavailable' });
    expect(running.records()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'request not saved: the store cannot write', route: '/not-saved', err: expect.objectContaining({ message: expect.stringContaining('SQLITE_FULL') }) }),
    );
  });

  it('logs requests at debug by route pattern, never by the URL that may carry a token', async () => {
    await fetch(`${running.url}/p/secret-link-token-0123456789`);
    const lines = running.records().filter((record) => record.msg === 'request');
    expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', method: 'GET', route: '/p/:token', status: 200 }));
    expect(JSON.stringify(running.records())).not.toContain('secret-link-token');
  });
});

describe('GET /readyz when the store is down', () => {
  let running: RunningServer | undefined;

  afterEach(async () => {
    await running?.server.stop();
    running = undefined;
  });

  it('is 503 naming the store kind but not the error', async () => {
    const store: Pick<MeetingStore, 'kind' | 'ping'> = {
      kind: 'mongodb',
      ping: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:27017 user=bot')),
    };
    running = await startServer({ store });
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', store: 'unavailable', storeKind: 'mongodb' });
    expect(running.records()).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'store is not ready', store: 'mongodb' }));
  });

  it('is 503 when the store does not answer in time', async () => {
    const store: Pick<MeetingStore, 'kind' | 'ping'> = { kind: 'sqlite', ping: () => new Promise<void>(() => undefined) };
    running = await startServer({ store });
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', store: 'unavailable', storeKind: 'sqlite' });
  });
});
