import type { Officer } from '../domain/actor.js';
import { hasOversightRole, officerActorId } from '../domain/actor.js';
import type { Identity } from '../domain/model.js';
import type { DirectRecipient } from '../ports/messenger.js';

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

/**
 * The officers who hear about a child: the one assigned to the child when the child record names
 * one the settings still know, else every Virtual School officer (a shared inbox in effect).
 */
export function officersForChild(officers: readonly Officer[], assignedOfficerId?: string): Officer[] {
  const assigned = assignedOfficerId === undefined ? undefined : officers.find((o) => o.id === assignedOfficerId);
  return assigned ? [assigned] : officers.filter((o) => hasOversightRole(o, 'virtual_school_officer'));
}

/** An officer as a direct message sees them: their audit id, and whichever chat identities they have. */
export function officerRecipient(officer: Officer): DirectRecipient {
  return { id: officerActorId(officer), email: officer.email, slackUserId: officer.slackUserId, teamsAadObjectId: officer.teamsAadObjectId };
}
