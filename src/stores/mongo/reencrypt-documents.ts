import type { Meeting } from '../../domain/model.js';
import type { StoredTextRotation } from '../../ports/stored-text-rotation.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import type { Collections } from './documents.js';
import { toMeetingDocument } from './documents.js';

/**
 * The key rotation's page: each stale document is replaced in its own write, only while it is
 * still at the version read. The meeting goes back through toMeetingDocument, so its dueAtDate
 * twins are rebuilt exactly as a save builds them. The audit tip a record anchors is kept as it was.
 */
export function reencryptDocuments({ meetings, children }: Pick<Collections, 'meetings' | 'children'>, sealer: Sealer): StoredTextRotation['reencryptPage'] {
  return async ({ records, after, limit }) => {
    const filter = after === undefined ? {} : { _id: { $gt: after } };
    let rewritten = 0;
    if (records === 'meetings') {
      const documents = await meetings.find(filter).sort({ _id: 1 }).limit(limit).toArray();
      for (const document of documents.filter((d) => sealer.isStale('meeting', d))) {
        const { _id, ...stored } = sealer.open('meeting', document) as typeof document;
        const meeting: Meeting = { ...stored, actions: stored.actions.map(({ dueAtDate: _dueAtDate, ...action }) => action) };
        const { _id: same, ...replacement } = toMeetingDocument(meeting, sealer).document;
        const anchored = document.auditTip ? { auditTip: document.auditTip } : {};
        rewritten += (await meetings.replaceOne({ _id: same, version: document.version }, { ...replacement, ...anchored })).modifiedCount;
      }
      return { scanned: documents.length, rewritten, last: documents.at(-1)?._id };
    }
    const documents = await children.find(filter).sort({ _id: 1 }).limit(limit).toArray();
    for (const document of documents.filter((d) => sealer.isStale('child', d))) {
      const { _id, auditTip, ...child } = sealer.open('child', document) as typeof document;
      rewritten += (await children.replaceOne({ _id, version: document.version }, { ...sealer.seal('child', child), ...(auditTip ? { auditTip } : {}) })).modifiedCount;
    }
    return { scanned: documents.length, rewritten, last: documents.at(-1)?._id };
  };
}
