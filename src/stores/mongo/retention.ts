import type { Collection, Document } from 'mongodb';
import { CLOSED_STATUSES, MEETING_AUDIT_NAMESPACES } from '../../domain/data-protection/held-records.js';
import type { HeldRecord, RecordSource } from '../../domain/data-protection/held-records.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { RemovableSource, RetentionStore } from '../../ports/retention-store.js';
import { COLLECTION_NAMES } from './documents.js';
import type { Collections } from './documents.js';
import type { UnitOfWork } from './unit-of-work.js';

/** Each source as (collection, stages that give { key, at }). */
function sourcePipeline(collections: Collections, source: RecordSource): { collection: Collections[keyof Collections]; stages: Document[] } {
  if (typeof source !== 'string') {
    return { collection: collections.keyValues, stages: [{ $match: { namespace: source.namespace } }, { $project: { key: '$key', at: '$updatedAt' } }] };
  }
  switch (source) {
    case 'closed-meeting':
      return {
        collection: collections.meetings,
        stages: [{ $match: { status: { $in: [...CLOSED_STATUSES] }, anonymised: { $exists: false } } }, { $project: { key: '$_id', at: { $ifNull: ['$concludedAt', '$updatedAt'] } } }],
      };
    case 'anonymised-meeting':
      return { collection: collections.meetings, stages: [{ $match: { anonymised: { $exists: true } } }, { $project: { key: '$_id', at: '$anonymised.closedAt' } }] };
    case 'child':
      // One meeting found through the by_child index is enough to keep the child.
      return {
        collection: collections.children,
        stages: [
          { $lookup: { from: COLLECTION_NAMES.meetings, localField: '_id', foreignField: 'child.ref', pipeline: [{ $limit: 1 }, { $project: { _id: 1 } }], as: 'meetings' } },
          { $match: { meetings: { $size: 0 } } },
          { $project: { key: '$_id', at: '$updatedAt' } },
        ],
      };
    case 'secure-link':
      return { collection: collections.meetings, stages: [{ $unwind: '$links' }, { $project: { key: { $concat: ['$_id', '/', '$links.id'] }, at: '$links.expiresAt' } }] };
    case 'idempotency':
      return { collection: collections.idempotency, stages: [{ $project: { key: '$_id', at: '$at' } }] };
    case 'outbox':
      return { collection: collections.outbox, stages: [{ $match: { state: { $ne: 'pending' } } }, { $project: { key: '$_id', at: '$settledAt' } }] };
  }
}

/** Empties the data of a meeting's or a child's audit entries, once each; the entry and its chain fields stay. */
async function redact(audit: Collection, owner: Document, eventIds: readonly string[], reason: 'erasure' | 'retention'): Promise<number> {
  const updated = await audit.updateMany({ ...owner, 'event.id': { $in: [...eventIds] }, 'event.data.redacted': { $exists: false } }, { $set: { 'event.data': { redacted: reason } } });
  return updated.modifiedCount;
}

/**
 * The retention run's queries on MongoDB. Dates are stored as ISO text: $toDate reads them as
 * instants, so offsets compare correctly. An anonymised meeting goes with its audit trail and
 * outbox rows, and a child with their audit trail, in one unit of work (a transaction on a
 * replica set).
 */
export function mongoRetention(collections: Collections, inUnitOfWork: UnitOfWork): RetentionStore & Pick<ChildStore, 'redactChildAudit'> {
  const removeMeeting = async (id: string): Promise<number> => {
    let removed = 0;
    await inUnitOfWork(async (session) => {
      const deleted = await collections.meetings.deleteOne({ _id: id, anonymised: { $exists: true } }, { session });
      removed = deleted.deletedCount;
      if (removed === 0) return;
      await collections.audit.deleteMany({ meetingId: id }, { session });
      await collections.outbox.deleteMany({ meetingId: id }, { session });
      await collections.outboxLeases.deleteOne({ _id: id }, { session });
      // `<id>/` up to `<id>0`: '0' is the character after '/', so this is exactly the keys under the meeting.
      await collections.keyValues.deleteMany({ namespace: { $in: [...MEETING_AUDIT_NAMESPACES] }, key: { $gte: `${id}/`, $lt: `${id}0` } }, { session });
    });
    return removed;
  };

  // The child is kept if a meeting of theirs was saved meanwhile; else it goes with its whole trail.
  const removeChild = async (ref: string): Promise<number> => {
    let removed = 0;
    await inUnitOfWork(async (session) => {
      // Set on every attempt: a transaction retried after a transient error starts again from nothing.
      removed = 0;
      if ((await collections.meetings.countDocuments({ 'child.ref': ref }, { session, limit: 1 })) > 0) return;
      removed = (await collections.children.deleteOne({ _id: ref }, { session })).deletedCount;
      if (removed === 0) return;
      await collections.childAudit.deleteMany({ childRef: ref }, { session });
    });
    return removed;
  };

  const removeRows = async (source: Exclude<RemovableSource, 'anonymised-meeting' | 'child'>, keys: string[]): Promise<number> => {
    if (typeof source !== 'string') return (await collections.keyValues.deleteMany({ namespace: source.namespace, key: { $in: keys } })).deletedCount;
    if (source === 'idempotency') return (await collections.idempotency.deleteMany({ _id: { $in: keys } })).deletedCount;
    return (await collections.outbox.deleteMany({ _id: { $in: keys }, state: { $ne: 'pending' } })).deletedCount;
  };

  return {
    async heldRecords(source, { before, after, limit }) {
      const { collection, stages } = sourcePipeline(collections, source);
      const pipeline = [
        ...stages,
        { $match: { key: { $gt: after ?? '' }, $expr: { $lt: [{ $toDate: '$at' }, new Date(before)] } } },
        { $sort: { key: 1 } },
        { $limit: limit },
        { $project: { _id: 0, key: 1, at: 1 } },
      ];
      return (await collection.aggregate<HeldRecord>(pipeline).toArray()).map(({ key, at }) => ({ key, at }));
    },
    redactAudit: (meetingId, eventIds, reason) => redact(collections.audit as unknown as Collection, { meetingId }, eventIds, reason),
    redactChildAudit: (ref, eventIds, reason) => redact(collections.childAudit as unknown as Collection, { childRef: ref }, eventIds, reason),
    // WiredTiger rewrites a changed document rather than editing it in place, and its freed blocks
    // are reused, not zeroed: encryption at rest of the volume (the hosting's) covers what remains.
    async forgetRemoved() {},
    async removeHeld(source, keys) {
      if (keys.length === 0) return 0;
      if (source !== 'anonymised-meeting' && source !== 'child') return removeRows(source, [...keys]);
      const removeOne = source === 'child' ? removeChild : removeMeeting;
      let removed = 0;
      for (const key of keys) removed += await removeOne(key);
      return removed;
    },
  };
}
