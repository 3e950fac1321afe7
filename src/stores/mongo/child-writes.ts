import type { ClientSession } from 'mongodb';
import type { ChildRecord } from '../../domain/child/child-record.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { CheckedChildWrite } from '../child-write-checks.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import { childExists, staleChildVersion } from '../store-errors.js';
import { parseStoredAuditEvent, parseStoredChild } from '../stored-data.js';
import type { ChildDocument, Collections } from './documents.js';
import { isDuplicateKey } from './duplicate-key.js';
import type { UnitOfWork } from './unit-of-work.js';
import type { AppendAudit } from './audit-chain.js';
import { EMPTY_CHAIN } from '../../domain/audit-chain.js';
import type { AuditTip } from './documents.js';

type ChildCollections = Pick<Collections, 'children' | 'childAudit'>;

/** ChildRecordSchema keeps only the record's own fields, so _id is dropped here. */
const fromChildDocument = (document: ChildDocument, sealer: Sealer): ChildRecord => parseStoredChild(sealer.open('child', document), document._id);

/**
 * The child is written first and its audit entries after it, in one unit of work (a transaction on
 * a replica set), as meetings are: a refused write leaves no audit entry even without transactions.
 */
export function childWrites({ children }: Pick<Collections, 'children'>, inUnitOfWork: UnitOfWork, sealer: Sealer, appendAudit: AppendAudit) {
  const writeAudit = ({ child, events }: CheckedChildWrite, session: ClientSession | undefined, anchored: AuditTip | undefined) =>
    appendAudit(child.ref, child.version, events, session, anchored);

  return {
    create: (write: CheckedChildWrite): Promise<void> =>
      inUnitOfWork(async (session) => {
        try {
          await children.insertOne({ _id: write.child.ref, ...sealer.seal('child', write.child) }, { session });
        } catch (error) {
          throw isDuplicateKey(error) ? childExists(write.child.ref) : error;
        }
        await writeAudit(write, session, EMPTY_CHAIN);
      }),

    save: (write: CheckedChildWrite, expectedVersion: number): Promise<void> =>
      inUnitOfWork(async (session) => {
        // As a meeting's save: the tip the replacement drops is set again by the append.
        const before = await children.findOneAndReplace({ _id: write.child.ref, version: expectedVersion }, sealer.seal('child', write.child), { session, projection: { auditTip: 1 } });
        if (!before) throw staleChildVersion(write.child.ref, expectedVersion);
        await writeAudit(write, session, before.auditTip);
      }),
  };
}

/** The child store's reads. */
export function childReads({ children, childAudit }: ChildCollections, sealer: Sealer): Pick<ChildStore, 'getChild' | 'listChildren' | 'childAuditTrail'> {
  return {
    async getChild(ref) {
      const document = await children.findOne({ _id: ref });
      return document ? fromChildDocument(document, sealer) : undefined;
    },

    async listChildren({ after, limit }) {
      const documents = await children.find(after === undefined ? {} : { _id: { $gt: after } }).sort({ _id: 1 }).limit(limit).toArray();
      return documents.map((document) => fromChildDocument(document, sealer));
    },

    async childAuditTrail(ref) {
      const documents = await childAudit.find({ childRef: ref }).sort({ childVersion: 1, position: 1 }).toArray();
      return documents.map((document) => parseStoredAuditEvent(sealer.openAudit(document.event), ref));
    },
  };
}
