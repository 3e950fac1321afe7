import type { ClientSession } from 'mongodb';
import type { DomainError } from '../../domain/errors.js';
import { idempotencyKeyUsed, meetingExists, staleVersion } from '../store-errors.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import type { CheckedWrite } from '../write-checks.js';
import { toMeetingDocument } from './documents.js';
import { toOutboxDocument } from './outbox.js';
import type { Collections } from './documents.js';
import { isDuplicateKey } from './duplicate-key.js';
import type { UnitOfWork } from './unit-of-work.js';
import type { AppendAudit } from './audit-chain.js';
import { EMPTY_CHAIN } from '../../domain/audit-chain.js';
import type { AuditTip } from './documents.js';
import type { KeptSealedTexts } from './kept-sealed-texts.js';

async function insertOrRefuse(insert: () => Promise<unknown>, refusal: () => DomainError): Promise<void> {
  try {
    await insert();
  } catch (error) {
    throw isDuplicateKey(error) ? refusal() : error;
  }
}

/** The meeting is always written first; its audit events (chained), idempotency record and outbox messages follow it. */
export function meetingWrites({ meetings, idempotency, outbox }: Collections, inUnitOfWork: UnitOfWork, sealer: Sealer, appendAudit: AppendAudit, kept: KeptSealedTexts) {
  const writeDependents = async ({ meeting, events, idempotency: record, messages }: CheckedWrite, session: ClientSession | undefined, anchored: AuditTip | undefined) => {
    await appendAudit(meeting.id, meeting.version, events, session, anchored);
    if (record) {
      const document = { _id: record.key, result: record.result, at: record.at };
      await insertOrRefuse(() => idempotency.insertOne(document, { session }), () => idempotencyKeyUsed(record.key));
    }
    if (messages.length > 0) await outbox.insertMany(messages.map(toOutboxDocument), { session });
  };

  return {
    async create(write: CheckedWrite): Promise<void> {
      const { document, texts } = toMeetingDocument(write.meeting, sealer);
      await inUnitOfWork(async (session) => {
        await insertOrRefuse(() => meetings.insertOne(document, { session }), () => meetingExists(write.meeting.id));
        await writeDependents(write, session, EMPTY_CHAIN);
      });
      kept.keep(write.meeting.id, write.meeting.version, texts);
    },

    async save(write: CheckedWrite, expectedVersion: number): Promise<void> {
      const {
        document: { _id, ...replacement },
        texts,
      } = toMeetingDocument(write.meeting, sealer, kept.of(write.meeting.id, expectedVersion));
      await inUnitOfWork(async (session) => {
        // The document as it was, for the audit tip it anchored, which the replacement drops and the append sets again.
        const before = await meetings.findOneAndReplace({ _id, version: expectedVersion }, replacement, { session, projection: { auditTip: 1 } });
        if (!before) throw staleVersion(_id, expectedVersion);
        await writeDependents(write, session, before.auditTip);
      });
      kept.keep(_id, write.meeting.version, texts);
    },
  };
}
