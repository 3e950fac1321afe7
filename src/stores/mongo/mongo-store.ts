import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import type { Meeting } from '../../domain/model.js';
import { systemClock } from '../../ports/clock.js';
import type { Clock } from '../../ports/clock.js';
import type { OutboxStore } from '../../ports/outbox.js';
import type { StoreWithChildren } from '../../ports/child-store.js';
import type { IdentityQuery } from '../../ports/store.js';
import { checkChildCreate, checkChildSave } from '../child-write-checks.js';
import { guardWrites, guardedKeyValueRows, healthRow } from '../cannot-write.js';
import { identityKey, participantMatches } from '../identity-match.js';
import { keyValueStore } from '../key-values.js';
import type { KeyValueRows } from '../key-values.js';
import { byStartThenId } from '../query-rules.js';
import { StoreNotOpenError } from '../store-errors.js';
import { parseStoredAuditEvent, parseStoredIdempotency } from '../stored-data.js';
import { checkCreate, checkSave } from '../write-checks.js';
import type { DataKey } from '../encryption/data-keys.js';
import { createFieldCipher } from '../encryption/field-cipher.js';
import { checkDataKeys } from '../encryption/key-check.js';
import { createSealer } from '../encryption/sealed-documents.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import type { StoredTextRotation } from '../../ports/stored-text-rotation.js';
import { reencryptDocuments } from './reencrypt-documents.js';
import { mongoCannotWrite } from './cannot-write.js';
import { mongoAuditChains } from './audit-chain.js';
import { childReads, childWrites } from './child-writes.js';
import { databaseName } from './database-name.js';
import { fromMeetingDocument } from './documents.js';
import type { Collections, MeetingDocument } from './documents.js';
import { KeptSealedTexts } from './kept-sealed-texts.js';
import { actionsDueBefore } from './due-actions.js';
import { keyValueRows } from './key-value-rows.js';
import { meetingWrites } from './meeting-writes.js';
import { mongoOutbox } from './outbox.js';
import { prepareDatabase } from './prepare-database.js';
import { mongoRetention } from './retention.js';
import { supportsTransactions, unitOfWork } from './unit-of-work.js';

interface OpenState {
  client: MongoClient;
  db: Db;
  collections: Collections;
  writes: ReturnType<typeof meetingWrites>;
  childWrites: ReturnType<typeof childWrites>;
  childReads: ReturnType<typeof childReads>;
  keyValues: KeyValueRows;
  outbox: OutboxStore;
  retention: ReturnType<typeof mongoRetention>;
  transactional: boolean;
  reencrypt: StoredTextRotation['reencryptPage'];
  chains: ReturnType<typeof mongoAuditChains>;
}

/** As many meetings as the SQLite store keeps parsed: enough for every meeting a busy hour touches. */
const SEALED_TEXTS_KEPT = 256;

const STANDALONE_CAUTION =
  'MongoDB is a standalone server, not a replica set, so it has no transactions: a meeting, its audit entries, its idempotency record and its outbox rows are written one after another, and a crash between them can leave a change without its audit entry or its cards. Not safe for production: use a replica set (one member is enough: start mongod with --replSet rs0 and run rs.initiate()).';

/**
 * The production store. The URI is parsed and connected in init(), so a bad one fails there.
 * The clock stamps key-value entries (updatedAt).
 */
