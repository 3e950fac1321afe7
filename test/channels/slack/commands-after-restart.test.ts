import { afterEach, describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../../src/channels/slack/payloads.js';
import { SlashInbox } from '../../../src/channels/slack/slash-inbox.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { NOW } from '../../domain/scenario.js';
import { captureLog } from '../../server/harness.js';
import type { SlackApiStub } from './slack-api-stub.js';
import { readText } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { SAM, startSlack } from './slack-harness.js';
import { shownOnlyTo, type } from './slack-scenes.js';

/**
 * A /pep command is written down before Slack gets its ack, so a command a crash cut short is
 * answered when the bot starts again, while Slack still takes answers at its response URL (30
 * minutes). The kill -9 itself is in test/faults/slash-command-burst.test.ts; here the channel
 * starts on a store an earlier run left commands in, recorded as the channel records them.
 */
let h: SlackHarness;
let expectedErrors: string[] = [];
afterEach(async () => {
  await h.close(expectedErrors);
  expectedErrors = [];
});

const MINUTE = 60_000;

function typedBefore(stub: SlackApiStub, id: string, text: string): SlashCommand {
  return { command: '/pep', text, user_id: SAM.id, channel_id: 'D0SAM', team_id: 'T0TEAM', trigger_id: `trigger.${id}`, response_url: stub.responseUrl(id) };
}

/** Records each command as the channel would have, `minutesAgo` before the bot's now. */
const recordedEarlier =
  (commands: Array<{ id: string; text: string; minutesAgo: number }>) =>
  async (store: MeetingStore, stub: SlackApiStub): Promise<void> => {
    for (const { id, text, minutesAgo } of commands) {
      const inbox = new SlashInbox(store, { now: () => new Date(Date.parse(NOW) - minutesAgo * MINUTE) }, captureLog().logger);
      await inbox.record(typedBefore(stub, id, text));
    }
  };

describe('slash commands a restart cut short', () => {
  it('answers each one still within Slack\'s 30 minutes, once, at its own response URL', async () => {
    h = await startSlack({ before: recordedEarlier([{ id: 'help-early', text: 'help', minutesAgo: 29 }, { id: 'status-late', text: 'status', minutesAgo: 1 }]) });
    await h.settle();
    expect(shownOnlyTo(h, 'help-early').map((r) => readText(r.blocks))).toEqual([expect.stringContaining('/pep action')]);
    expect(shownOnlyTo(h, 'status-late').map((r) => r.body.response_type)).toEqual(['ephemeral']);
    expect(h.logs().find((r) => r.msg === 'slash commands cut short by a restart')).toMatchObject({ replaying: 2, abandoned: 0 });
  });

  it('logs one too old to answer as abandoned, without what was typed or where to answer, and forgets it', async () => {
    h = await startSlack({ before: recordedEarlier([{ id: 'too-old', text: 'note Jo said her tutor is Mr Reid', minutesAgo: 31 }]) });
    await h.settle();
    expect(h.stub.responses).toEqual([]);
    const abandoned = h.logs().filter((r) => r.msg === 'slash command abandoned: cut short by a restart, and too old for Slack to take an answer');
    expect(abandoned).toEqual([expect.objectContaining({ level: 'warn', userId: SAM.id, conversationId: 'D0SAM', verb: 'note' })]);
    expect(JSON.stringify(h.logs())).not.toMatch(/Reid|Jo said|respond\/too-old/);
    expect(await h.store.listValues('slack-inbound', '')).toEqual([]);
  });

  it('is not answered again at the next start once answered', async () => {
    h = await startSlack({ before: recordedEarlier([{ id: 'once', text: 'status', minutesAgo: 2 }]) });
    await h.settle();
    expect(await h.store.listValues('slack-inbound', '')).toEqual([expect.objectContaining({ key: 'trigger.once', value: expect.objectContaining({ state: 'done' }) })]);
    // The same request again (as a replay within Slack's window would send it) is not run twice either.
    const again = await type(h, SAM, 'D0SAM', 'status', { triggerId: 'trigger.once' });
    await h.settle();
    expect(again.answer.status).toBe(200);
    expect(shownOnlyTo(h, again.responseId)).toEqual([]);
    expect(shownOnlyTo(h, 'once')).toHaveLength(1);
  });

  it('forgets an answered command once Slack could no longer send it again', async () => {
    h = await startSlack({
      before: async (store, stub) => {
        const inbox = new SlashInbox(store, { now: () => new Date(Date.parse(NOW) - 40 * MINUTE) }, captureLog().logger);
        await inbox.done((await inbox.record(typedBefore(stub, 'long-ago', 'help')))!);
      },
    });
    await type(h, SAM, 'D0SAM', 'status', { triggerId: 'trigger.now' });
    await h.settle();
    expect((await h.store.listValues('slack-inbound', '')).map((entry) => entry.key)).toEqual(['trigger.now']);
  });

  it('asks for /pep new again: the form\'s trigger lasted three seconds', async () => {
    h = await startSlack({ before: recordedEarlier([{ id: 'new', text: 'new', minutesAgo: 1 }]) });
    await h.settle();
    expect(h.stub.callsOf('views.open')).toEqual([]);
    expect(shownOnlyTo(h, 'new').map((r) => readText(r.blocks))).toEqual([expect.stringContaining('Type /pep new again')]);
  });
});

describe('a slash command that cannot be written down', () => {
  it('is answered in the ack itself that nothing was done, with what was typed', async () => {
    h = await startSlack({
      appStore: (store) =>
        new Proxy(store, {
          get(target, property, receiver) {
            if (property === 'claimValue') return () => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
            return Reflect.get(target, property, receiver) as unknown;
          },
        }),
    });
    expectedErrors = ['a slash command could not be recorded: the person was told nothing was done'];
    const typed = await type(h, SAM, 'D0SAM', 'note Jo settled well');
    await h.settle();
    expect(typed.answer.status).toBe(200);
    const ack = JSON.parse(typed.answer.body) as { response_type: string; blocks: Parameters<typeof readText>[0] };
    expect(ack.response_type).toBe('ephemeral');
    expect(readText(ack.blocks)).toContain('note Jo settled well');
    expect(shownOnlyTo(h, typed.responseId)).toEqual([]);
  });
});
