import type { IdentityQuery } from '../../domain/identity.js';
import type { Meeting, Participant } from '../../domain/model.js';
import type { MeetingStore } from '../../ports/store.js';
import { refreshPostedCards } from './refresh-posted-cards.js';
import { rightsAuditEvent } from './rights-audit.js';
import type { RightsActor } from './rights-audit.js';

/** A change to one meeting on a person's behalf; undefined when the meeting already shows it (a repeated request changes nothing). */
export interface PersonChange {
  meeting: Meeting;
  type: string;
  summary: string;
  data: Record<string, unknown>;
}

/**
 * Applies a change to every meeting the person is in: each meeting saved as a new version with its
 * audit entry and, queued in the same unit of work, the refresh of the cards posted that show them.
 * Returns the ids of the meetings changed, and the people found (as they were before the change).
 */
export async function changeEveryMeeting(
  store: MeetingStore,
  identity: IdentityQuery,
  actor: RightsActor,
  change: (meeting: Meeting, person: Participant) => PersonChange | undefined,
  /** Whether the person's own copies are refreshed too: after a correction yes; after an erasure no address of theirs is left. */
  refreshTheirs: boolean,
): Promise<{ changed: string[]; found: Array<{ meetingId: string; participant: Participant }> }> {
  const found = await store.findParticipants(identity);
  const changed: string[] = [];
  for (const { meetingId, participant } of found) {
    const meeting = await store.getMeeting(meetingId);
    const outcome = meeting && change(meeting, participant);
    if (!meeting || !outcome) continue;
    const next = { ...outcome.meeting, version: meeting.version + 1, updatedAt: actor.at };
    const event = rightsAuditEvent(meeting.id, outcome.type, outcome.summary, outcome.data, actor);
    await store.saveMeeting(next, meeting.version, { events: [event], outbox: await refreshPostedCards(store, next, refreshTheirs ? undefined : participant.id, actor.at) });
    changed.push(meeting.id);
  }
  return { changed, found };
}
