import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Meeting } from '../../domain/model.js';
import type { StoreWithChildren } from '../../ports/child-store.js';
import { systemClock } from '../../ports/clock.js';
import type { Clock } from '../../ports/clock.js';
import type { DueAction, IdentityQuery } from '../../ports/store.js';
import { checkChildCreate, checkChildSave } from '../child-write-checks.js';
import { guardWrites, guardedKeyValueRows, healthRow } from '../cannot-write.js';
import { identityKey, participantMatches } from '../identity-match.js';
import { keyValueStore } from '../key-values.js';
import type { KeyValueRows } from '../key-values.js';
import { ParsedMeetings } from '../parsed-meetings.js';
import { byStartThenId, instantMillis } from '../query-rules.js';
import { StoreNotOpenError, StoredDataError } from '../store-errors.js';
import { parseStoredAuditEvent, parseStoredIdempotency, parseStoredMeeting } from '../stored-data.js';
import { checkCreate, checkSave } from '../write-checks.js';
import type { DataKey } from '../encryption/data-keys.js';
import { keyFileKeys } from '../encryption/data-keys.js';
import { createFieldCipher } from '../encryption/field-cipher.js';
import { checkDataKeys } from '../encryption/key-check.js';
import { createSealer } from '../encryption/sealed-documents.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import type { StoredTextRotation } from '../../ports/stored-text-rotation.js';
import { auditChainRows } from './audit-chain-rows.js';
import { childRows } from './child-rows.js';
import { openDatabase } from './connection.js';
import { keyValueRows } from './key-value-rows.js';
import { meetingWrites } from './meeting-writes.js';
import { outboxRows } from './outbox-rows.js';
import { retentionRows } from './retention-rows.js';
import { reencryptRows } from './reencrypt-rows.js';
import { prepareStatements } from './statements.js';
import type { Statements } from './statements.js';
import { sqliteCannotWrite, sqliteWriteProbe } from './write-probe.js';

interface OpenState {
  db: Database;
  statements: Statements;
  writes: ReturnType<typeof meetingWrites>;
  keyValues: KeyValueRows;
  outbox: ReturnType<typeof outboxRows>;
  probe: ReturnType<typeof sqliteWriteProbe>;
  children: ReturnType<typeof childRows>;
  retention: ReturnType<typeof retentionRows>;
  sealer: Sealer;
  reencrypt: StoredTextRotation['reencryptPage'];
  chains: ReturnType<typeof auditChainRows>;
  parsed: ParsedMeetings;
}

/** Enough for every meeting a busy hour touches; each kept meeting costs about what its document does. */
const PARSED_MEETINGS_KEPT = 256;

export interface SqliteStoreOptions {
  filename: string;
  clock?: Clock;
  /**
   * Given the store's own connection once it is open. Only the fault tests use it: settings such
   * as PRAGMA max_page_count (how they fill the disk) hold for one connection alone.
   */
  connection?: (db: Database) => void;
  /** The keys that encrypt free text; without them, the key file beside the SQLite file (made on first use). */
  keys?: readonly DataKey[];
}

/**
 * The embedded default: one file, no server. better-sqlite3 is synchronous, so each call is atomic.
 * The clock stamps key-value entries (updatedAt).
 */
