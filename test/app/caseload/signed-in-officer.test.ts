import { describe, expect, it } from 'vitest';
import { rolesFromGroups, signedInActor } from '../../../src/app/caseload/signed-in-officer.js';
import { CaseloadSettingsSchema } from '../../../src/domain/oversight/caseload-settings.js';

const HEAD = 'a1b2c3d4-0000-4000-8000-000000000001';
const OFFICERS = 'a1b2c3d4-0000-4000-8000-000000000002';
const settings = CaseloadSettingsSchema.parse({ groupRoles: { [HEAD]: 'virtual_school_head', [OFFICERS]: 'virtual_school_officer' } });
const claims = { iss: 'https://login.example/v2.0', sub: 'AbC-123_xyz', oid: '6f1c2d3e-0000-4000-8000-00000000beef', name: 'Hana Head', email: 'Hana.Head@Council.example', groups: [HEAD, 'unmapped'] };

describe('the signed-in officer', () => {
  it('gets the roles of the mapped groups in the configured claim, a list or a single string', () => {
    expect(rolesFromGroups({ groups: [HEAD, OFFICERS, HEAD] }, settings)).toEqual(['virtual_school_head', 'virtual_school_officer']);
    expect(rolesFromGroups({ roles: OFFICERS }, { ...settings, groupsClaim: 'roles' })).toEqual(['virtual_school_officer']);
    expect(rolesFromGroups({ groups: 'unmapped' }, settings)).toEqual([]);
    expect(rolesFromGroups({ groups: [{ id: HEAD }] }, settings)).toEqual([]);
  });

  it('is an officer actor with a stable id derived from the issuer and subject when the settings do not list them', () => {
    const actor = signedInActor(claims, settings, []);
    expect(actor).toEqual({ kind: 'officer', officer: { id: expect.stringMatching(/^sso-[0-9a-f]{16}$/), name: 'Hana Head', email: 'hana.head@council.example', teamsAadObjectId: claims.oid, roles: ['virtual_school_head'] } });
    expect(signedInActor(claims, settings, [])!.officer.id).toBe(actor!.officer.id);
    expect(signedInActor({ ...claims, sub: 'someone-else' }, settings, [])!.officer.id).not.toBe(actor!.officer.id);
  });

  it('keeps the id and name an officer has in the settings (by email or object id), with the role from the groups', () => {
    const listed = [{ id: 'vs-hana', name: 'Hana H.', email: 'hana.head@council.example', roles: ['virtual_school_officer' as const] }];
    expect(signedInActor(claims, settings, listed)!.officer).toMatchObject({ id: 'vs-hana', name: 'Hana H.', roles: ['virtual_school_head'] });
  });

  it('is nobody when no group is mapped to a role', () => {
    expect(signedInActor({ ...claims, groups: ['unmapped'] }, settings, [])).toBeUndefined();
    expect(signedInActor({ ...claims, groups: undefined }, settings, [])).toBeUndefined();
  });
});
