import { canonicalJson } from '../../domain/audit-chain.js';
import { correctParticipant } from '../../domain/data-protection/correct-person.js';
import type { PersonCorrection } from '../../domain/data-protection/correct-person.js';
import { auditEntriesAbout, eraseFromChild, eraseParticipant, identifiersOf } from '../../domain/data-protection/erase-person.js';
import { identityKey } from '../../domain/identity.js';
import type { IdentityQuery } from '../../domain/identity.js';
import type { ChildRecord } from '../../domain/child/child-record.js';
import { childAuditKey } from '../../domain/child/child-record.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { MeetingStore } from '../../ports/store.js';
import { everyChild } from './every-child.js';
import { changeEveryMeeting } from './person-meetings.js';
import { personKeyValues } from './person-key-values.js';
import { logRightsRequest, rightsAuditEvent } from './rights-audit.js';
import type { RightsActor } from './rights-audit.js';

export interface RightsDeps {
  store: MeetingStore;
  children: ChildStore;
}

/** Every child record, a page at a time, saved again where `change` returns a different record, with an audit entry. */
async function changeChildren(children: ChildStore, actor: RightsActor, type: string, change: (child: ChildRecord) => ChildRecord): Promise<string[]> {
  const changed: string[] = [];
  for await (const child of everyChild(children)) {
    const next = change(child);
    // Compared with sorted keys: a change that rebuilds the record in another key order changes nothing.
    if (canonicalJson(next) === canonicalJson(child)) continue;
    const event = rightsAuditEvent(childAuditKey(child.ref), type, 'Details of a person named on the record changed at their request', {}, actor);
    await children.saveChild({ ...next, version: child.version + 1, updatedAt: actor.at }, child.version, { events: [event] });
    changed.push(child.ref);
  }
  return changed;
}

/** Empties the data of every child's audit entry that names the person or records what they did; the entries and the chain stay. */
async function redactChildAudits(children: ChildStore, identifiers: readonly string[]): Promise<string[]> {
  const redacted: string[] = [];
  if (identifiers.length === 0) return redacted;
  for await (const child of everyChild(children)) {
    const about = auditEntriesAbout(await children.childAuditTrail(child.ref), identifiers, identifiers);
    if (about.length > 0 && (await children.redactChildAudit(child.ref, about, 'erasure')) > 0) redacted.push(child.ref);
  }
  return redacted;
}

/**
 * Corrects a person's name or addresses in every meeting they are in (and where a child's record
 * names them): one audited save per meeting, the audit naming the fields, not their values. A
 * repeated correction finds nothing to change and saves nothing.
 */
export async function correctPerson(deps: RightsDeps, identity: IdentityQuery, correction: PersonCorrection, actor: RightsActor) {
  const { changed, found } = await changeEveryMeeting(deps.store, identity, actor, (meeting, person) => {
    const corrected = correctParticipant(person, correction);
    if (corrected.fields.length === 0) return undefined;
    return {
      meeting: { ...meeting, participants: meeting.participants.map((p) => (p.id === person.id ? corrected.participant : p)) },
      type: 'dataProtection.correct',
      summary: `A participant's ${corrected.fields.join(', ')} corrected at their request`,
      data: { participantId: person.id, fields: corrected.fields },
    };
  }, true);
  const old = found.map((match) => match.participant);
  const childRefs = await changeChildren(deps.children, actor, 'dataProtection.correct', (child) => ({
    ...child,
    ...(correction.name && old.some((p) => p.name === child.socialWorkerName) ? { socialWorkerName: correction.name } : {}),
    ...(correction.email && old.some((p) => p.email !== undefined && p.email === child.designatedTeacherEmail) ? { designatedTeacherEmail: correction.email } : {}),
  }));
  await logRightsRequest(deps.store, { type: 'correction', at: actor.at, by: actor.actorId, meetingIds: changed, childRefs }, actor.newId);
  return { meetingIds: changed, childRefs };
}

/**
 * Erases a person: in every meeting their details become a tombstone, their words are removed,
 * their links revoked, the audit entries about them keep their place with their data emptied, the
 * cards others see are refreshed; the records kept about delivering to them are deleted, and
 * children's records forget them, their audit entries naming the person emptied in the same way. Then the store makes what was replaced unreadable in its files.
 */
export async function erasePerson(deps: RightsDeps, identity: IdentityQuery, actor: RightsActor) {
  // Once erased, no identity of theirs is left to find them by: a repeated erasure changes nothing.
  const { changed, found } = await changeEveryMeeting(deps.store, identity, actor, (meeting, person) => ({
    meeting: eraseParticipant(meeting, person.id, actor.at),
    type: 'dataProtection.erase',
    summary: 'A participant erased at their request',
    data: { participantId: person.id },
  }), false);
  for (const { meetingId, participant } of found) {
    const trail = await deps.store.auditTrail(meetingId);
    await deps.store.redactAudit(meetingId, auditEntriesAbout(trail, [participant.id], identifiersOf(participant)), 'erasure');
    for (const entry of await personKeyValues(deps.store, meetingId, participant)) await deps.store.deleteValue(entry.namespace, entry.key);
  }
  // The identity asked about too: a designated teacher named on a child may never have been invited to a meeting.
  const identifiers = [...new Set([identityKey(identity).value, ...found.flatMap((match) => identifiersOf(match.participant))])];
  const recordRefs = await changeChildren(deps.children, actor, 'dataProtection.erase', (child) => eraseFromChild(child, identifiers));
  const childRefs = [...new Set([...recordRefs, ...(await redactChildAudits(deps.children, identifiers))])].sort();
  await logRightsRequest(deps.store, { type: 'erasure', at: actor.at, by: actor.actorId, meetingIds: changed, childRefs }, actor.newId);
  await deps.store.forgetRemoved();
  return { meetingIds: changed, childRefs };
}