export function createSqliteStore(options: SqliteStoreOptions): StoreWithChildren & StoredTextRotation {
  let state: OpenState | undefined;
  const clock = options.clock ?? systemClock;
  const writing = guardWrites('SQLite', sqliteCannotWrite);

  const open = (): OpenState => {
    if (!state) throw new StoreNotOpenError('SQLite');
    return state;
  };

  const meetingFromRow = (row: { id: string; doc: string }): Meeting => {
    const { sealer, parsed } = open();
    return parsed.read(row.id, row.doc, (doc) => {
      const value: unknown = JSON.parse(doc);
      const texts = sealer.openTexts('meeting', value);
      return { meeting: parseStoredMeeting(value, row.id), texts };
    });
  };

  const meetingsOfParticipant = async (identity: IdentityQuery): Promise<Meeting[]> => {
    const { field, value } = identityKey(identity);
    return open().statements.meetingsWithIdentity[field].all(value).map(meetingFromRow).sort(byStartThenId);
  };

  return {
    kind: 'sqlite',

    async init() {
      if (state) return;
      const sealer = createSealer(createFieldCipher(options.keys ?? keyFileKeys(path.dirname(path.resolve(options.filename))).keys));
      const db = openDatabase(options.filename);
      const statements = prepareStatements(db);
      const outbox = outboxRows(db);
      const keyValues = guardedKeyValueRows(keyValueRows(statements.keyValues), writing);
      const chains = auditChainRows(db, sealer);
      const parsed = new ParsedMeetings(PARSED_MEETINGS_KEPT);
      state = {
        db,
        statements,
        writes: meetingWrites(db, statements, outbox, sealer, chains.appendMeeting, parsed),
        keyValues,
        outbox,
        probe: sqliteWriteProbe(db, statements),
        children: childRows(db, sealer, chains.appendChild),
        sealer,
        reencrypt: reencryptRows(db, sealer),
        retention: retentionRows(db),
        chains,
        parsed,
      };
      options.connection?.(db);
      try {
        await checkDataKeys(keyValueStore(() => open().keyValues, clock), sealer.cipher);
        // After the key check: chaining an entry written before migration 6 opens its data.
        await writing(async () => chains.chainUnchained.immediate());
      } catch (error) {
        // Nothing may be read with keys that do not fit the data: the store stays closed.
        state = undefined;
        db.close();
        throw error;
      }
    },

    async ping() {
      const { statements, probe } = open();
      statements.ping.get();
      await writing(() => probe(healthRow(clock)));
    },

    // start-bot says what the embedded store is for; the file itself has nothing more to tell.
    cautions: () => [],

    async close() {
      state?.db.close();
      state = undefined;
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
      const row = open().statements.meetingById.get(id);
      return row ? meetingFromRow(row) : undefined;
    },

    async meetingsOfChild(childRef) {
      return open().statements.meetingsOfChild.all(childRef).map(meetingFromRow).sort(byStartThenId);
    },

    meetingsOfParticipant,

    async findParticipants(identity) {
      return participantMatches(await meetingsOfParticipant(identity), identity);
    },

    async knowsParticipant(identity) {
      const { field, value } = identityKey(identity);
      return open().statements.participantWithIdentity[field].get(value) === 1;
    },

    async actionsDueBefore(instant) {
      const rows = open().statements.dueActions.all(instantMillis(instant));
      // A meeting with several due actions is parsed once.
      const meetings = new Map<string, Meeting>();
      return rows.map((row): DueAction => {
        const meeting = meetings.get(row.id) ?? meetingFromRow(row);
        meetings.set(row.id, meeting);
        const action = meeting.actions.find((candidate) => candidate.id === row.actionId);
        if (!action) throw new StoredDataError(`The action index lists ${row.actionId}, which meeting ${row.id} does not have.`);
        return { meetingId: row.id, action };
      });
    },

    async auditTrail(meetingId) {
      const { statements, sealer } = open();
      return statements.auditOfMeeting.all(meetingId).map((event) => parseStoredAuditEvent(sealer.openAudit(JSON.parse(event)), meetingId));
    },

    async getIdempotency(key) {
      const row = open().statements.idempotencyByKey.get(key);
      return row ? parseStoredIdempotency({ ...row, result: JSON.parse(row.result) }, key) : undefined;
    },

    async meetingOfLinkToken(tokenHash) {
      return open().statements.meetingOfLinkToken.get(tokenHash);
    },

    claimOutbox: (request) => writing(() => open().outbox.store.claimOutbox(request)),
    settleOutbox: (id, settlement, at) => writing(() => open().outbox.store.settleOutbox(id, settlement, at)),
    outboxOf: (meetingId) => open().outbox.store.outboxOf(meetingId),

    ...keyValueStore(() => open().keyValues, clock),

    heldRecords: (source, page) => open().retention.heldRecords(source, page),
    removeHeld: (source, keys) => writing(() => open().retention.removeHeld(source, keys)),
    redactAudit: (meetingId, eventIds, reason) => writing(() => open().retention.redactAudit(meetingId, eventIds, reason)),
    forgetRemoved: () => writing(() => open().retention.forgetRemoved()),

    async getChild(ref) {
      return open().children.get(ref);
    },
    async createChild(child, saveOptions) {
      const { children } = open();
      await writing(() => children.create(checkChildCreate(child, saveOptions)));
    },
    async saveChild(child, expectedVersion, saveOptions) {
      const { children } = open();
      await writing(() => children.save(checkChildSave(child, expectedVersion, saveOptions), expectedVersion));
    },
    async listChildren(page) {
      return open().children.page(page);
    },
    async childAuditTrail(ref) {
      return open().children.audit(ref);
    },
    redactChildAudit: (ref, eventIds, reason) => writing(() => open().retention.redactChildAudit(ref, eventIds, reason)),

    auditKeys: (page) => open().chains.store.auditKeys(page),
    auditLinks: (key, page) => open().chains.store.auditLinks(key, page),
    auditTip: (key) => open().chains.store.auditTip(key),

    reencryptPage: (page) => open().reencrypt(page),
    currentKeyId: () => open().sealer.cipher.currentKeyId,
  };
}
