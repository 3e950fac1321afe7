import type { Database } from 'better-sqlite3';
import type { IdentityField } from '../identity-match.js';
import type { KeyValueRow, ListedRow } from '../key-values.js';
import { DUE_STATUSES } from '../query-rules.js';
import type { ActionRow, IndexTable, LinkRow, ParticipantRow } from './index-rows.js';

export interface MeetingRow {
  id: string;
  version: number;
  childRef: string;
  doc: string;
}

export interface DueActionRow {
  id: string;
  doc: string;
  actionId: string;
}

export interface IdempotencyRow {
  key: string;
  result: string;
  at: string;
}

const IDENTITY_COLUMNS: Record<IdentityField, string> = {
  email: 'email',
  teamsUserId: 'teams_user_id',
  teamsAadObjectId: 'teams_aad_object_id',
  slackUserId: 'slack_user_id',
};

const meetingsWithIdentity = (db: Database, field: IdentityField) =>
  db.prepare<[string], Pick<MeetingRow, 'id' | 'doc'>>(
    `SELECT id, doc FROM meetings
     WHERE id IN (SELECT meeting_id FROM meeting_participants WHERE ${IDENTITY_COLUMNS[field]} = ?)`,
  );

const participantWithIdentity = (db: Database, field: IdentityField) =>
  db.prepare<[string], number>(`SELECT EXISTS (SELECT 1 FROM meeting_participants WHERE ${IDENTITY_COLUMNS[field]} = ?)`).pluck();

