import type { Officer } from '../domain/actor.js';
import type { Identity } from '../domain/model.js';

/** The officer in the council's settings with this chat identity, if any. */
export function officerOf(identity: Identity, officers: readonly Officer[]): Officer | undefined {
  const email = identity.email?.toLowerCase();
  return officers.find(
    (officer) =>
      (identity.slackUserId !== undefined && officer.slackUserId === identity.slackUserId) ||
      (identity.teamsAadObjectId !== undefined && officer.teamsAadObjectId === identity.teamsAadObjectId) ||
      (email !== undefined && officer.email === email),
  );
}
