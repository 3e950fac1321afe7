import { randomBytes } from 'node:crypto';
import { Pool, errors as undiciErrors } from 'undici';
import type { LoadResult, LoadSpec } from './load-spec.js';
import { buildRequest } from './load-spec.js';

/**
 * The open-loop load generator, run in its own process (bench/load/run-load.ts starts it) so it
 * never shares an event loop with the server under test. Request i is due at start + i/rate and
 * is sent then whatever earlier requests are doing, so a slow server meets a growing queue
 * instead of a politely waiting client; latency is counted from the time a request was due (not
 * from when it left), so a late send cannot hide queueing either. No answer within 10 s is a
 * time-out, counted as an error.
 *
 * Why not a packaged generator: Artillery (open-loop arrivalRate, beforeRequest hooks) pulls in
 * the AWS and Azure SDKs and a Playwright browser download, which does not install here, and its
 * virtual-user engine costs more CPU than this 2-core machine can spare beside the server;
 * autocannon is closed-loop (a fixed number of connections each waiting for its answer), which
 * is exactly the queueing-hiding behaviour this bench must avoid. undici (Node's own HTTP client)
 * with a pool larger than any backlog the time-out allows keeps the schedule honest.
 *
 * Input: the LoadSpec as JSON on stdin. Output: one LoadResult as JSON on stdout.
 */
const TIMEOUT_MS = 10_000;
const input: string[] = [];
for await (const chunk of process.stdin.setEncoding('utf8')) input.push(chunk as string);
const spec = JSON.parse(input.join('')) as LoadSpec;
const runId = randomBytes(3).toString('hex');
const total = Math.max(1, Math.round((spec.rate * spec.durationMs) / 1000));
const latencies: number[] = [];
const errorSamples: string[] = [];
let ok = 0;
let errors = 0;
let timeouts = 0;
let maxSendLagMs = 0;
// Every request the time-out allows to be outstanding gets its own connection: none waits in the pool.
const pool = new Pool(spec.origin, { connections: Math.ceil(spec.rate * (TIMEOUT_MS / 1000)) + 16, pipelining: 1, keepAliveTimeout: 30_000 });

const sampleError = (text: string) => {
  if (errorSamples.length < 5) errorSamples.push(text.slice(0, 300));
};

async function send(n: number, dueAt: number): Promise<void> {
  const { headers, body } = buildRequest(spec.requests, n, runId);
  try {
    const response = await pool.request({ path: spec.path, method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.body.text();
    latencies.push(performance.now() - dueAt);
    if (response.statusCode >= 200 && response.statusCode < 300) ok += 1;
    else {
      errors += 1;
      sampleError(`${response.statusCode} ${text}`);
    }
  } catch (error) {
    errors += 1;
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError' || error instanceof undiciErrors.RequestAbortedError) {
      timeouts += 1;
      latencies.push(TIMEOUT_MS);
    } else sampleError(String(error));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const start = performance.now() + 20;
  const interval = 1000 / spec.rate;
  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes out now, even if the timer fired late.
      while (next < total && start + next * interval <= now) {
        const dueAt = start + next * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - dueAt);
        inFlight.push(send(next, dueAt));
        next += 1;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  await pool.close();
  const sorted = latencies.sort((a, b) => a - b);
  const result: LoadResult = {
    sent: total,
    ok,
    errors,
    timeouts,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    maxSendLagMs,
    errorSamples,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
