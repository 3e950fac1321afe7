import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const ISSUER = 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0';
const SECRET = 'very-secret-client-secret';

describe('the caseload settings', () => {
  it('leave sign-in off with no CASELOAD_OIDC_* set, and give the England defaults', () => {
    const config = loadConfig({});
    expect(config.caseloadSignIn).toBeUndefined();
    expect(config.council.caseload).toEqual({ groupsClaim: 'groups', groupRoles: {}, sessionMinutes: 60, digest: { weekday: 'monday', time: '08:00' } });
  });

  it('turn sign-in on with all three variables', () => {
    expect(loadConfig({ CASELOAD_OIDC_ISSUER: ISSUER, CASELOAD_OIDC_CLIENT_ID: 'pep-bot', CASELOAD_OIDC_CLIENT_SECRET: SECRET }).caseloadSignIn).toEqual({ issuer: ISSUER, clientId: 'pep-bot', clientSecret: SECRET });
  });

  it('refuse half a sign-in, naming what is missing, and never echo the secret', () => {
    const attempt = () => loadConfig({ CASELOAD_OIDC_CLIENT_SECRET: SECRET });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/CASELOAD_OIDC_ISSUER must be set with the other CASELOAD_OIDC_\* variables/);
    expect(attempt).toThrow(/CASELOAD_OIDC_CLIENT_ID must be set/);
    expect(() => loadConfig({ CASELOAD_OIDC_CLIENT_SECRET: 'x'.repeat(501) })).toThrow(/CASELOAD_OIDC_CLIENT_SECRET must be .*\(value not shown\)/);
  });

  it('refuse a plain-http issuer anywhere but this machine', () => {
    const env = { CASELOAD_OIDC_CLIENT_ID: 'pep-bot', CASELOAD_OIDC_CLIENT_SECRET: SECRET };
    expect(() => loadConfig({ ...env, CASELOAD_OIDC_ISSUER: 'http://login.example.org' })).toThrow(/CASELOAD_OIDC_ISSUER must be an https:\/\/ issuer URL/);
    expect(loadConfig({ ...env, CASELOAD_OIDC_ISSUER: 'http://127.0.0.1:4000' }).caseloadSignIn?.issuer).toBe('http://127.0.0.1:4000');
  });

  it('read the group → role map and the digest time from the council settings file, refusing an unknown role', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'council-'));
    const file = path.join(dir, 'council.json');
    writeFileSync(file, JSON.stringify({ caseload: { groupRoles: { 'a1b2c3d4-0000-4000-8000-000000000001': 'virtual_school_head' }, digest: { weekday: 'friday', time: '16:30' } } }));
    expect(loadConfig({ COUNCIL_SETTINGS: file }).council.caseload).toMatchObject({ groupRoles: { 'a1b2c3d4-0000-4000-8000-000000000001': 'virtual_school_head' }, digest: { weekday: 'friday', time: '16:30' } });
    writeFileSync(file, JSON.stringify({ caseload: { groupRoles: { g: 'mayor' }, digest: { time: '8am' } } }));
    expect(() => loadConfig({ COUNCIL_SETTINGS: file })).toThrow(/COUNCIL_SETTINGS caseload\.groupRoles\.g in/);
    expect(() => loadConfig({ COUNCIL_SETTINGS: file })).toThrow(/COUNCIL_SETTINGS caseload\.digest\.time in .*A time of day as HH:MM/);
  });
});
