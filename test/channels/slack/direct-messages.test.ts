import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCallback } from './signed-requests.js';
import { readText } from './slack-api-stub.js';
import type { Block } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { SAM, startSlack } from './slack-harness.js';
import { createMeeting, type } from './slack-scenes.js';

/**
 * The Messages tab: what someone types to PEP Bot in its DM is answered there, as the Teams 1:1
 * chat answers it, through the real Bolt receiver with signed events.
 */
let h: SlackHarness;
beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

const SAMS_DM = 'D0SAM';
let sequence = 0;
const typedInDm = (text: string, extra: Record<string, unknown> = {}, eventId = `Ev0DM${++sequence}`) =>
  eventCallback(eventId, { type: 'message', channel_type: 'im', channel: SAMS_DM, user: SAM.id, text, ts: `1700000000.00${sequence}`, event_ts: `1700000000.00${sequence}`, ...extra });
const repliesInDm = () => h.stub.posted(SAMS_DM).map((call) => readText(call.args.blocks as Block[]));

async function say(text: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const before = h.stub.posted(SAMS_DM).length;
  const answer = await h.slack.event(typedInDm(text, extra));
  expect(answer.status).toBe(200);
  await h.settle();
  return repliesInDm().slice(before);
}

describe('a message typed to PEP Bot in its DM', () => {
  it('is answered there with the same commands as Teams, without /pep', async () => {
    await createMeeting(h);
    const [status] = await say('status');
    expect(status).toContain('PEP meeting for JD (PEP-2026-0042)');
    const [help] = await say('help');
    expect(help).toContain('Things you can type');
    expect(help).not.toContain('/pep status');
  });

  it('answers what it cannot read with the command list, keeping what was typed', async () => {
    const [unsure] = await say('what happens next?');
    expect(unsure).toContain('I did not understand that');
    expect(unsure).toContain('what happens next?');
  });

  it('points to /pep new for the meeting form, which only the slash command can open', async () => {
    const [told] = await say('new');
    expect(told).toContain('Type /pep new to create a meeting');
  });

  it('answers a retried event once, and ignores its own messages and edits', async () => {
    const event = typedInDm('help', {}, 'Ev0DMRETRY');
    await h.slack.event(event);
    await h.slack.event(event, { retryNum: 1 });
    await h.settle();
    expect(repliesInDm()).toHaveLength(1);
    expect(await say('status', { bot_id: 'B0PEPBOT' })).toEqual([]);
    expect(await say('status', { subtype: 'message_changed' })).toEqual([]);
  });
});

describe('/pep link in a private channel PEP Bot was not added to', () => {
  it('tells the organiser how to add the bot, and posts nothing there', async () => {
    await createMeeting(h);
    // Slack refuses every post there: the announcement, and the agenda the link queued.
    h.stub.failNext('chat.postMessage', { error: 'channel_not_found' });
    h.stub.failNext('chat.postMessage', { error: 'channel_not_found' });
    const typed = await type(h, SAM, 'G0PRIVATE', 'link PEP-2026-0042');
    await h.settle();
    const told = h.stub.respondedTo(typed.responseId).map((body) => ({ ephemeral: body.response_type === 'ephemeral', text: readText(body.blocks as Block[]) }));
    expect(told).toEqual([{ ephemeral: true, text: expect.stringContaining('type /invite @PEP Bot, then /pep link PEP-2026-0042 again') }]);
    expect(h.stub.posted('G0PRIVATE').filter((call) => call.result?.ok)).toEqual([]);
  });

  it('says the same when Slack answers not_in_channel; once invited, linking again posts the agenda', async () => {
    await createMeeting(h);
    h.stub.failNext('chat.postMessage', { error: 'not_in_channel' });
    const first = await type(h, SAM, 'G0PRIVATE', 'link PEP-2026-0042');
    await h.settle();
    expect(readText(h.stub.respondedTo(first.responseId)[0]!.blocks as Block[])).toContain('Add PEP Bot to this channel');
    await type(h, SAM, 'G0PRIVATE', 'link PEP-2026-0042');
    await h.settle();
    const posted = h.stub.posted('G0PRIVATE').filter((call) => call.result?.ok).map((call) => readText(call.args.blocks as Block[]));
    expect(posted.some((text) => text.includes('This is now the meeting chat'))).toBe(true);
    expect(posted.some((text) => text.startsWith('PEP meeting agenda'))).toBe(true);
  });
});

describe('reminders on an installed Slack app', () => {
  it('lists when each goes, but previews only on a local trial run', async () => {
    await createMeeting(h);
    const listed = await type(h, SAM, SAMS_DM, 'reminders');
    await h.settle();
    expect(readText(h.stub.respondedTo(listed.responseId)[0]!.blocks as Block[])).toContain('Friday 27 November 2026 at 09:00');
    const previewed = await type(h, SAM, SAMS_DM, 'reminders preview');
    await h.settle();
    expect(readText(h.stub.respondedTo(previewed.responseId)[0]!.blocks as Block[])).toContain('Reminder previews are for trying PEP Bot on your own machine');
    expect(JSON.stringify(h.stub.calls)).not.toContain('Preview —');
  });
});