export function createMongoStore(options: { uri: string; dbName?: string; clock?: Clock; keys: readonly DataKey[] }): StoreWithChildren & StoredTextRotation {
  let state: OpenState | undefined;
  const clock = options.clock ?? systemClock;
  // Made up front: a key list that cannot be used fails before any connection is tried.
  const sealer: Sealer = createSealer(createFieldCipher(options.keys));
  const kept = new KeptSealedTexts(SEALED_TEXTS_KEPT);
  const meetingOf = (document: MeetingDocument): Meeting => fromMeetingDocument(document, sealer, kept);
  const writing = guardWrites('MongoDB', mongoCannotWrite);

  const open = (): OpenState => {
    if (!state) throw new StoreNotOpenError('MongoDB');
    return state;
  };

  const meetingsOfParticipant = async (identity: IdentityQuery): Promise<Meeting[]> => {
    const { field, value } = identityKey(identity);
    const documents = await open().collections.meetings.find({ [`participants.${field}`]: value }).toArray();
    return documents.map(meetingOf).sort(byStartThenId);
  };

  return {
    kind: 'mongodb',

    async init() {
      if (state) return;
      // An optional field cleared with `undefined` must vanish, as in JSON, not come back as null and fail MeetingSchema.
      const client = new MongoClient(options.uri, { ignoreUndefined: true });
      try {
        await client.connect();
        const db = client.db(databaseName(options.uri, options.dbName));
        const collections = await prepareDatabase(db);
        const transactional = await supportsTransactions(db);
        const inUnitOfWork = unitOfWork(client, transactional);
        const chains = mongoAuditChains(collections, sealer, inUnitOfWork);
        const writes = meetingWrites(collections, inUnitOfWork, sealer, chains.appendMeeting, kept);
        state = {
          client,
          db,
          collections,
          writes,
          childWrites: childWrites(collections, inUnitOfWork, sealer, chains.appendChild),
          childReads: childReads(collections, sealer),
          keyValues: guardedKeyValueRows(keyValueRows(collections.keyValues), writing),
          outbox: mongoOutbox(collections),
          transactional,
          reencrypt: reencryptDocuments(collections, sealer),
          retention: mongoRetention(collections, inUnitOfWork),
          chains,
        };
        await checkDataKeys(keyValueStore(() => open().keyValues, clock), sealer.cipher);
        // After the key check: chaining an entry written before the chain opens its data.
        await chains.chainUnchained();
        await chains.anchorUnanchored();
      } catch (error) {
        state = undefined;
        await client.close();
        throw error;
      }
    },

    /** A primary that answers reads but cannot take writes (stepped down, disk full) is not ready. */
    async ping() {
      const { db, keyValues } = open();
      await db.command({ ping: 1 });
      await keyValues.put(healthRow(clock));
    },

    cautions() {
      return open().transactional ? [] : [STANDALONE_CAUTION];
    },

    async close() {
      const client = state?.client;
      state = undefined;
      await client?.close();
    },

    async createMeeting(meeting, saveOptions) {
      const { writes } = open();
      await writing(() => writes.create(checkCreate(meeting, saveOptions)));
    },

    async saveMeeting(meeting, expectedVersion, saveOptions) {
      const { writes } = open();
      await writing(() => writes.save(checkSave(meeting, expectedVersion, saveOptions), expectedVersion));
    },

    async getMeeting(id) {
      const document = await open().collections.meetings.findOne({ _id: id });
      return document ? meetingOf(document) : undefined;
    },

    async meetingsOfChild(childRef) {
      const documents = await open().collections.meetings.find({ 'child.ref': childRef }).toArray();
      return documents.map(meetingOf).sort(byStartThenId);
    },

    meetingsOfParticipant,

    async findParticipants(identity) {
      return participantMatches(await meetingsOfParticipant(identity), identity);
    },

    async knowsParticipant(identity) {
      const { field, value } = identityKey(identity);
      return (await open().collections.meetings.findOne({ [`participants.${field}`]: value }, { projection: { _id: 1 } })) !== null;
    },

    async actionsDueBefore(instant) {
      return actionsDueBefore(open().collections, instant, sealer);
    },

    async auditTrail(meetingId) {
      const documents = await open()
        .collections.audit.find({ meetingId })
        .sort({ meetingVersion: 1, position: 1 })
        .toArray();
      return documents.map((document) => parseStoredAuditEvent(sealer.openAudit(document.event), meetingId));
    },

    async getIdempotency(key) {
      const document = await open().collections.idempotency.findOne({ _id: key });
      return document ? parseStoredIdempotency({ key: document._id, result: document.result, at: document.at }, key) : undefined;
    },

    async meetingOfLinkToken(tokenHash) {
      const document = await open().collections.meetings.findOne({ 'links.tokenHash': tokenHash }, { projection: { _id: 1 } });
      return document?._id;
    },

    claimOutbox: (request) => writing(() => open().outbox.claimOutbox(request)),
    settleOutbox: (id, settlement, at) => writing(() => open().outbox.settleOutbox(id, settlement, at)),
    outboxOf: (meetingId) => open().outbox.outboxOf(meetingId),

    ...keyValueStore(() => open().keyValues, clock),

    heldRecords: (source, page) => open().retention.heldRecords(source, page),
    removeHeld: (source, keys) => writing(() => open().retention.removeHeld(source, keys)),
    redactAudit: (meetingId, eventIds, reason) => writing(() => open().retention.redactAudit(meetingId, eventIds, reason)),
    forgetRemoved: () => writing(() => open().retention.forgetRemoved()),

    getChild: (ref) => open().childReads.getChild(ref),
    async createChild(child, saveOptions) {
      const { childWrites: writes } = open();
      await writing(() => writes.create(checkChildCreate(child, saveOptions)));
    },
    async saveChild(child, expectedVersion, saveOptions) {
      const { childWrites: writes } = open();
      await writing(() => writes.save(checkChildSave(child, expectedVersion, saveOptions), expectedVersion));
    },
    listChildren: (page) => open().childReads.listChildren(page),
    childAuditTrail: (ref) => open().childReads.childAuditTrail(ref),
    redactChildAudit: (ref, eventIds, reason) => writing(() => open().retention.redactChildAudit(ref, eventIds, reason)),

    auditKeys: (page) => open().chains.store.auditKeys(page),
    auditLinks: (key, page) => open().chains.store.auditLinks(key, page),
    auditTip: (key) => open().chains.store.auditTip(key),

    reencryptPage: (page) => open().reencrypt(page),
    currentKeyId: () => sealer.cipher.currentKeyId,
  };
}
