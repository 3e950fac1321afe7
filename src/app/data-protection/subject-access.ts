import type { ChildStore } from '../../ports/child-store.js';
import type { Clock } from '../../ports/clock.js';
import type { MeetingStore } from '../../ports/store.js';
import type { Meeting, Participant } from '../../domain/model.js';
import type { PersonQuery } from '../../domain/data-protection/person-query.js';
import { auditEntriesAbout, identifiersOf } from '../../domain/data-protection/erase-person.js';
import { identityKey } from '../../domain/identity.js';
import type { IdentityQuery } from '../../domain/identity.js';
import { everyChild } from './every-child.js';
import { personKeyValues } from './person-key-values.js';
import type { HeldKeyValue } from './person-key-values.js';
import { SUBJECT_ACCESS_FORMAT, SubjectAccessExportSchema } from './subject-access-schema.js';
import type { SubjectAccessExport } from './subject-access-schema.js';

export interface SubjectAccessDeps {
  store: MeetingStore;
  children: ChildStore;
  clock: Clock;
}

const context = (meeting: Meeting) => ({ meetingId: meeting.id, childRef: meeting.child.ref, startsAt: meeting.startsAt, status: meeting.status });

async function personInMeeting(store: MeetingStore, meeting: Meeting, person: Participant) {
  const id = person.id;
  const audit = await store.auditTrail(meeting.id);
  const attendance = meeting.attendance?.find((entry) => entry.participantId === id);
  const about = new Set(auditEntriesAbout(audit, [id], identifiersOf(person)));
  return {
    ...context(meeting),
    participant: person,
    contributions: meeting.contributions.filter((item) => item.participantId === id),
    prompts: meeting.prompts.filter((item) => item.participantId === id),
    notes: meeting.notes.filter((item) => item.by === id),
    agendaItems: meeting.agenda.items.filter((item) => item.addedBy === id),
    reviews: meeting.reviews.filter((item) => item.by === id),
    goals: meeting.goals.filter((item) => item.createdBy === id),
    resources: meeting.resources.filter((item) => item.addedBy === id),
    actions: meeting.actions.filter((item) => item.ownerId === id || item.createdBy === id),
    links: meeting.links.filter((item) => item.participantId === id).map(({ tokenHash: _hash, ...link }) => link),
    ...(attendance ? { attendance } : {}),
    audit: audit.filter((entry) => about.has(entry.id)),
  };
}

function childInMeeting(meeting: Meeting) {
  return {
    ...context(meeting),
    views: meeting.prompts.filter((prompt) => prompt.kind === 'child_voice'),
    goals: meeting.goals,
    resources: meeting.resources,
    actions: meeting.actions.map(({ id, description, dueDate, status, completedAt }) => ({ id, description, dueDate, status, ...(completedAt ? { completedAt } : {}) })),
    reviews: meeting.reviews.map(({ previousActionId, outcome, evidence, at }) => ({ previousActionId, outcome, evidence, at })),
    notes: meeting.notes.map(({ id, text, at }) => ({ id, text, at })),
    ...(meeting.evidence ? { evidence: meeting.evidence } : {}),
    ...(meeting.nextReviewDate ? { nextReviewDate: meeting.nextReviewDate } : {}),
  };
}

/** Children's records that name the person, as their social worker or designated teacher, and the children's audit entries about them. */
async function childHoldingsOf(children: ChildStore, people: readonly Participant[], asked: IdentityQuery) {
  const names = new Set(people.map((person) => person.name.toLowerCase()));
  const emails = new Set(people.flatMap((person) => (person.email ? [person.email] : [])));
  if (asked.kind === 'email') emails.add(identityKey(asked).value);
  const identifiers = [...new Set([identityKey(asked).value, ...people.flatMap(identifiersOf)])];
  const childRoles: SubjectAccessExport['childRoles'] = [];
  const childAudit: SubjectAccessExport['childAudit'] = [];
  for await (const child of everyChild(children)) {
    if (child.socialWorkerName && names.has(child.socialWorkerName.toLowerCase())) childRoles.push({ childRef: child.ref, role: 'social_worker', held: child.socialWorkerName });
    if (child.designatedTeacherEmail && emails.has(child.designatedTeacherEmail.toLowerCase())) childRoles.push({ childRef: child.ref, role: 'designated_teacher', held: child.designatedTeacherEmail });
    const trail = await children.childAuditTrail(child.ref);
    const about = new Set(auditEntriesAbout(trail, identifiers, identifiers));
    childAudit.push(...trail.filter((entry) => about.has(entry.id)));
  }
  return { childRoles, childAudit };
}

/**
 * Everything held about one person (npm run data:export): for someone invited to meetings, their
 * part of each meeting, the changes they made, the records kept about delivering to them, and the
 * children's records and audit entries that name them; for the child, their details, history and plans. Of anyone
 * else only the ids the records use appear, never a name or their words.
 */
export async function subjectAccessExport(deps: SubjectAccessDeps, query: PersonQuery, asked: string): Promise<SubjectAccessExport> {
  const exportedAt = deps.clock.now().toISOString();
  if (query.kind === 'child') {
    const meetings = await deps.store.meetingsOfChild(query.ref);
    const record = await deps.children.getChild(query.ref);
    const details = record ? { ref: record.ref, initials: record.initials, fullName: record.fullName, dateOfBirth: record.dateOfBirth, yearGroup: record.yearGroup, school: record.school } : meetings.at(-1)?.child;
    return SubjectAccessExportSchema.parse({
      format: SUBJECT_ACCESS_FORMAT,
      exportedAt,
      subject: { kind: 'child', ref: query.ref },
      meetings: [],
      childRoles: [],
      // The child's own trail names the professionals around them (a school move records the designated teacher): not theirs to export.
      childAudit: [],
      child: { details, events: (record?.events ?? []).map(({ recordedBy: _by, ...event }) => event), meetings: meetings.map(childInMeeting) },
      keyValues: [],
    });
  }
  const matches = await deps.store.findParticipants(query.identity);
  const meetings = [];
  const keyValues: HeldKeyValue[] = [];
  for (const { meetingId, participant } of matches) {
    const meeting = await deps.store.getMeeting(meetingId);
    if (!meeting) continue;
    meetings.push(await personInMeeting(deps.store, meeting, participant));
    for (const entry of await personKeyValues(deps.store, meetingId, participant)) {
      if (!keyValues.some((held) => held.namespace === entry.namespace && held.key === entry.key)) keyValues.push(entry);
    }
  }
  return SubjectAccessExportSchema.parse({
    format: SUBJECT_ACCESS_FORMAT,
    exportedAt,
    subject: { kind: 'person', asked },
    meetings: meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.meetingId.localeCompare(b.meetingId)),
    ...(await childHoldingsOf(deps.children, matches.map((match) => match.participant), query.identity)),
    keyValues,
  });
}
