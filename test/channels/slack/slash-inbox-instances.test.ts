import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/channels/slack/instance-presence.js';
import type { SlashCommand } from '../../../src/channels/slack/payloads.js';
import { SlashInbox } from '../../../src/channels/slack/slash-inbox.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { createSqliteStore } from '../../../src/stores/sqlite/sqlite-store.js';
import { captureLog } from '../../server/harness.js';

/**
 * Several PEP Bot processes on one store: a command another process is running is left to it
 * while it lives, and taken over once (by one process only) when it has gone. The other
 * processes are written as they write themselves: their record, and their heartbeat.
 */
const NOW = Date.parse('2026-11-25T10:00:00Z');
const clock = { now: () => new Date(NOW) };

let folder: string;
let store: MeetingStore;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pep-bot-inbox-'));
  store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite'), clock });
  await store.init();
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const command = (id: string): SlashCommand => ({ command: '/pep', text: 'status', user_id: 'U0SAM', channel_id: 'D0SAM', team_id: 'T0TEAM', trigger_id: `trigger.${id}`, response_url: `http://127.0.0.1:9/respond/${id}` });

/** A process on another machine, last heard from `secondsAgo`, that took on command `id` a minute ago. */
async function elsewhere(id: string, secondsAgo: number): Promise<Instance> {
  const by = { id: `process-${id}`, pid: 4242, host: 'another-machine' };
  await store.putValue('instances', by.id, { ...by, seenAt: new Date(NOW - secondsAgo * 1000).toISOString() });
  await store.putValue('slack-inbound', `trigger.${id}`, { state: 'received', receivedAt: new Date(NOW - 60_000).toISOString(), command: command(id), by });
  return by;
}

const startedNow = new Date(NOW);

describe('a slash command inbox shared by several processes', () => {
  it('leaves a command to the live process running it, and takes over one whose process fell silent', async () => {
    await elsewhere('live', 5);
    await elsewhere('silent', 45);
    const inbox = new SlashInbox(store, clock, captureLog().logger);
    const { replay } = await inbox.unfinished(startedNow);
    expect(replay.map((inbound) => inbound.command.trigger_id)).toEqual(['trigger.silent']);
  });

  it('leaves a command this process took on itself, however old', async () => {
    const inbox = new SlashInbox(store, clock, captureLog().logger);
    await inbox.record(command('mine'));
    expect((await inbox.unfinished(new Date(NOW + 60_000))).replay).toEqual([]);
  });

  it('lets only one of two processes looking at once take a command over, and names it on the record', async () => {
    await elsewhere('gone', 120);
    const first = new SlashInbox(store, clock, captureLog().logger);
    const second = new SlashInbox(store, clock, captureLog().logger);
    const [seenByFirst] = (await first.unfinished(startedNow)).replay;
    const [seenBySecond] = (await second.unfinished(startedNow)).replay;
    expect(await Promise.all([first.takeOver(seenByFirst!), second.takeOver(seenBySecond!)])).toEqual([true, false]);
    expect(await store.getValue('slack-inbound', 'trigger.gone')).toMatchObject({ state: 'received', by: first.presence.self });
  });

  it('replays a command from before processes were named only if it was recorded before this start', async () => {
    await store.putValue('slack-inbound', 'trigger.old', { state: 'received', receivedAt: new Date(NOW - 60_000).toISOString(), command: command('old') });
    const inbox = new SlashInbox(store, clock, captureLog().logger);
    expect((await inbox.unfinished(new Date(NOW - 120_000))).replay).toEqual([]);
    expect((await inbox.unfinished(startedNow)).replay.map((inbound) => inbound.command.trigger_id)).toEqual(['trigger.old']);
  });
});
