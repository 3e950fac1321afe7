import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/app/execute-command.js';
import { startWebHarness } from './support/web-harness.js';
import type { PreparedMeeting, WebHarness } from './support/web-harness.js';

/**
 * A link opened once the meeting has moved on: the page says so, and who to contact, before
 * anyone types; there is no form to fill in. A page opened in time and sent late is refused
 * with the same words.
 */
let h: WebHarness;
let prepared: PreparedMeeting;
let invitation: string;
let carerPrompt: string;
let childPrompt: string;
beforeAll(async () => {
  h = await startWebHarness();
  prepared = await h.prepare();
  [invitation, carerPrompt] = h.noticedLinks(prepared.carer.name).map((url) => new URL(url).pathname) as [string, string];
  childPrompt = new URL(h.noticedLinks(prepared.child.name).at(-1)!).pathname;
});
afterAll(async () => h?.close());

const organiserDoes = (command: Record<string, unknown>) => executeCommand(h.deps, { meetingId: prepared.meeting.id, command, actorId: prepared.organiser.id, channel: 'teams' });

async function page(path: string): Promise<string> {
  const response = await fetch(`${h.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

function expectNoForm(html: string): void {
  expect(html).not.toMatch(/<script|<textarea|<input|<button/i);
  expect(html).not.toContain('"verb"');
}

describe('before the meeting', () => {
  it('the same links open their forms', async () => {
    expect(await page(invitation)).toContain('"verb":"rsvp"');
    expect(await page(childPrompt)).toContain('"verb":"prompt.answer"');
  });
});

describe('once the meeting has started', () => {
  beforeAll(async () => {
    await organiserDoes({ type: 'lockAgenda' });
    await organiserDoes({ type: 'startMeeting' });
  });

  it.each([
    ['the carer’s invitation', () => invitation],
    ['the carer’s questions', () => carerPrompt],
  ])('%s says the meeting has started and who to contact, with no form', async (_what, path) => {
    const html = await page(path());
    expect(html).toContain('The meeting has started');
    expect(html).toContain(`contact ${prepared.organiser.name}`);
    expectNoForm(html);
  });

  it('the child’s questions say it to the child, in their words', async () => {
    const html = await page(childPrompt);
    expect(html).toContain('Your meeting has started');
    expect(html).toContain(`Tell ${prepared.organiser.name} or a grown-up you trust`);
    expectNoForm(html);
  });

  it('an answer typed on a page opened in time is refused with the same words, and nothing is saved', async () => {
    const promptId = prepared.meeting.prompts.find((p) => p.kind === 'carer')!.id;
    const typedBefore = await fetch(`${h.url}${carerPrompt}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'prompt.answer', data: { meetingId: prepared.meeting.id, promptId, kind: 'carer' }, inputs: { mood: '4' } }),
    });
    expect(typedBefore.status).toBe(409);
    const { card } = (await typedBefore.json()) as { card: unknown };
    expect(JSON.stringify(card)).toContain('The meeting has started');
    expect(JSON.stringify(card)).toContain('still in the form');
    expect((await h.store.getMeeting(prepared.meeting.id))!.prompts.find((p) => p.kind === 'carer')!.answer).toBeUndefined();
  });
});

describe('once the meeting has finished', () => {
  beforeAll(async () => {
    await organiserDoes({ type: 'setNextReviewDate', date: '2027-03-10' });
    await organiserDoes({ type: 'concludeMeeting' });
  });

  it('says so, and who to contact', async () => {
    const html = await page(invitation);
    expect(html).toContain('The meeting has finished');
    expect(html).toContain(`contact ${prepared.organiser.name}`);
    expectNoForm(html);
  });
});
