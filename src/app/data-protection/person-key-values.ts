import type { Participant } from '../../domain/model.js';
import type { KeyValueEntry, KeyValueStore } from '../../ports/key-value.js';

export interface HeldKeyValue extends KeyValueEntry {
  namespace: string;
}

/** Meeting-keyed namespaces whose keys name a participant as a path segment (`/<id>/`, `/person:<id>/` or a trailing `/<id>`). */
const MEETING_NAMESPACES = ['card-ref', 'unreachable', 'reach-report'] as const;

const namesParticipant = (key: string, participantId: string): boolean =>
  key.split('/').some((segment) => segment === participantId || segment === `person:${participantId}`);

/**
 * The key-value entries kept about one participant of one meeting (where their cards were posted,
 * why they could not be reached, the links waiting to be passed on) and, by their addresses, the
 * Teams directory's entries for them. The subject access export lists them; erasure deletes them.
 */
export async function personKeyValues(store: KeyValueStore, meetingId: string, participant: Participant): Promise<HeldKeyValue[]> {
  const held: HeldKeyValue[] = [];
  for (const namespace of MEETING_NAMESPACES) {
    const entries = await store.listValues(namespace, `${meetingId}/`);
    held.push(...entries.filter((entry) => namesParticipant(entry.key, participant.id)).map((entry) => ({ namespace, ...entry })));
  }
  const directoryKeys = [participant.email && `email:${participant.email}`, participant.teamsAadObjectId && `aad:${participant.teamsAadObjectId}`].filter((key): key is string => Boolean(key));
  for (const key of directoryKeys) {
    const entries = await store.listValues('teams-person', key);
    held.push(...entries.filter((entry) => entry.key === key).map((entry) => ({ namespace: 'teams-person', ...entry })));
  }
  return held;
}
