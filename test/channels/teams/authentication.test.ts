import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { execute, installed, message } from './support/activities.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { DANA, MEETING_CHAT, SAM, startTeamsHarness } from './support/teams-harness.js';
import type { TokenIssuer } from './support/token-issuer.js';
import { startTokenIssuer } from './support/token-issuer.js';

/**
 * What reached the terminal outside the logger: botbuilder writes with console.error. Watched from
 * before the channel starts, as a process's console is.
 */
const terminal: string[] = [];
const keep = (...args: unknown[]) => void terminal.push(args.map(String).join(' '));

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    terminal.push(String(chunk));
    return true;
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});
beforeEach(() => {
  terminal.length = 0;
});

/**
 * With an app id configured, botbuilder's CloudAdapter checks the Bot Framework JWT on every
 * request before any of our code runs. The signing keys come from a loopback stand-in, so the
 * real validation runs offline.
 */
const APP_ID = '11111111-1111-4111-8111-111111111111';
let teams: TeamsHarness;
let issuer: TokenIssuer;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  teams = await startTeamsHarness({
    config: { mode: 'authenticated', appId: APP_ID, appPassword: 'not-a-real-secret', appType: 'SingleTenant', tenantId: '22222222-2222-4222-8222-222222222222' },
    endpoints: { channelOpenIdMetadataUrl: issuer.metadataUrl },
  });
});
afterAll(async () => {
  await teams.close();
  await issuer.close();
});

