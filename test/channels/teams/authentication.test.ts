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
