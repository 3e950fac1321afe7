import type { ChildRecord } from '../child/child-record.js';
import type { AuditEvent, Meeting, Participant } from '../model.js';
import { freeTextPaths } from './free-text-fields.js';

/** What a person's details become when they are erased, or when the retention run anonymises a meeting. */
export const FORMER_PARTICIPANT = 'Former participant';
export const FORMER_INITIALS = 'FP';
/** What stands where the person's words were: required fields keep a value, so the meeting still parses. */
export const REMOVED_TEXT = '[removed]';

/**
 * The field of each list's items that says whose words they are. Free text outside these lists
 * (the meeting's purpose, place, cancellation reason, the carried-over actions) is the organiser's
 * or the meeting's, not one participant's: erasing a participant leaves it; anonymising removes it.
 */
const AUTHOR_OF: Record<string, string> = {
  participants: 'id',
  contributions: 'participantId',
  'agenda.items': 'addedBy',
  'agenda.declined': 'addedBy',
  notes: 'by',
  reviews: 'by',
  goals: 'createdBy',
  resources: 'addedBy',
  actions: 'createdBy',
  prompts: 'participantId',
  attendance: 'participantId',
  'plan.amendments': 'by',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Replaces every string at `path` (dots and `[]`, as free-text-fields.ts writes them) under `node`. */
function blankAt(node: unknown, path: string): void {
  if (path === '') return;
  const [head = '', ...rest] = path.split('.');
  const isList = head.endsWith('[]');
  const key = isList ? head.slice(0, -2) : head;
  if (!isObject(node)) return;
  const value = node[key];
  if (isList && Array.isArray(value)) {
    if (rest.length === 0) node[key] = value.map((item) => (typeof item === 'string' ? REMOVED_TEXT : item));
    else for (const item of value) blankAt(item, rest.join('.'));
  } else if (rest.length === 0 && typeof value === 'string') node[key] = REMOVED_TEXT;
  else blankAt(value, rest.join('.'));
}

const getAt = (node: unknown, path: string): unknown => path.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), node);

/** Free-text paths split at the authored list they sit in: `notes[].text` → { list: 'notes', rest: 'text' }. */
const AUTHORED_PATHS = freeTextPaths('meeting').flatMap((path) => {
  const list = Object.keys(AUTHOR_OF).find((candidate) => path.startsWith(`${candidate}[].`));
  return list ? [{ list, rest: path.slice(list.length + 3) }] : [];
});

export const tombstone = (participant: Participant): Participant => ({
  id: participant.id,
  name: FORMER_PARTICIPANT,
  initials: FORMER_INITIALS,
  role: participant.role,
  ...(participant.invitedAt ? { invitedAt: participant.invitedAt } : {}),
  ...(participant.rsvp ? { rsvp: { answer: participant.rsvp.answer, at: participant.rsvp.at } } : {}),
});

/**
 * The meeting with one participant erased: their details a tombstone, the words they wrote
 * removed, the name they were given for carried-over actions dropped, their secure links revoked.
 * Pure; the caller saves it as a new version with an audit entry.
 */
export function eraseParticipant(meeting: Meeting, participantId: string, at: string): Meeting {
  const draft = structuredClone(meeting) as Meeting;
  const person = draft.participants.find((participant) => participant.id === participantId);
  if (!person) return draft;
  for (const { list, rest } of AUTHORED_PATHS) {
    const items = getAt(draft, list);
    if (!Array.isArray(items)) continue;
    for (const item of items) if (isObject(item) && item[AUTHOR_OF[list] ?? ''] === participantId) blankAt(item, rest);
  }
  draft.previousActions = draft.previousActions.map(({ ownerName, ...action }) => (ownerName === person.name ? action : { ...action, ...(ownerName === undefined ? {} : { ownerName }) }));
  draft.links = draft.links.map((link) => (link.participantId === participantId && !link.revokedAt && !link.usedAt ? { ...link, revokedAt: at } : link));
  draft.participants = draft.participants.map((participant) => (participant.id === participantId ? tombstone(participant) : participant));
  return draft;
}

/**
 * The meeting as the retention run leaves it: every participant erased, the child's name, date of
 * birth and school removed, and every free text, whoever wrote it, replaced. Dates, statuses,
 * counts and the PEP reference remain, so the child's history still counts this PEP.
 */
export function anonymiseMeeting(meeting: Meeting, at: string, closedAt: string): Meeting {
  let draft = meeting.participants.reduce((current, participant) => eraseParticipant(current, participant.id, at), meeting);
  draft = structuredClone(draft) as Meeting;
  for (const path of freeTextPaths('meeting')) blankAt(draft, path);
  const { fullName: _name, dateOfBirth: _born, school: _school, ...child } = draft.child;
  return { ...draft, child, previousActions: draft.previousActions.map(({ ownerName: _owner, ...action }) => action), anonymised: { at, closedAt } };
}

/** The strings that identify a person, looked for in audit data and key-value entries. */
export function identifiersOf(participant: Pick<Participant, 'name' | 'email' | 'teamsUserId' | 'teamsAadObjectId' | 'slackUserId'>): string[] {
  return [participant.name, participant.email, participant.teamsUserId, participant.teamsAadObjectId, participant.slackUserId].filter(
    (value): value is string => value !== undefined && value !== FORMER_PARTICIPANT && value.length > 0,
  );
}

/**
 * The audit entries about a person: what they did (a command's data is what they typed) and any
 * entry whose data names them. A subject access export lists them; erasure empties their `data`,
 * while the entries themselves stay: who, when, what kind of change, the summary (never personal).
 * `actorIds`: who they are as an actor — in a meeting's trail their participant id; in a child's
 * trail, where actors are not a meeting's participants, their identifiers.
 */
export function auditEntriesAbout(events: readonly AuditEvent[], actorIds: readonly string[], identifiers: readonly string[]): string[] {
  const lowered = identifiers.map((identifier) => identifier.toLowerCase());
  return events
    .filter((event) => {
      if (event.data.redacted !== undefined) return false;
      if (actorIds.includes(event.actorId)) return true;
      const text = JSON.stringify(event.data).toLowerCase();
      return lowered.some((identifier) => text.includes(identifier));
    })
    .map((event) => event.id);
}

/** The child record without the erased person's name or address where they held a role for the child. */
export function eraseFromChild(child: ChildRecord, identifiers: readonly string[]): ChildRecord {
  const lowered = new Set(identifiers.map((identifier) => identifier.toLowerCase()));
  const { socialWorkerName, designatedTeacherEmail, ...rest } = child;
  return {
    ...rest,
    ...(socialWorkerName && !lowered.has(socialWorkerName.toLowerCase()) ? { socialWorkerName } : {}),
    ...(designatedTeacherEmail && !lowered.has(designatedTeacherEmail.toLowerCase()) ? { designatedTeacherEmail } : {}),
  };
}
