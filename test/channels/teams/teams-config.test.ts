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
  it('runs anonymously with no app id, but only on a server this machine alone can reach', () => {
    expect(loadTeamsConfig({})).toEqual({ mode: 'anonymous' });
    expect(loadTeamsConfig({ MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: '', HOST: '::1' })).toEqual({ mode: 'anonymous' });
    // Listening for the world with no app id (a Slack-only deployment): no Teams endpoint at all.
    expect(loadTeamsConfig({ HOST: '0.0.0.0' })).toBeUndefined();
    expect(loadTeamsConfig({ HOST: '0.0.0.0', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT_ID })).toMatchObject({ mode: 'authenticated' });
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
