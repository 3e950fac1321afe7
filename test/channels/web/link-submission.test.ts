import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/app/execute-command.js';
import { CHILD, startWebHarness } from './support/web-harness.js';
import type { PreparedMeeting, WebHarness } from './support/web-harness.js';

/** POST /p/:token as the page sends it: { verb, data, inputs } as JSON. */
let h: WebHarness;
let prepared: PreparedMeeting;
beforeEach(async () => {
  h = await startWebHarness();
  prepared = await h.prepare();
});
afterEach(async () => h?.close());

const carerPromptPath = () => new URL(h.noticedLinks(prepared.carer.name)[1]!).pathname;
const carerPrompt = () => prepared.meeting.prompts.find((p) => p.kind === 'carer')!;
const pressData = () => ({ meetingId: prepared.meeting.id, promptId: carerPrompt().id, kind: 'carer' });
const answer = (inputs: Record<string, string>, data: Record<string, unknown> = pressData()) => ({ verb: 'prompt.answer', data, inputs });

async function post(path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${h.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, card: (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}).card };
}
const stored = async () => (await h.store.getMeeting(prepared.meeting.id))!;

describe('a saved answer', () => {
  it('is stored as the link’s person, through the web, and shows a confirmation', async () => {
    const reply = await post(carerPromptPath(), answer({ mood: '4', toRaise: 'Bedtimes', freeText: '' }));
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.card)).toContain('This link has now done its job');
    const prompt = (await stored()).prompts.find((p) => p.id === carerPrompt().id)!;
    expect(prompt.answer).toEqual({ kind: 'carer', mood: 4, toRaise: 'Bedtimes' });
    const audit = await h.store.auditTrail(prepared.meeting.id);
    expect(audit.slice(-2).map((e) => [e.type, e.actorId, e.channel])).toEqual([
      ['answerPrompt', prepared.carer.id, 'web'],
      ['useLink', prepared.carer.id, 'web'],
    ]);
  });

  it('spends a single-use link: the page and a second answer are refused', async () => {
    expect((await post(carerPromptPath(), answer({ mood: '4' }))).status).toBe(200);
    const again = await post(carerPromptPath(), answer({ mood: '1' }));
    expect(again.status).toBe(410);
    expect(JSON.stringify(again.card)).toContain('This link has already been used');
    expect((await stored()).prompts.find((p) => p.id === carerPrompt().id)!.answer).toMatchObject({ mood: 4 });
    expect((await fetch(`${h.url}${carerPromptPath()}`)).status).toBe(410);
  });

  it('updates the organiser’s attendance card with the carer’s answers, after the reply', async () => {
    await post(carerPromptPath(), answer({ mood: '2', toRaise: 'Bedtimes have been hard.' }));
    await h.settle();
    const summary = h.teams.sent.filter((s) => s.card.name === 'attendance-summary').at(-1)!;
    expect(summary.to).toBe(prepared.organiser.id);
    expect(summary.card.data).toMatchObject({ carerAnswers: [{ name: prepared.carer.name, mood: 2, toRaise: 'Bedtimes have been hard.' }] });
  });

  it('answers an invitation through its link, and the organiser sees it', async () => {
    const invitation = new URL(h.noticedLinks(prepared.carer.name)[0]!).pathname;
    const reply = await post(invitation, { verb: 'rsvp', data: { meetingId: prepared.meeting.id, participantId: prepared.carer.id, answer: 'accept' }, inputs: { note: 'I will bring the reading log.' } });
    expect(reply.status).toBe(200);
    expect((await stored()).participants.find((p) => p.id === prepared.carer.id)!.rsvp).toMatchObject({ answer: 'accept', note: 'I will bring the reading log.' });
    await h.settle();
    expect(h.teams.latest('attendance-summary')!.data).toMatchObject({ participants: expect.arrayContaining([expect.objectContaining({ name: prepared.carer.name, answer: 'accept' })]) });
  });
});

