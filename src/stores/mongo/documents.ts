import type { Collection, Db } from 'mongodb';
import type { Action, AuditEvent, Meeting } from '../../domain/model.js';
import { instantMillis } from '../query-rules.js';
import { parseStoredMeeting } from '../stored-data.js';

/**
 * dueAtDate is a BSON Date twin of the ISO dueAt, kept only so "due before" is an indexed,
 * chronological comparison (ISO strings with different offsets do not sort as strings).
 */
export type ActionDocument = Action & { dueAtDate: Date };
export type MeetingDocument = Omit<Meeting, 'actions'> & { _id: string; actions: ActionDocument[] };

/** meetingVersion + position: the audit trail's insertion order, the same in every process. */
export interface AuditDocument {
  meetingId: string;
  meetingVersion: number;
  position: number;
  event: AuditEvent;
}

export interface IdempotencyDocument {
  _id: string;
  result: Record<string, unknown>;
  at: string;
}

export interface Collections {
  meetings: Collection<MeetingDocument>;
  audit: Collection<AuditDocument>;
  idempotency: Collection<IdempotencyDocument>;
}

export const COLLECTION_NAMES = ['meetings', 'audit', 'idempotency'] as const satisfies readonly (keyof Collections)[];

export const collectionsOf = (db: Db): Collections => ({
  meetings: db.collection<MeetingDocument>('meetings'),
  audit: db.collection<AuditDocument>('audit'),
  idempotency: db.collection<IdempotencyDocument>('idempotency'),
});

export const toMeetingDocument = (meeting: Meeting): MeetingDocument => ({
  _id: meeting.id,
  ...meeting,
  actions: meeting.actions.map((action) => ({ ...action, dueAtDate: new Date(instantMillis(action.dueAt)) })),
});

/** MeetingSchema keeps only the meeting's own fields, so _id and every dueAtDate are dropped here. */
export const fromMeetingDocument = (document: MeetingDocument): Meeting => parseStoredMeeting(document, document._id);

export const toAuditDocuments = (meeting: Meeting, events: AuditEvent[]): AuditDocument[] =>
  events.map((event, position) => ({ meetingId: meeting.id, meetingVersion: meeting.version, position, event }));
