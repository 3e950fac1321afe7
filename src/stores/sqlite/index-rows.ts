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

/** One index table's statements for a meeting's rows, and the columns that tell them apart: the key first. */
export interface IndexTable<Row> {
  /** The meeting's rows, each as the values of `columns` in their order. */
  stored: Statement<[string], unknown[]>;
  columns: readonly [keyof Row, ...(keyof Row)[]];
  insert: Statement<[Row]>;
  /** By meeting id and key. */
  remove: Statement<[string, unknown]>;
}

/**
 * Brings a meeting's rows in one index table to `wanted`, writing only those that differ from the
 * rows stored: a save that adds one action to hundreds writes one row, not all of them again.
 * Inside the caller's transaction. A key given twice is inserted twice, and refused, as before.
 */
export function syncIndexRows<Row extends { meetingId: string }>(table: IndexTable<Row>, meetingId: string, wanted: readonly Row[]): void {
  const [keyColumn] = table.columns;
  const stored = new Map(table.stored.all(meetingId).map((values) => [values[0], values]));
  for (const row of wanted) {
    const key = row[keyColumn];
    const before = stored.get(key);
    stored.delete(key);
    if (before && table.columns.every((column, index) => before[index] === row[column])) continue;
    if (before) table.remove.run(meetingId, key);
    table.insert.run(row);
  }
  for (const key of stored.keys()) table.remove.run(meetingId, key);
}
