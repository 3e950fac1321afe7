import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationDirectory } from '../../../src/channels/teams/conversation-directory.js';
import type { StoredReference } from '../../../src/channels/teams/conversation-directory.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { createSqliteStore } from '../../../src/stores/sqlite/sqlite-store.js';

/**
 * Two PEP Bot instances on one store each have their own directory. What one learns (an
 * install, a removal) the other reads from the store: at once where it asks the store, within
 * the TTL where it answers from what it last read.
 */
const TTL_MS = 15_000;
const DANA = { aadObjectId: 'aad-dana', userId: '29:dana', emails: ['dana@school.example.org'], personalConversationId: 'a:1to1-dana' };
const reference = (id: string, serviceUrl = 'https://smba.trafficmanager.net/uk/'): StoredReference => ({
  serviceUrl,
  channelId: 'msteams',
  conversation: { id, conversationType: 'personal' },
  bot: { id: '28:bot' },
});

let folder: string;
let store: MeetingStore;
let now = 0;
const instance = () => new ConversationDirectory(store, TTL_MS, () => now);

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pep-bot-directory-'));
  store = createSqliteStore({ filename: join(folder, 'pep-bot.sqlite') });
  await store.init();
  now = 1_000_000;
});
afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the Teams conversation directory of two instances on one store', () => {
  it('sees an install made through the other instance within the TTL, and a removal too', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.load(), b.load()]);
    await b.rememberPerson(DANA);
    await b.rememberConversation(reference(DANA.personalConversationId));

    // Asked of the store, at once.
    expect(await a.personByEmail('dana@school.example.org')).toEqual(DANA);
    expect(await a.conversation(DANA.personalConversationId)).toMatchObject({ conversation: { id: DANA.personalConversationId } });
    // Answered from what A last read: not yet, then after the TTL.
    expect(a.reaches('dana@school.example.org')).toBe(false);
    now += TTL_MS;
    a.reaches('dana@school.example.org');
    await a.settled();
    expect(a.reaches('Dana@School.example.org')).toBe(true);

    await b.forgetPersonalChat(DANA.aadObjectId);
    now += TTL_MS;
    a.reaches('dana@school.example.org');
    await a.settled();
    expect(a.reaches('dana@school.example.org')).toBe(false);
  });

  it('writes a conversation again after the TTL, so one the other instance forgot comes back', async () => {
    const a = instance();
    const b = instance();
    await a.rememberConversation(reference('19:chat'));
    await b.forgetConversation('19:chat');
    await a.rememberConversation(reference('19:chat'));
    expect(await a.conversation('19:chat')).toBeUndefined();
    now += TTL_MS;
    await a.rememberConversation(reference('19:chat'));
    expect(await b.conversation('19:chat')).toMatchObject({ conversation: { id: '19:chat' } });
  });
});
