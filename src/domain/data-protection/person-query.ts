import type { IdentityQuery } from '../identity.js';
import { refuse } from '../errors.js';

/** Whom a data protection request is about: someone by one of their identities, or the child by PEP reference. */
export type PersonQuery = { kind: 'person'; identity: IdentityQuery } | { kind: 'child'; ref: string };

const PEP_REF = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;
const AAD_OBJECT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `--person` as the scripts take it: an email address, a Slack user id (U012AB3CD), a Teams
 * user id (29:...), a Microsoft Entra object id, or a PEP reference for the child (PEP-2026-0042).
 */
export function parsePersonQuery(text: string): PersonQuery {
  const value = text.trim();
  if (value.includes('@')) return { kind: 'person', identity: { kind: 'email', email: value.toLowerCase() } };
  if (value.startsWith('29:')) return { kind: 'person', identity: { kind: 'teams', teamsUserId: value } };
  if (AAD_OBJECT.test(value)) return { kind: 'person', identity: { kind: 'teamsAad', teamsAadObjectId: value.toLowerCase() } };
  if (SLACK_USER.test(value) && !value.includes('-')) return { kind: 'person', identity: { kind: 'slack', slackUserId: value } };
  if (PEP_REF.test(value)) return { kind: 'child', ref: value };
  return refuse('VALIDATION.INVALID_INPUT', 'Name the person by email, Slack user id, Teams user id or Entra object id, or the child by PEP reference.', {});
}
