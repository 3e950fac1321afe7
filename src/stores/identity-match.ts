import type { Meeting, Participant } from '../domain/model.js';
import type { IdentityQuery, ParticipantMatch } from '../ports/store.js';

export type IdentityField = 'email' | 'teamsUserId' | 'teamsAadObjectId' | 'slackUserId';

/** The participant field a query looks up, and the value to look for (emails are stored lower-case). */
export function identityKey(query: IdentityQuery): { field: IdentityField; value: string } {
  switch (query.kind) {
    case 'email':
      return { field: 'email', value: query.email.toLowerCase() };
    case 'teams':
      return { field: 'teamsUserId', value: query.teamsUserId };
    case 'teamsAad':
      return { field: 'teamsAadObjectId', value: query.teamsAadObjectId };
    case 'slack':
      return { field: 'slackUserId', value: query.slackUserId };
  }
}

const isMatch = (participant: Participant, query: IdentityQuery): boolean => {
  const { field, value } = identityKey(query);
  return participant[field] === value;
};

/** findParticipants for any adapter, given the meetings its index found for the same query. */
export const participantMatches = (meetings: Meeting[], query: IdentityQuery): ParticipantMatch[] =>
  meetings.flatMap((meeting) =>
    meeting.participants
      .filter((participant) => isMatch(participant, query))
      .map((participant) => ({ meetingId: meeting.id, participant })),
  );
