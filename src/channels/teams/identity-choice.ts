import type { IdentityQuery } from '../../domain/identity.js';
import { matchesIdentity } from '../../domain/identity.js';
import type { Meeting } from '../../domain/model.js';
import type { MeetingStore } from '../../ports/store.js';
import type { TeamsPerson } from './conversation-directory.js';

/** Every key a Teams person may be recorded under in a meeting, the signed object id first. */
export function identitiesOf(person: Pick<TeamsPerson, 'aadObjectId' | 'userId' | 'emails'>): IdentityQuery[] {
  return [
    { kind: 'teamsAad', teamsAadObjectId: person.aadObjectId },
    ...person.emails.map((email) => ({ kind: 'email' as const, email })),
    { kind: 'teams', teamsUserId: person.userId },
  ];
}

/**
 * The shared use cases look a person up by one identity. A meeting may know someone by their
 * Teams object id (the organiser, who created it in Teams) or only by the email the organiser
 * typed; this picks the identity under which the meeting knows them. With no meeting in view,
 * the first identity any meeting knows. If none matches, the object id, so the refusal that
 * follows names the real person.
 */
export async function chooseIdentity(identities: readonly IdentityQuery[], where: { meeting?: Meeting; store: Pick<MeetingStore, 'knowsParticipant'> }): Promise<IdentityQuery> {
  const [first] = identities;
  if (!first) throw new Error('a Teams person always has an object id');
  const { meeting } = where;
  if (meeting) return identities.find((identity) => meeting.participants.some((p) => matchesIdentity(p, identity))) ?? first;
  for (const identity of identities) {
    if (await where.store.knowsParticipant(identity)) return identity;
  }
  return first;
}
