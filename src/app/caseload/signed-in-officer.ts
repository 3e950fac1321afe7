import { createHash } from 'node:crypto';
import type { Actor, Officer, OversightRole } from '../../domain/actor.js';
import { OfficerSchema } from '../../domain/actor.js';
import type { CaseloadSettings } from '../../domain/oversight/caseload-settings.js';

/**
 * Who signed in to the caseload page, as PEP Bot's officer: the role comes only from the groups
 * the identity provider says the user is in, mapped by the council's settings. A user in none of
 * the mapped groups is no officer, however they signed in. An officer also listed in the settings
 * (by email or Entra object id) keeps their id there, so the audit names one person once.
 */
export type IdTokenClaims = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The claim may be a list (Entra ID, most providers) or, with one group, a plain string. */
function groupsOf(claims: IdTokenClaims, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((group): group is string => typeof group === 'string') : [];
}

export function rolesFromGroups(claims: IdTokenClaims, settings: Pick<CaseloadSettings, 'groupsClaim' | 'groupRoles'>): OversightRole[] {
  const roles = groupsOf(claims, settings.groupsClaim).flatMap((group) => (Object.hasOwn(settings.groupRoles, group) ? [settings.groupRoles[group]!] : []));
  return [...new Set(roles)];
}

/** A stable officer id for a person the settings do not list: the same sign-in always gives the same id. */
const ssoOfficerId = (claims: IdTokenClaims): string => `sso-${createHash('sha256').update(`${text(claims.iss) ?? ''}|${text(claims.sub) ?? ''}`).digest('hex').slice(0, 16)}`;

export function signedInActor(claims: IdTokenClaims, settings: Pick<CaseloadSettings, 'groupsClaim' | 'groupRoles'>, officers: readonly Officer[]): Extract<Actor, { kind: 'officer' }> | undefined {
  const roles = rolesFromGroups(claims, settings);
  if (roles.length === 0) return undefined;
  const email = [text(claims.email), text(claims.preferred_username)].find((value) => value !== undefined && OfficerSchema.shape.email.safeParse(value).success)?.toLowerCase();
  const objectId = text(claims.oid);
  const listed = officers.find((o) => (email !== undefined && o.email === email) || (objectId !== undefined && o.teamsAadObjectId === objectId));
  const officer = OfficerSchema.parse({
    id: listed?.id ?? ssoOfficerId(claims),
    name: (listed?.name ?? text(claims.name) ?? email ?? 'Signed-in officer').slice(0, 120),
    email,
    teamsAadObjectId: objectId?.slice(0, 64),
    roles,
  });
  return { kind: 'officer', officer };
}
