import type { Database } from 'better-sqlite3';
import type { AuditEvent, Meeting } from '../../domain/model.js';
import type { SealedTexts, Sealer } from '../encryption/sealed-documents.js';
import type { ParsedMeetings } from '../parsed-meetings.js';
import { idempotencyKeyUsed, meetingExists, staleVersion } from '../store-errors.js';
import type { CheckedWrite } from '../write-checks.js';
import { actionRows, linkRows, participantRows, syncIndexRows } from './index-rows.js';
import type { outboxRows } from './outbox-rows.js';
import type { MeetingRow, Statements } from './statements.js';

/**
 * The document with its free text encrypted (unchanged text keeps its sealed value from the
 * version replaced, when that is the one kept); the columns the queries use stay readable.
 */
function meetingRow(meeting: Meeting, sealer: Sealer, previous: SealedTexts | undefined): { row: MeetingRow; texts: SealedTexts } {
  const { sealed, texts } = sealer.sealReusing('meeting', meeting, previous);
  return { row: { id: meeting.id, version: meeting.version, childRef: meeting.child.ref, doc: JSON.stringify(sealed) }, texts };
}

/**
 * Each write is one SQLite transaction: the meeting, its index rows, its audit events (chained), its
 * idempotency record and the messages it promises commit together, and a refusal thrown inside rolls all of them back.
 * IMMEDIATE takes the write lock at BEGIN, so another process on the same file waits for it
 * (busy timeout) instead of failing when its read turns into a write.
 */
export function meetingWrites(
  db: Database,
  statements: Statements,
  outbox: ReturnType<typeof outboxRows>,
  sealer: Sealer,
  appendAudit: (meetingId: string, events: readonly AuditEvent[]) => void,
  parsed: ParsedMeetings,
) {
  const writeDependents = ({ meeting, events, idempotency, messages }: CheckedWrite): void => {
    syncIndexRows(statements.participants, meeting.id, participantRows(meeting));
    syncIndexRows(statements.actions, meeting.id, actionRows(meeting));
    syncIndexRows(statements.links, meeting.id, linkRows(meeting));
    appendAudit(meeting.id, events);
    if (idempotency) {
      const row = { key: idempotency.key, result: JSON.stringify(idempotency.result), at: idempotency.at };
      if (statements.insertIdempotency.run(row).changes === 0) throw idempotencyKeyUsed(idempotency.key);
    }
    outbox.queue(messages);
  };

  const create = db.transaction((write: CheckedWrite, row: MeetingRow): void => {
    if (statements.insertMeeting.run(row).changes === 0) throw meetingExists(write.meeting.id);
    writeDependents(write);
  });

  const save = db.transaction((write: CheckedWrite, row: MeetingRow, expectedVersion: number): void => {
    const updated = statements.updateMeeting.run({ ...row, expectedVersion });
    if (updated.changes === 0) throw staleVersion(write.meeting.id, expectedVersion);
    writeDependents(write);
  });

  // Only once committed is the written text what the next read will find.
  return {
    create(write: CheckedWrite): void {
      const { row, texts } = meetingRow(write.meeting, sealer, undefined);
      create.immediate(write, row);
      parsed.written(write.meeting, row.doc, texts);
    },
    save(write: CheckedWrite, expectedVersion: number): void {
      const { row, texts } = meetingRow(write.meeting, sealer, parsed.textsOf(write.meeting.id, expectedVersion));
      save.immediate(write, row, expectedVersion);
      parsed.written(write.meeting, row.doc, texts);
    },
  };
}