const keyValueStatements = (db: Database) => ({
  get: db.prepare<[string, string], string>('SELECT value FROM key_values WHERE namespace = ? AND key = ?').pluck(),
  put: db.prepare<KeyValueRow>(
    `INSERT INTO key_values (namespace, key, value, updated_at) VALUES (@namespace, @key, @value, @updatedAt)
     ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  claim: db.prepare<KeyValueRow>(
    `INSERT INTO key_values (namespace, key, value, updated_at) VALUES (@namespace, @key, @value, @updatedAt)
     ON CONFLICT (namespace, key) DO NOTHING`,
  ),
  delete: db.prepare<[string, string]>('DELETE FROM key_values WHERE namespace = ? AND key = ?'),
  // Not LIKE: its % and _ are wildcards. The keys that start with a prefix are exactly those from
  // the prefix up to (not including) the first string after all of them (prefixEnd), so the
  // primary key reads that range and stops; without the end it read on to the namespace's last key.
  list: db.prepare<{ namespace: string; prefix: string; end: string }, ListedRow>(
    `SELECT key, value, updated_at AS updatedAt FROM key_values
     WHERE namespace = @namespace AND key >= @prefix AND key < @end
     ORDER BY key`,
  ),
  // A prefix with no string after it (empty, or only U+10FFFF): read to the end, substr() decides.
  listToEnd: db.prepare<{ namespace: string; prefix: string }, ListedRow>(
    `SELECT key, value, updated_at AS updatedAt FROM key_values
     WHERE namespace = @namespace AND key >= @prefix AND substr(key, 1, length(@prefix)) = @prefix
     ORDER BY key`,
  ),
});

/** Prepared once at init(): every query the store runs, in one place. */
export function prepareStatements(db: Database) {
  return {
    ping: db.prepare<[], number>('SELECT 1').pluck(),
    insertMeeting: db.prepare<MeetingRow>(
      `INSERT INTO meetings (id, version, child_ref, doc) VALUES (@id, @version, @childRef, @doc)
       ON CONFLICT (id) DO NOTHING`,
    ),
    updateMeeting: db.prepare<MeetingRow & { expectedVersion: number }>(
      `UPDATE meetings SET version = @version, child_ref = @childRef, doc = @doc
       WHERE id = @id AND version = @expectedVersion`,
    ),
    meetingById: db.prepare<[string], Pick<MeetingRow, 'id' | 'doc'>>('SELECT id, doc FROM meetings WHERE id = ?'),
    meetingsOfChild: db.prepare<[string], Pick<MeetingRow, 'id' | 'doc'>>('SELECT id, doc FROM meetings WHERE child_ref = ?'),
    meetingsWithIdentity: {
      email: meetingsWithIdentity(db, 'email'),
      teamsUserId: meetingsWithIdentity(db, 'teamsUserId'),
      teamsAadObjectId: meetingsWithIdentity(db, 'teamsAadObjectId'),
      slackUserId: meetingsWithIdentity(db, 'slackUserId'),
    } satisfies Record<IdentityField, unknown>,
    participantWithIdentity: {
      email: participantWithIdentity(db, 'email'),
      teamsUserId: participantWithIdentity(db, 'teamsUserId'),
      teamsAadObjectId: participantWithIdentity(db, 'teamsAadObjectId'),
      slackUserId: participantWithIdentity(db, 'slackUserId'),
    } satisfies Record<IdentityField, unknown>,
    participants: {
      stored: db
        .prepare<[string], unknown[]>(
          'SELECT participant_id, email, teams_user_id, teams_aad_object_id, slack_user_id FROM meeting_participants WHERE meeting_id = ?',
        )
        .raw(),
      columns: ['participantId', 'email', 'teamsUserId', 'teamsAadObjectId', 'slackUserId'],
      insert: db.prepare<ParticipantRow>(
        `INSERT INTO meeting_participants (meeting_id, participant_id, email, teams_user_id, teams_aad_object_id, slack_user_id)
         VALUES (@meetingId, @participantId, @email, @teamsUserId, @teamsAadObjectId, @slackUserId)`,
      ),
      remove: db.prepare<[string, unknown]>('DELETE FROM meeting_participants WHERE meeting_id = ? AND participant_id = ?'),
    } satisfies IndexTable<ParticipantRow>,
    actions: {
      stored: db.prepare<[string], unknown[]>('SELECT action_id, due_at_ms, status FROM meeting_actions WHERE meeting_id = ?').raw(),
      columns: ['actionId', 'dueAtMs', 'status'],
      insert: db.prepare<ActionRow>(
        `INSERT INTO meeting_actions (meeting_id, action_id, due_at_ms, status)
         VALUES (@meetingId, @actionId, @dueAtMs, @status)`,
      ),
      remove: db.prepare<[string, unknown]>('DELETE FROM meeting_actions WHERE meeting_id = ? AND action_id = ?'),
    } satisfies IndexTable<ActionRow>,
    dueActions: db.prepare<[number], DueActionRow>(
      `SELECT m.id, m.doc, a.action_id AS actionId
       FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id
       WHERE a.status IN (${DUE_STATUSES.map((status) => `'${status}'`).join(', ')}) AND a.due_at_ms < ?
       ORDER BY a.due_at_ms, a.meeting_id, a.action_id`,
    ),
    links: {
      stored: db.prepare<[string], unknown[]>('SELECT token_hash FROM meeting_links WHERE meeting_id = ?').raw(),
      columns: ['tokenHash'],
      insert: db.prepare<LinkRow>('INSERT INTO meeting_links (token_hash, meeting_id) VALUES (@tokenHash, @meetingId)'),
      remove: db.prepare<[string, unknown]>('DELETE FROM meeting_links WHERE meeting_id = ? AND token_hash = ?'),
    } satisfies IndexTable<LinkRow>,
    meetingOfLinkToken: db.prepare<[string], string>('SELECT meeting_id FROM meeting_links WHERE token_hash = ?').pluck(),
    auditOfMeeting: db.prepare<[string], string>('SELECT event FROM audit_events WHERE meeting_id = ? ORDER BY seq').pluck(),
    insertIdempotency: db.prepare<IdempotencyRow>(
      'INSERT INTO idempotency (key, result, at) VALUES (@key, @result, @at) ON CONFLICT (key) DO NOTHING',
    ),
    idempotencyByKey: db.prepare<[string], IdempotencyRow>('SELECT key, result, at FROM idempotency WHERE key = ?'),
    keyValues: keyValueStatements(db),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
