import type { Participant } from '../model.js';
import { initialsOf } from '../participants.js';

/** What a correction may set: a person's name and the addresses PEP Bot reaches them at. */
export interface PersonCorrection {
  name?: string;
  email?: string;
  slackUserId?: string;
  teamsUserId?: string;
  teamsAadObjectId?: string;
}

/** The participant with the correction applied (initials follow the name), and the fields that changed: none when it is already so. */
export function correctParticipant(participant: Participant, correction: PersonCorrection): { participant: Participant; fields: string[] } {
  const fields = (Object.keys(correction) as Array<keyof PersonCorrection>).filter((field) => correction[field] !== undefined && participant[field] !== correction[field]);
  const changes = Object.fromEntries(fields.map((field) => [field, correction[field]]));
  const next: Participant = { ...participant, ...changes, ...(correction.name && fields.includes('name') ? { initials: initialsOf(correction.name) } : {}) };
  return { participant: next, fields };
}
