import { afterEach, describe, expect, it } from 'vitest';
import { readText } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { SAM, startSlack } from './slack-harness.js';
import { shownOnlyTo, type } from './slack-scenes.js';

/**
 * Answers at a response URL go through the real Bolt receiver to Slack on loopback, which closes
 * the connection on them or answers 500 or 429 first. Under load, such answers were logged and
 * lost; now each is tried again after a short wait and arrives once, and one that never gets
 * through is logged and kept for the next start to answer. (`status` is typed: help is answered
 * in the ack itself.)
 */
let h: SlackHarness;
let expectedErrors: string[] = [];
afterEach(async () => {
  await h.close(expectedErrors);
  expectedErrors = [];
});

const QUICK = { attempts: 4, firstDelayMs: 10, maxDelayMs: 50 };
const retried = () => h.logs().filter((r) => r.msg === 'slack answer not taken at the response_url yet: trying again');

describe('an answer Slack did not take at the response URL', () => {
  it('is tried again after a reset connection, a 500 and a 429, and arrives once', async () => {
    h = await startSlack({ respondRetry: QUICK });
    h.stub.failResponses('reset', { status: 500 }, { status: 429, retryAfterSeconds: 1 });
    const typed = await type(h, SAM, 'D0SAM', 'status');
    expect(typed.answer.status).toBe(200);
    await h.settle();

    expect(shownOnlyTo(h, typed.responseId).map((r) => readText(r.blocks))).toEqual([expect.stringContaining('You are not part of any PEP meeting')]);
    expect(h.stub.responseAttempts.filter((a) => a.id === typed.responseId).map((a) => a.failed ?? 'taken')).toEqual(['reset', { status: 500 }, { status: 429, retryAfterSeconds: 1 }, 'taken']);
    expect(retried().map((r) => [r.attempt, r.retryInMs])).toEqual([
      [1, 10],
      [2, 20],
      // Slack's Retry-After (1 s), within the longest wait allowed.
      [3, 50],
    ]);
    expect(retried()[0]!.reason).toMatch(/could not be reached/);
    // Answered: a restart would not answer it again.
    expect(await h.store.getValue('slack-inbound', typed.triggerId)).toMatchObject({ state: 'done' });
  });

  it('that never gets through is logged after the last attempt and kept for the next start to answer', async () => {
    h = await startSlack({ respondRetry: QUICK });
    h.stub.failResponses({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const typed = await type(h, SAM, 'D0SAM', 'status');
    await h.settle();

    expect(shownOnlyTo(h, typed.responseId)).toEqual([]);
    expect(h.stub.responseAttempts.filter((a) => a.id === typed.responseId)).toHaveLength(4);
    const lost = h.logs().find((r) => r.msg === 'the answer could not be shown in Slack (the request itself was applied)');
    expect(JSON.stringify(lost)).toContain('gave up after 4 attempts');
    expect(await h.store.getValue('slack-inbound', typed.triggerId)).toMatchObject({ state: 'received' });
    expectedErrors = ['the answer could not be shown in Slack (the request itself was applied)'];
  });

  it('refused for good (404: the URL expired) is not tried again', async () => {
    h = await startSlack({ respondRetry: QUICK });
    h.stub.failResponses({ status: 404 });
    const typed = await type(h, SAM, 'D0SAM', 'status');
    await h.settle();
    expect(h.stub.responseAttempts.filter((a) => a.id === typed.responseId)).toHaveLength(1);
    expect(retried()).toEqual([]);
    expectedErrors = ['the answer could not be shown in Slack (the request itself was applied)'];
  });
});
