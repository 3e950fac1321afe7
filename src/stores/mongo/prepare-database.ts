import { MongoServerError } from 'mongodb';
import type { Db } from 'mongodb';
import { COLLECTION_NAMES, collectionsOf } from './documents.js';
import type { Collections } from './documents.js';

const NAMESPACE_EXISTS = 48;

/** Collections are created up front: a transaction on a sharded cluster cannot create one. */
async function ensureCollections(db: Db): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name));
  for (const name of Object.values(COLLECTION_NAMES).filter((candidate) => !existing.has(candidate))) {
    try {
      await db.createCollection(name);
    } catch (error) {
      // Another instance starting at the same moment created it first: that is the outcome we wanted.
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    }
  }
}

/**
 * Safe on every start: createIndexes does nothing for an index that already exists as defined.
 * Equality fields come before range fields (status, then due date). The idempotency key is the
 * collection's _id, which is unique already; a key-value claim relies on by_namespace_key being unique.
 */
export async function prepareDatabase(db: Db): Promise<Collections> {
  await ensureCollections(db);
  const collections = collectionsOf(db);
  await collections.meetings.createIndexes([
    { key: { 'child.ref': 1 }, name: 'by_child' },
    { key: { 'participants.email': 1 }, name: 'by_participant_email' },
    { key: { 'participants.teamsUserId': 1 }, name: 'by_participant_teams_user' },
    { key: { 'participants.teamsAadObjectId': 1 }, name: 'by_participant_teams_aad' },
    { key: { 'participants.slackUserId': 1 }, name: 'by_participant_slack_user' },
    { key: { 'actions.status': 1, 'actions.dueAtDate': 1 }, name: 'by_action_due' },
    { key: { 'links.tokenHash': 1 }, name: 'by_link_token' },
  ]);
  await collections.outbox.createIndexes([
    { key: { state: 1, dueAt: 1 }, name: 'by_state_due' },
    { key: { meetingId: 1, createdAt: 1, _id: 1 }, name: 'by_meeting_in_order' },
  ]);
  await collections.audit.createIndexes([
    { key: { meetingId: 1, meetingVersion: 1, position: 1 }, name: 'by_meeting_in_order', unique: true },
    // One entry per place in a chain: two appends after the same entry cannot both be written.
    { key: { meetingId: 1, 'chain.seq': 1 }, name: 'by_meeting_chain', unique: true, partialFilterExpression: { 'chain.seq': { $exists: true } } },
  ]);
  await collections.childAudit.createIndexes([
    { key: { childRef: 1, childVersion: 1, position: 1 }, name: 'by_child_in_order', unique: true },
    { key: { childRef: 1, 'chain.seq': 1 }, name: 'by_child_chain', unique: true, partialFilterExpression: { 'chain.seq': { $exists: true } } },
  ]);
  await collections.keyValues.createIndexes([{ key: { namespace: 1, key: 1 }, name: 'by_namespace_key', unique: true }]);
  return collections;
}
