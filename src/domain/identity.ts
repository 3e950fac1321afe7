import type { Participant } from './model.js';

/** Who someone is on a channel: the keys the channels use to find the participant behind a click. */
export type IdentityQuery =
  | { kind: 'teams'; teamsUserId: string }
  | { kind: 'teamsAad'; teamsAadObjectId: string }
  | { kind: 'slack'; slackUserId: string }
  | { kind: 'email'; email: string };

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

export const matchesIdentity = (participant: Participant, query: IdentityQuery): boolean => {
  const { field, value } = identityKey(query);
  return participant[field] === value;
};
