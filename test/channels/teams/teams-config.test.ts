import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { loadTeamsConfig } from '../../../src/channels/teams/index.js';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const TENANT_ID = '22222222-2222-4222-8222-222222222222';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadTeamsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadTeamsConfig', () => {
  it('is off with no app id, wherever the bot listens: anonymous Teams is never inferred from HOST', () => {
    expect(loadTeamsConfig({})).toBeUndefined();
    expect(loadTeamsConfig({ HOST: '127.0.0.1', MICROSOFT_APP_ID: '', TEAMS_ANONYMOUS: '' })).toBeUndefined();
    // The reverse-proxy case of issue 12: loopback HOST, a public address in front of it.
    expect(loadTeamsConfig({ HOST: '127.0.0.1', PUBLIC_BASE_URL: 'https://pep.example.org' })).toBeUndefined();
    expect(loadTeamsConfig({ TEAMS_ANONYMOUS: '0' })).toBeUndefined();
    expect(loadTeamsConfig({ HOST: '0.0.0.0', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT_ID })).toMatchObject({ mode: 'authenticated' });
  });

  it('runs anonymously only when TEAMS_ANONYMOUS=1 asks for it and both addresses are this machine', () => {
    expect(loadTeamsConfig({ TEAMS_ANONYMOUS: '1' })).toEqual({ mode: 'anonymous' });
    expect(loadTeamsConfig({ TEAMS_ANONYMOUS: '1', HOST: '::1' })).toEqual({ mode: 'anonymous' });
    expect(loadTeamsConfig({ TEAMS_ANONYMOUS: '1', PUBLIC_BASE_URL: 'http://localhost:3978' })).toEqual({ mode: 'anonymous' });
    // An app id wins: every request is checked, whatever else is set.
    expect(loadTeamsConfig({ TEAMS_ANONYMOUS: '1', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT_ID })).toMatchObject({ mode: 'authenticated' });
  });

  it('refuses to start anonymous Teams that others could reach, naming the setting and the address', () => {
    const [behindProxy] = problemsOf({ TEAMS_ANONYMOUS: '1', HOST: '127.0.0.1', PUBLIC_BASE_URL: 'https://pep.example.org' });
    expect(behindProxy).toContain('TEAMS_ANONYMOUS=1');
    expect(behindProxy).toContain('PUBLIC_BASE_URL is https://pep.example.org');
    expect(behindProxy).toMatch(/local trial only/);
    // With no PUBLIC_BASE_URL the links name HOST, so a bot listening for the world is refused too.
    expect(problemsOf({ TEAMS_ANONYMOUS: '1', HOST: '0.0.0.0' })[0]).toContain('PUBLIC_BASE_URL is http://0.0.0.0:3978');
    expect(problemsOf({ TEAMS_ANONYMOUS: '1', HOST: '0.0.0.0', PUBLIC_BASE_URL: 'http://127.0.0.1:3978' })[0]).toContain('HOST is 0.0.0.0');
    expect(problemsOf({ TEAMS_ANONYMOUS: 'yes' })).toEqual(['TEAMS_ANONYMOUS must be 1 (a local trial with the Agents Playground) or 0 (got "yes")']);
  });

  it('reads a single-tenant bot by default', () => {
    expect(loadTeamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT_ID })).toEqual({
      mode: 'authenticated',
      appId: APP_ID,
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: TENANT_ID,
    });
    expect(loadTeamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT_ID })).toMatchObject({ appPassword: undefined });
  });

  it('names each bad variable and never echoes the password', () => {
    expect(problemsOf({ MICROSOFT_APP_ID: 'pep-bot', MICROSOFT_APP_TYPE: 'Personal' })).toEqual([
      'MICROSOFT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "pep-bot")',
      'MICROSOFT_APP_TYPE must be one of SingleTenant, MultiTenant, UserAssignedMSI (got "Personal")',
    ]);
    expect(problemsOf({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: 'contoso' })).toEqual([
      'MICROSOFT_APP_PASSWORD must be set: a SingleTenant bot needs its client secret (value not shown)',
      'MICROSOFT_APP_TENANT_ID must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "contoso")',
    ]);
    expect(problemsOf({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT_ID })).toEqual([
      'MICROSOFT_APP_PASSWORD must be set: a SingleTenant bot needs its client secret (value not shown)',
    ]);
    expect(problemsOf({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'hunter2' })).toEqual([
      'MICROSOFT_APP_TENANT_ID must be set: a SingleTenant bot needs its tenant id (got undefined)',
    ]);
  });
});