const inChat = () => ({ serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const refusals = () => teams.logs().filter((line) => line.msg === 'refused a request without a valid Bot Framework token');

describe('inbound authentication with an app id configured', () => {
  it('refuses a request without a token with 401, and changes nothing', async () => {
    const answer = await teams.post(installed(SAM, { serviceUrl: teams.connector.serviceUrl }));
    expect(answer.status).toBe(401);
    const forged = await teams.post(message(SAM, inChat(), 'link PEP-2026-0042'), bearer('not.a.jwt'));
    expect(forged.status).toBe(401);
    expect(await teams.store.listValues('teams-conversation', '')).toEqual([]);
    expect(await teams.store.listValues('teams-person', '')).toEqual([]);
    expect(teams.connector.calls).toEqual([]);
  });

  it('logs each refusal as one line through the redacting logger, and writes nothing to stderr', async () => {
    const before = refusals().length;
    const token = issuer.token({ audience: APP_ID, serviceUrl: teams.connector.serviceUrl }, issuer.strangerKey);
    const answers = await Promise.all([
      teams.post(installed(SAM, { serviceUrl: teams.connector.serviceUrl })),
      teams.post(message(SAM, inChat(), 'status'), bearer('not.a.jwt')),
      teams.post(message(DANA, inChat(), 'status'), bearer(token)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
    expect(terminal).toEqual([]);
    const logged = refusals().slice(before);
    expect(logged).toHaveLength(3);
    for (const line of logged) {
      expect(line).toMatchObject({ level: 'warn', channel: 'teams' });
      expect(JSON.stringify(line)).not.toMatch(/stack|not\.a\.jwt|Sam Social|Dana Teacher/);
    }
  });

  it('refuses a token signed with a key the Bot Framework does not publish', async () => {
    const token = issuer.token({ audience: APP_ID, serviceUrl: teams.connector.serviceUrl }, issuer.strangerKey);
    const answer = await teams.post(message(DANA, inChat(), 'status'), bearer(token));
    expect(answer.status).toBe(401);
    expect(await teams.store.listValues('teams-conversation', '')).toEqual([]);
  });

  it('refuses a valid token issued for another bot', async () => {
    const token = issuer.token({ audience: '33333333-3333-4333-8333-333333333333', serviceUrl: teams.connector.serviceUrl });
    expect((await teams.post(message(DANA, inChat(), 'status'), bearer(token))).status).toBe(401);
  });

  it('accepts a properly signed token for this bot', async () => {
    // Known already, so the turn makes no outbound call (that would need a real Entra token).
    await teams.store.putValue('teams-person', `aad:${DANA.aadObjectId}`, { aadObjectId: DANA.aadObjectId, userId: DANA.id, emails: ['dana@school.example.org'] });
    const token = issuer.token({ audience: APP_ID, serviceUrl: teams.connector.serviceUrl });
    const answer = await teams.post(execute(DANA, inChat(), 'agenda.signOff', { meetingId: 'no-such-meeting' }), bearer(token));
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Meeting not found');
    expect(await teams.store.getValue('teams-conversation', MEETING_CHAT)).toMatchObject({ conversation: { id: MEETING_CHAT } });
  });
});

describe('what is not an activity', () => {
  it('a body with no activity type is a 400, not an adapter crash', async () => {
    expect((await teams.post({})).status).toBe(400);
    expect((await teams.post({ text: 'hello' }, bearer('not.a.jwt'))).status).toBe(400);
    expect(teams.connector.calls).toEqual([]);
  });
});

/** A loopback port with nothing listening: connecting to it is refused at once. */
async function refusedUrl(path: string): Promise<string> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

describe("when Microsoft's signing keys cannot be fetched", () => {
  const config = { mode: 'authenticated', appId: APP_ID, appPassword: 'not-a-real-secret', appType: 'SingleTenant', tenantId: '22222222-2222-4222-8222-222222222222' } as const;
  let unreachable: TeamsHarness;
  let failing: TeamsHarness;
  /** Answers, but only with 500: the metadata service itself is failing. */
  const broken = createHttpServer((_req, res) => res.writeHead(500).end());

  beforeAll(async () => {
    broken.listen(0, '127.0.0.1');
    await once(broken, 'listening');
    unreachable = await startTeamsHarness({ config, endpoints: { channelOpenIdMetadataUrl: await refusedUrl('/openid') } });
    failing = await startTeamsHarness({ config, endpoints: { channelOpenIdMetadataUrl: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/openid` } });
  });
  afterAll(async () => {
    await unreachable.close();
    await failing.close();
    broken.close();
  });

  it('answers 503 too when the metadata service answers 500, rather than calling the sender a forger', async () => {
    const forged = issuer.token({ audience: APP_ID, serviceUrl: failing.connector.serviceUrl }, issuer.strangerKey);
    const answer = await failing.post(message(DANA, { serviceUrl: failing.connector.serviceUrl, chat: MEETING_CHAT }, 'status'), bearer(forged));
    expect(answer.status).toBe(503);
    expect(terminal).toEqual([]);
  });

  it('answers a forged token 503 with Retry-After, not 500 or 200, with no stack and nothing on stderr', async () => {
    const forged = issuer.token({ audience: APP_ID, serviceUrl: unreachable.connector.serviceUrl }, issuer.strangerKey);
    const response = await fetch(`${unreachable.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(forged) },
      body: JSON.stringify(message(DANA, { serviceUrl: unreachable.connector.serviceUrl, chat: MEETING_CHAT }, 'status')),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await response.text();
    expect(body).not.toMatch(/\bat |stack|ECONNREFUSED/);
    expect(terminal).toEqual([]);
    const logged = unreachable.logs().filter((line) => line.msg === 'could not fetch the Bot Framework signing keys; answered 503');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).not.toMatch(/"stack"|Dana Teacher/);
    expect(await unreachable.store.listValues('teams-conversation', '')).toEqual([]);
    expect(unreachable.connector.calls).toEqual([]);
  });

  it('still refuses with 401 a forged token when the keys are served but do not match (the issuer stand-in is up)', async () => {
    const forged = issuer.token({ audience: APP_ID, serviceUrl: teams.connector.serviceUrl }, issuer.strangerKey);
    const answer = await teams.post(message(DANA, inChat(), 'status'), bearer(forged));
    expect(answer.status).toBe(401);
    expect(terminal).toEqual([]);
  });
});
