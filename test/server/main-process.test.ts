import { once } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotProcess } from '../support/bot-process.js';
import { spawnBot } from '../support/bot-process.js';

describe('node src/main.ts', () => {
  let dataDir: string;
  let bot: BotProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pep-main-'));
  });

  afterEach(async () => {
    await bot?.kill9();
    bot = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz on the bound port and exits 0 on SIGTERM, leaving the SQLite file', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });

    const warning = await bot.logLine(/^EMBEDDED STORE: .*MONGODB_URI/);
    expect(warning).toMatchObject({ level: 'warn', store: 'sqlite' });
    const listening = await bot.logLine('listening');
    expect(listening).toMatchObject({ level: 'info', store: 'sqlite', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(listening.url).not.toMatch(/:0$/);

    const response = await fetch(`${String(listening.url)}/healthz`, { headers: { connection: 'close' } });
    expect(await response.json()).toEqual({ status: 'ok' });

    bot.child.kill('SIGTERM');
    const [code] = await bot.exit;
    expect(code).toBe(0);
    expect(await bot.logLine('stopped')).toMatchObject({ level: 'info' });
    expect((await readdir(dataDir)).some((file) => /\.(sqlite3?|db)$/.test(file))).toBe(true);
  });

  it('exits 1 on a second signal while requests are still running', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '600000' });
    const { url } = await bot.logLine('listening');
    const { port } = new URL(String(url));

    // A request whose body never arrives keeps shutdown waiting. The server's "100 Continue"
    // proves it has the request in hand before the signal is sent.
    const socket = connect(Number(port), '127.0.0.1');
    // The bot exits with this socket open, so a reset is the expected ending.
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    socket.write('POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 64\r\nExpect: 100-continue\r\n\r\n');
    const [interim] = (await once(socket, 'data')) as [Buffer];
    expect(interim.toString()).toContain('100 Continue');

    bot.child.kill('SIGTERM');
    await bot.logLine('shutting down: finishing in-flight requests');
    bot.child.kill('SIGTERM');
    const [code] = await bot.exit;
    expect(code).toBe(1);
    socket.destroy();
  });

  it('logs an unhandled rejection and exits 1', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir }, { preload: ['./test/server/fixtures/reject-once-running.ts'] });
    const [code] = await bot.exit;
    expect(code).toBe(1);
    expect(await bot.logLine('unhandled promise rejection')).toMatchObject({
      level: 'fatal',
      err: expect.objectContaining({ message: 'injected fault' }),
    });
  });

  it('exits 1 naming PORT when PORT is not a number, without a stack trace', async () => {
    bot = spawnBot({ PORT: 'abc', DATA_DIR: dataDir });
    const [code] = await bot.exit;
    expect(code).toBe(1);
    expect(bot.stderr()).toContain('PORT must be a whole number from 0 to 65535 (got "abc")');
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });

  it('exits 1 naming DATA_DIR and its path when the store cannot be made there', async () => {
    const notAFolder = path.join(dataDir, 'a-file');
    await writeFile(notAFolder, 'not a folder');
    bot = spawnBot({ PORT: '0', DATA_DIR: path.join(notAFolder, 'data') });
    const [code] = await bot.exit;
    expect(code).toBe(1);
    expect(await bot.logLine(/^the store could not be opened/)).toMatchObject({
      level: 'fatal',
      msg: `the store could not be opened: DATA_DIR (${path.join(notAFolder, 'data')}) must be a folder PEP Bot can create and write to`,
    });
  });

  it('with no app id and no TEAMS_ANONYMOUS, serves no Teams endpoint and says which settings turn it on', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir });
    expect(await bot.logLine(/^Teams is off/)).toMatchObject({ level: 'info', msg: expect.stringMatching(/MICROSOFT_APP_ID.*TEAMS_ANONYMOUS=1/) });
    const { url } = await bot.logLine('listening');
    // Anyone could post this and claim to be anyone: nothing takes it in.
    const activity = { type: 'message', id: 'a1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: '29:anyone', aadObjectId: 'aad-anyone' }, conversation: { id: 'a:anyone' }, text: 'help' };
    const post = await fetch(`${String(url)}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(activity) });
    expect(post.status).toBe(404);
    const ready = await fetch(`${String(url)}/readyz`, { headers: { connection: 'close' } });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ store: 'ok', teams: 'off', slack: 'off', web: 'ok' });
    expect((await fetch(`${String(url)}/privacy`, { headers: { connection: 'close' } })).status).toBe(200);
  });

  it('exits 1 naming TEAMS_ANONYMOUS and PUBLIC_BASE_URL when anonymous Teams would sit behind a public address', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, HOST: '127.0.0.1', PUBLIC_BASE_URL: 'https://pep.example.org', TEAMS_ANONYMOUS: '1' });
    const [code] = await bot.exit;
    expect(code).toBe(1);
    expect(bot.stderr()).toContain('TEAMS_ANONYMOUS=1 (Teams without authentication) is for a local trial only, and PUBLIC_BASE_URL is https://pep.example.org');
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });

  it('says plainly at start-up that Teams takes unauthenticated requests when TEAMS_ANONYMOUS=1', async () => {
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir, TEAMS_ANONYMOUS: '1' });
    expect(await bot.logLine(/^Teams accepts unauthenticated requests: local trial only/)).toMatchObject({ level: 'warn', channel: 'teams' });
    expect(await bot.logLine('channels ready')).toMatchObject({ channels: expect.objectContaining({ teams: 'ok' }) });
  });

  it('reads .env from its working folder: a bad value there stops start-up naming the variable', async () => {
    await writeFile(path.join(dataDir, '.env'), '# copied from .env.example\nTZ_DEFAULT=Mars/Olympus\n');
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir }, { cwd: dataDir });
    const [code] = await bot.exit;
    expect(code).toBe(1);
    expect(bot.stderr()).toContain('TZ_DEFAULT must be an IANA time zone such as Europe/London (got "Mars/Olympus")');
    expect(bot.stderr()).toContain(`from ${path.join(dataDir, '.env')}; the environment wins`);
  });

  it('uses what .env sets, and the environment wins where both set a variable', async () => {
    await writeFile(path.join(dataDir, '.env'), 'PORT=abc\nPUBLIC_BASE_URL=https://pep.example.org\n');
    bot = spawnBot({ PORT: '0', DATA_DIR: dataDir }, { cwd: dataDir });
    const listening = await bot.logLine('listening');
    expect(listening).toMatchObject({ publicBaseUrl: 'https://pep.example.org', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  });
});
