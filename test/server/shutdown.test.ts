import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingStore } from '../../src/ports/store.js';
import type { HttpModule } from '../../src/server.js';
import { signal, startServer } from './harness.js';
import type { RunningServer } from './harness.js';

const healthyStore: Pick<MeetingStore, 'kind' | 'ping'> = { kind: 'sqlite', ping: () => Promise.resolve() };

/** A route that holds its request open until the test lets it go. */
function slowRoute() {
  const entered = signal();
  const release = signal();
  const module: HttpModule = (app) => {
    app.get('/slow', async (_req, res) => {
      entered.resolve();
      await release.promise;
      res.json({ finished: true });
    });
  };
  return { module, entered: entered.promise, release: () => release.resolve() };
}

/** Asks the same app on a second listener: the stopping server itself refuses new connections. */
async function readinessOf(running: RunningServer): Promise<{ status: number; body: unknown }> {
  const probe = createServer(running.server.app);
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = probe.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { connection: 'close' } });
    return { status: response.status, body: await response.json() };
  } finally {
    await new Promise((resolve) => probe.close(resolve));
  }
}

describe('graceful shutdown', () => {
  let running: RunningServer | undefined;

  afterEach(async () => {
    await running?.server.stop();
    running = undefined;
  });

  it('lets an in-flight request finish, refuses new connections and reports not ready', async () => {
    const slow = slowRoute();
    running = await startServer({ store: healthyStore, mount: [slow.module] });
    const inFlight = fetch(`${running.url}/slow`);
    await slow.entered;

    const stopped = running.server.stop();

    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    expect(await readinessOf(running)).toEqual({ status: 503, body: { status: 'unavailable', store: 'ok', storeKind: 'sqlite' } });

    slow.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await expect(stopped).resolves.toBeUndefined();
  });

  it('returns the same promise when stop() is called twice', async () => {
    running = await startServer({ store: healthyStore });
    const first = running.server.stop();
    expect(running.server.stop()).toBe(first);
    await first;
  });

  it('cuts requests still running after the shutdown timeout', async () => {
    const slow = slowRoute();
    running = await startServer({ store: healthyStore, mount: [slow.module], shutdownTimeoutMs: 100 });
    const inFlight = fetch(`${running.url}/slow`);
    await slow.entered;

    await running.server.stop();

    await expect(inFlight).rejects.toThrow();
    expect(running.records()).toContainEqual(expect.objectContaining({ level: 'warn', timeoutMs: 100 }));
    slow.release();
  });
});
