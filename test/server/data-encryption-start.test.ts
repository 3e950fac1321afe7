import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROTATION_NAMESPACE, rotateDataKeys } from '../../src/app/data-protection/rotate-data-keys.js';
import { createLogger } from '../../src/observability/logger.js';
import type { DataKey } from '../../src/stores/encryption/data-keys.js';
import { formatDataKeys, KEY_FILE_NAME } from '../../src/stores/encryption/data-keys.js';
import { openStore } from '../../src/stores/open-store.js';
import type { BotProcess } from '../support/bot-process.js';
import { spawnBot } from '../support/bot-process.js';
import { aMeeting, anAuditEvent } from '../support/meeting-fixture.js';

const CHILD_VIEW = 'I want to stay at Riverside with my friends';
const key = (id: string): DataKey => ({ id, key: randomBytes(32) });
const silent = createLogger({ level: 'silent' });

describe('free text at rest in the embedded store', () => {
  let dataDir: string;
  let bot: BotProcess | undefined;
  const sqliteFile = (): string => path.join(dataDir, 'pep-bot.sqlite');
  const fileText = (): string => [sqliteFile(), `${sqliteFile()}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('\n');

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pep-enc-'));
  });

  afterEach(async () => {
    await bot?.kill9();
    bot = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  const meeting = aMeeting({ prompts: [{ id: 'pr1', kind: 'child_voice', participantId: 'p-carer', sentAt: '2026-03-02T09:00:00Z', answer: { kind: 'child_voice', feeling: 4, want: CHILD_VIEW } }] });

  it('is unreadable in the SQLite file without the key, and readable with it after a rotation', async () => {
    const first = key('k1');
    const written = await openStore({ dataDir, dataKeys: [first] });
    await written.init();
    await written.createMeeting(meeting, { events: [anAuditEvent(meeting.id, { type: 'answerPrompt', data: { want: CHILD_VIEW } })] });
    await written.close();
    expect(fileText()).not.toContain(CHILD_VIEW);

    // Without the key that wrote it, the store will not even open.
    const stranger = await openStore({ dataDir, dataKeys: [key('k9')] });
    await expect(stranger.init()).rejects.toThrow(/"k1"/);
    await stranger.close();

    const second = key('k2');
    const rotating = await openStore({ dataDir, dataKeys: [second, first] });
    await rotating.init();
    expect(await rotateDataKeys({ store: rotating, logger: silent, pageSize: 1 })).toBe(1);
    expect(await rotateDataKeys({ store: rotating, logger: silent })).toBe(0);
    await rotating.close();
    const afterRotation = fileText();
    expect(afterRotation).not.toContain(CHILD_VIEW);
    expect(afterRotation).toContain('enc:v1:k2:');

    const restarted = await openStore({ dataDir, dataKeys: [second, first] });
    await restarted.init();
    expect(await restarted.getMeeting(meeting.id)).toStrictEqual(meeting);
    expect((await restarted.auditTrail(meeting.id))[0]?.data).toStrictEqual({ want: CHILD_VIEW });
    await restarted.close();
  });

  it('resumes a rotation stopped part way where it got to, and rewrites each record once', async () => {
    const first = key('k1');
    const store = await openStore({ dataDir, dataKeys: [first] });
    await store.init();
    const meetings = [aMeeting(), aMeeting(), aMeeting()];
    for (const m of meetings) await store.createMeeting(m, { events: [] });
    await store.close();

    const rotating = await openStore({ dataDir, dataKeys: [key('k2'), first] });
    await rotating.init();
    let pages = 0;
    // Stops after its first page, as a bot being shut down would.
    expect(await rotateDataKeys({ store: rotating, logger: silent, pageSize: 1, stopping: () => pages++ >= 1 })).toBe(1);
    expect(await rotating.getValue(ROTATION_NAMESPACE, 'rotation')).toEqual({ keyId: 'k2', records: 'meetings', after: meetings[0]!.id, done: false });
    expect(await rotateDataKeys({ store: rotating, logger: silent, pageSize: 1 })).toBe(2);
    expect(await rotating.getValue(ROTATION_NAMESPACE, 'rotation')).toMatchObject({ keyId: 'k2', done: true });
    for (const m of meetings) expect(await rotating.getMeeting(m.id)).toStrictEqual(m);
    await rotating.close();
  });

  it('rotates in the background when the bot starts with a new first key', async () => {
    const first = key('k1');
    const written = await openStore({ dataDir, dataKeys: [first] });
    await written.init();
    await written.createMeeting(meeting, { events: [] });
    await written.close();

    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: formatDataKeys([key('k2'), first]) });
    await bot.logLine('data encryption: rewriting stored free text under the current key');
    expect(await bot.logLine('data encryption: every meeting and child is under the current key')).toMatchObject({ keyId: 'k2', rewritten: 1 });
    bot.child.kill('SIGTERM');
    expect((await bot.exit)[0]).toBe(0);
    const text = fileText();
    expect(text).toContain('enc:v1:k2:');
    expect(text).not.toContain(CHILD_VIEW);
  });

  it('makes an owner-only key file on the first start with no settings, and says so', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir });
    const made = await bot.logLine(/^DATA ENCRYPTION KEY: made a new key/);
    expect(made).toMatchObject({ level: 'warn', file: path.join(dataDir, KEY_FILE_NAME) });
    await bot.logLine('data encryption: every meeting and child is under the current key');
    await bot.logLine('listening');
    expect(statSync(path.join(dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const keyText = readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8').trim();
    expect(bot.lines().join('\n')).not.toContain(keyText.split(':')[1]);
    bot.child.kill('SIGTERM');
    expect((await bot.exit)[0]).toBe(0);
  });

  it('stops at start-up, naming the key id and never the key, when the configured key is not the one that wrote the data', async () => {
    const written = await openStore({ dataDir, dataKeys: [key('k1')] });
    await written.init();
    await written.createMeeting(meeting, { events: [] });
    await written.close();

    const wrong = key('k1');
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: formatDataKeys([wrong]) });
    const [code] = await bot.exit;
    expect(code).toBe(1);
    const fatal = bot.records().find((record) => record.level === 'fatal' || record.level === 60);
    expect(String(fatal?.msg)).toMatch(/"k1" cannot decrypt/);
    expect(bot.lines().join('\n') + bot.stderr()).not.toContain(wrong.key.toString('base64'));
  });
});