describe('a refused answer', () => {
  it('is a 422 that lists what to fix, saves nothing and leaves the link working', async () => {
    const reply = await post(carerPromptPath(), answer({ mood: 'seven', toRaise: 'kept' }));
    expect(reply.status).toBe(422);
    expect(JSON.stringify(reply.card)).toContain('Your answer is not saved yet');
    expect(JSON.stringify(reply.card)).toContain('Everything you typed is still in the form below.');
    expect((await stored()).prompts.find((p) => p.id === carerPrompt().id)!.answer).toBeUndefined();
    expect((await post(carerPromptPath(), answer({ mood: '3' }))).status).toBe(200);
  });

  it('never shows a carer the reference code that professionals quote to support', async () => {
    const invitation = new URL(h.noticedLinks(prepared.carer.name)[0]!).pathname;
    const meetingId = prepared.meeting.id;
    const unreadable = await post(carerPromptPath(), answer({ mood: 'seven' }));
    // The meeting starts while the carer's invitation is still open: the late answer is refused.
    for (const type of ['lockAgenda', 'startMeeting'] as const) await executeCommand(h.deps, { meetingId, command: { type }, actorId: prepared.organiser.id, channel: 'teams' });
    const late = await post(invitation, { verb: 'rsvp', data: { meetingId, participantId: prepared.carer.id, answer: 'accept' }, inputs: { note: '' } });
    const unknownLink = await post(`/p/${'x'.repeat(43)}`, answer({ mood: '4' }));
    expect([unreadable.status, late.status, unknownLink.status]).toEqual([422, 409, 404]);
    expect(JSON.stringify(late.card)).toContain('Your answer was not saved.');
    for (const reply of [late, unreadable, unknownLink]) expect(JSON.stringify(reply.card)).not.toContain('Reference:');
  });

  it('refuses anything but JSON, so no cross-site form can post', async () => {
    const form = await post(carerPromptPath(), 'mood=4', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const plain = await post(carerPromptPath(), JSON.stringify(answer({ mood: '4' })), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect((await stored()).prompts.find((p) => p.id === carerPrompt().id)!.answer).toBeUndefined();
  });

  it('refuses a request the browser says is cross-site', async () => {
    const reply = await post(carerPromptPath(), answer({ mood: '4' }), { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(reply.status).toBe(403);
  });

  it('refuses a press that is not on this link’s card: another item, another verb, another meeting', async () => {
    const child = prepared.meeting.prompts.find((p) => p.kind === 'child_voice')!;
    for (const body of [
      answer({ mood: '4' }, { ...pressData(), promptId: child.id }),
      answer({ mood: '4' }, { ...pressData(), meetingId: 'another-meeting' }),
      { verb: 'agenda.lock', data: { meetingId: prepared.meeting.id }, inputs: {} },
      { verb: 'prompt.answer', data: pressData(), inputs: { mood: 4 } },
    ]) {
      const reply = await post(carerPromptPath(), body);
      expect(reply.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    }
    expect((await stored()).prompts.every((p) => p.answer === undefined)).toBe(true);
  });

  it('takes only the card’s own inputs: anything else in the post is dropped', async () => {
    const reply = await post(carerPromptPath(), answer({ mood: '5', feeling: '1', participantId: prepared.organiser.id }));
    expect(reply.status).toBe(200);
    expect((await stored()).prompts.find((p) => p.id === carerPrompt().id)!.answer).toEqual({ kind: 'carer', mood: 5 });
  });

  it('answers a bad token with the same card as any unusable link, and nothing about the meeting', async () => {
    const reply = await post(`/p/${'x'.repeat(43)}`, answer({ mood: '4' }));
    expect(reply.status).toBe(404);
    for (const secret of [CHILD.initials, CHILD.ref, prepared.meeting.id, prepared.carer.name]) expect(reply.text).not.toContain(secret);
  });
});

describe('logs', () => {
  it('carry route patterns and ids, never a token, a name or an answer', async () => {
    const path = carerPromptPath();
    await fetch(`${h.url}${path}`);
    await post(path, answer({ mood: '4', toRaise: 'Secret worry about bedtimes' }));
    await h.settle();
    const lines = JSON.stringify(h.running.records());
    expect(lines).toContain('"route":"/p/:token"');
    for (const secret of [path.split('/p/')[1]!, 'Secret worry about bedtimes', prepared.carer.name, prepared.carer.email!, CHILD.fullName]) expect(lines).not.toContain(secret);
  });
});
