import type { ClientSession } from 'mongodb';
import type { ChildRecord } from '../../domain/child/child-record.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { CheckedChildWrite } from '../child-write-checks.js';
import { childExists, staleChildVersion } from '../store-errors.js';
import { parseStoredAuditEvent, parseStoredChild } from '../stored-data.js';
import type { ChildDocument, Collections } from './documents.js';
import { isDuplicateKey } from './duplicate-key.js';
import type { UnitOfWork } from './unit-of-work.js';

type ChildCollections = Pick<Collections, 'children' | 'childAudit'>;

/** ChildRecordSchema keeps only the record's own fields, so _id is dropped here. */
const fromChildDocument = (document: ChildDocument): ChildRecord => parseStoredChild(document, document._id);

/**
 * The child is written first and its audit entries after it, in one unit of work (a transaction on
 * a replica set), as meetings are: a refused write leaves no audit entry even without transactions.
 */
export function childWrites({ children, childAudit }: ChildCollections, inUnitOfWork: UnitOfWork) {
  const writeAudit = async ({ child, events }: CheckedChildWrite, session: ClientSession | undefined) => {
    if (events.length === 0) return;
    await childAudit.insertMany(events.map((event, position) => ({ childRef: child.ref, childVersion: child.version, position, event })), { session });
  };

  return {
    create: (write: CheckedChildWrite): Promise<void> =>
      inUnitOfWork(async (session) => {
        try {
          await children.insertOne({ _id: write.child.ref, ...write.child }, { session });
        } catch (error) {
          throw isDuplicateKey(error) ? childExists(write.child.ref) : error;
        }
        await writeAudit(write, session);
      }),

    save: (write: CheckedChildWrite, expectedVersion: number): Promise<void> =>
      inUnitOfWork(async (session) => {
        const result = await children.replaceOne({ _id: write.child.ref, version: expectedVersion }, write.child, { session });
        if (result.matchedCount === 0) throw staleChildVersion(write.child.ref, expectedVersion);
        await writeAudit(write, session);
      }),
  };
}

/** The child store's reads. */
export function childReads({ children, childAudit }: ChildCollections): Pick<ChildStore, 'getChild' | 'listChildren' | 'childAuditTrail'> {
  return {
    async getChild(ref) {
      const document = await children.findOne({ _id: ref });
      return document ? fromChildDocument(document) : undefined;
    },

    async listChildren({ after, limit }) {
      const documents = await children.find(after === undefined ? {} : { _id: { $gt: after } }).sort({ _id: 1 }).limit(limit).toArray();
      return documents.map(fromChildDocument);
    },

    async childAuditTrail(ref) {
      const documents = await childAudit.find({ childRef: ref }).sort({ childVersion: 1, position: 1 }).toArray();
      return documents.map((document) => parseStoredAuditEvent(document.event, ref));
    },
  };
}
