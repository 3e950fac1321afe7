import type { Statement } from 'better-sqlite3';
import type { Meeting } from '../../domain/model.js';
import { millis } from '../../domain/dates.js';

/** The denormalised rows that make identity, due-date and link-token lookups indexed queries. */

export interface ParticipantRow {
  meetingId: string;
  participantId: string;
  email: string | null;
  teamsUserId: string | null;
  teamsAadObjectId: string | null;
  slackUserId: string | null;
}

export interface ActionRow {
  meetingId: string;
  actionId: string;
  dueAtMs: number;
  status: string;
}

export const participantRows = (meeting: Meeting): ParticipantRow[] =>
  meeting.participants.map((participant) => ({
    meetingId: meeting.id,
    participantId: participant.id,
    email: participant.email?.toLowerCase() ?? null,
    teamsUserId: participant.teamsUserId ?? null,
    teamsAadObjectId: participant.teamsAadObjectId ?? null,
    slackUserId: participant.slackUserId ?? null,
  }));

/** Of a meeting that passed MeetingSchema, whose dueAt is an instant with an offset: not checked again. */
export const actionRows = (meeting: Meeting): ActionRow[] =>
  meeting.actions.map((action) => ({
    meetingId: meeting.id,
    actionId: action.id,
    dueAtMs: millis(action.dueAt),
    status: action.status,
  }));

export interface LinkRow {
  tokenHash: string;
  meetingId: string;
}

export const linkRows = (meeting: Meeting): LinkRow[] => meeting.links.map((link) => ({ tokenHash: link.tokenHash, meetingId: meeting.id }));

/** One index table's statements for a meeting's rows: `keyOf` tells rows apart within the meeting. */
export interface IndexTable<Row> {
  stored: Statement<[string], Row>;
  insert: Statement<[Row]>;
  remove: Statement<[Row]>;
  keyOf: (row: Row) => string;
}

const sameRow = <Row extends object>(stored: Row, wanted: Row): boolean =>
  (Object.keys(wanted) as (keyof Row)[]).every((column) => stored[column] === wanted[column]);

/**
 * Brings a meeting's rows in one index table to `wanted`, writing only those that differ from the
 * rows stored: a save that adds one action to hundreds writes one row, not all of them again.
 * Inside the caller's transaction. A key given twice is inserted twice, and refused, as before.
 */
export function syncIndexRows<Row extends object>(table: IndexTable<Row>, meetingId: string, wanted: readonly Row[]): void {
  const stored = new Map(table.stored.all(meetingId).map((row) => [table.keyOf(row), row]));
  for (const row of wanted) {
    const key = table.keyOf(row);
    const before = stored.get(key);
    stored.delete(key);
    if (before && sameRow(before, row)) continue;
    if (before) table.remove.run(before);
    table.insert.run(row);
  }
  for (const gone of stored.values()) table.remove.run(gone);
}
