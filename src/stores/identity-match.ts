import { matchesIdentity } from '../domain/identity.js';
import type { Meeting } from '../domain/model.js';
import type { IdentityQuery, ParticipantMatch } from '../ports/store.js';

export { identityKey, type IdentityField } from '../domain/identity.js';

/** findParticipants for any adapter, given the meetings its index found for the same query. */
export const participantMatches = (meetings: Meeting[], query: IdentityQuery): ParticipantMatch[] =>
  meetings.flatMap((meeting) =>
    meeting.participants
      .filter((participant) => matchesIdentity(participant, query))
      .map((participant) => ({ meetingId: meeting.id, participant })),
  );
