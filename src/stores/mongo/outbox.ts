import type { UpdateFilter } from 'mongodb';
import type { OutboxMessage, OutboxRecord, OutboxStore } from '../../ports/outbox.js';
import { instantMillis } from '../query-rules.js';
import { parseStoredOutbox } from '../stored-data.js';
import type { Collections, OutboxDocument } from './documents.js';
import { isDuplicateKey } from './duplicate-key.js';

const EPOCH = new Date(0);

export const toOutboxDocument = (message: OutboxMessage): OutboxDocument => ({
  _id: message.id,
  meetingId: message.meetingId,
  message: message.message as Record<string, unknown>,
  state: 'pending',
  attempts: 0,
  dueAt: new Date(instantMillis(message.createdAt)),
  leaseUntil: EPOCH,
  createdAt: message.createdAt,
});

const recordOf = (document: OutboxDocument): OutboxRecord =>
  parseStoredOutbox(
    { id: document._id, meetingId: document.meetingId, message: document.message, createdAt: document.createdAt, state: document.state, attempts: document.attempts, reason: document.reason, ref: document.ref },
    document._id,
  );

/**
 * The outbox in MongoDB. A meeting's messages are claimed under a lease document per meeting,
 * taken with one atomic upsert: two instances racing for the same meeting cannot both win.
 */
export function mongoOutbox({ outbox, outboxLeases }: Collections): OutboxStore {
  async function takeLease(meetingId: string, now: Date, until: Date): Promise<boolean> {
    try {
      const taken = await outboxLeases.findOneAndUpdate({ _id: meetingId, until: { $lte: now } }, { $set: { until } }, { upsert: true, returnDocument: 'after' });
      return taken !== null;
    } catch (error) {
      // The lease exists and is still held: the upsert's insert collided with it.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  return {
    async claimOutbox({ now, leaseMs, limit }) {
      const at = new Date(instantMillis(now));
      const until = new Date(at.getTime() + leaseMs);
      const due = await outbox.find({ state: 'pending', dueAt: { $lte: at }, leaseUntil: { $lte: at } }).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray();
      const claimed: OutboxRecord[] = [];
      for (const meetingId of new Set(due.map((document) => document.meetingId))) {
        if (!(await takeLease(meetingId, at, until))) continue;
        const ids = due.filter((document) => document.meetingId === meetingId).map((document) => document._id);
        await outbox.updateMany({ _id: { $in: ids }, state: 'pending' }, { $set: { leaseUntil: until }, $inc: { attempts: 1 } });
        const leased = await outbox.find({ _id: { $in: ids }, state: 'pending', leaseUntil: until }).sort({ createdAt: 1, _id: 1 }).toArray();
        claimed.push(...leased.map(recordOf));
      }
      return claimed;
    },

    async settleOutbox(id, settlement, at) {
      const update: UpdateFilter<OutboxDocument> =
        settlement.state === 'sent'
          ? { $set: { state: 'sent', settledAt: at, leaseUntil: EPOCH, ...(settlement.ref ? { ref: settlement.ref } : {}) }, $unset: { reason: '', 'message.link.token': '' } }
          : settlement.state === 'retry'
            ? { $set: { reason: settlement.reason, dueAt: new Date(instantMillis(settlement.dueAt)), leaseUntil: EPOCH } }
            : { $set: { state: 'failed', settledAt: at, reason: settlement.reason, leaseUntil: EPOCH }, $unset: { 'message.link.token': '' } };
      const settled = await outbox.findOneAndUpdate({ _id: id }, update);
      if (!settled) return;
      const stillLeased = await outbox.countDocuments({ meetingId: settled.meetingId, state: 'pending', leaseUntil: { $gt: new Date(instantMillis(at)) } });
      if (stillLeased === 0) await outboxLeases.deleteOne({ _id: settled.meetingId });
    },

    async outboxOf(meetingId) {
      const documents = await outbox.find({ meetingId }).sort({ createdAt: 1, _id: 1 }).toArray();
      return documents.map(recordOf);
    },
  };
}
