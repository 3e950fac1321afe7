import type { ClientSession, Collection, Document, Filter } from 'mongodb';
import { EMPTY_CHAIN } from '../../domain/audit-chain.js';
import type { ChainFields, ChainTip } from '../../domain/audit-chain.js';
import { childAuditKey } from '../../domain/child/child-record.js';
import type { AuditEvent } from '../../domain/model.js';
import type { AuditChainStore } from '../../ports/audit-chain-store.js';
import { auditKeysPage, auditLinkOf, auditOfKey, chainEntries, chainStoredEntries } from '../audit-links.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import type { AuditTip, Collections } from './documents.js';
import type { UnitOfWork } from './unit-of-work.js';

/** An audit document of either collection, by its own field names (owner: meetingId or childRef; version: meetingVersion or childVersion). */
type ChainDocument = Document & { position: number; event: AuditEvent; chain?: ChainFields };

/** A meeting or child document, as far as its chain's anchor goes. */
type RecordDocument = { _id: string; auditTip?: AuditTip };

interface ChainCollection {
  collection: Collection<ChainDocument>;
  records: Collection<RecordDocument>;
  owner: string;
  version: string;
  keyOf: (owner: string) => string;
}

/**
 * Appends a record's new audit entries, chained, in its save's unit of work, and anchors the new tip
 * in the record. `anchored` is the tip the record held before the save wrote it (EMPTY_CHAIN for a
 * new record; undefined for one written before anchors, whose entries then say where the chain ends).
 */
export type AppendAudit = (owner: string, ownerVersion: number, events: readonly AuditEvent[], session: ClientSession | undefined, anchored: AuditTip | undefined) => Promise<void>;

const CHAINED = { 'chain.seq': { $exists: true } };

/** Where a page of links ends: the last entry's version and position, which order the trail. */
const cursorOf = (version: number, position: number): string => `${version}/${position}`;

function chainCollection({ collection, records, owner, version, keyOf }: ChainCollection, sealer: Sealer, inUnitOfWork: UnitOfWork) {
  const tip = async (id: string, session: ClientSession | undefined): Promise<ChainTip> => {
    const last = await collection.findOne({ [owner]: id, ...CHAINED } as Filter<ChainDocument>, { sort: { 'chain.seq': -1 }, projection: { chain: 1 }, session });
    return last?.chain ? { seq: last.chain.seq, hash: last.chain.hash } : EMPTY_CHAIN;
  };
  const anchor = (id: string, { seq, hash }: AuditTip, session: ClientSession | undefined) => records.updateOne({ _id: id }, { $set: { auditTip: { seq, hash } } }, { session });

  return {
    /**
     * In the save's unit of work: its meeting (or child) was written first, from the expected
     * version, so a second writer of the same record conflicts there; where two appends still meet
     * (a standalone server), the unique (owner, chain.seq) index refuses the second. The chain goes
     * on from the anchored tip, not from its last entry left, so entries deleted from its end stay
     * missing after the next append too. The tip is set even with no entries: the save replaced the record.
     */
    append: (async (id, ownerVersion, events, session, anchored) => {
      const from = anchored ?? (await tip(id, session));
      const entries = chainEntries(keyOf(id), from, events, sealer);
      if (entries.length > 0) {
        await collection.insertMany(
          entries.map(({ sealed, chain }, position) => ({ [owner]: id, [version]: ownerVersion, position, event: sealed, chain }) as ChainDocument),
          { session },
        );
      }
      await anchor(id, entries.at(-1)?.chain ?? from, session);
    }) satisfies AppendAudit,

    async anchored(id: string): Promise<ChainTip | undefined> {
      const record = await records.findOne({ _id: id }, { projection: { auditTip: 1 } });
      return record ? (record.auditTip ?? EMPTY_CHAIN) : undefined;
    },

    async links(id: string, after: string | undefined, limit: number) {
      const [afterVersion = 0, afterPosition = -1] = after === undefined ? [] : after.split('/').map(Number);
      const documents = await collection
        .find({ [owner]: id, $or: [{ [version]: { $gt: afterVersion } }, { [version]: afterVersion, position: { $gt: afterPosition } }] } as Filter<ChainDocument>)
        .sort({ [version]: 1, position: 1 })
        .limit(limit)
        .toArray();
      const last = documents.at(-1);
      return {
        links: documents.map((document) => auditLinkOf(keyOf(id), document.event, document.chain, sealer)),
        ...(documents.length === limit && last ? { next: cursorOf(last[version] as number, last.position) } : {}),
      };
    },

    /**
     * One index seek per owner (the in-order index leads with it), so a page costs its own size, not
     * the collection's; and one in the records whose tip names entries, so a chain whose every entry
     * was deleted is listed, and found cut short.
     */
    async owners(after: string, limit: number): Promise<string[]> {
      const found: string[] = [];
      for (let last = after; found.length < limit; ) {
        const [entry, record] = await Promise.all([
          collection.findOne({ [owner]: { $gt: last } } as Filter<ChainDocument>, { sort: { [owner]: 1 }, projection: { [owner]: 1 } }),
          records.findOne({ _id: { $gt: last }, 'auditTip.seq': { $gt: 0 } }, { sort: { _id: 1 }, projection: { _id: 1 } }),
        ]);
        const next = [entry?.[owner] as string | undefined, record?._id].filter((id) => id !== undefined).sort()[0];
        if (next === undefined) break;
        last = next;
        found.push(last);
      }
      return found;
    },

    /** Each record's unchained entries in one unit of work: two instances starting together cannot interleave their chains. */
    async chainUnchained(): Promise<number> {
      let chained = 0;
      for (const id of (await collection.distinct(owner, { chain: { $exists: false } } as Filter<ChainDocument>)) as string[]) {
        await inUnitOfWork(async (session) => {
          const documents = await collection.find({ [owner]: id, chain: { $exists: false } } as Filter<ChainDocument>, { session }).sort({ [version]: 1, position: 1 }).toArray();
          const entries = chainStoredEntries(keyOf(id), await tip(id, session), documents.map((document) => document.event), sealer);
          for (const [index, { sealed, chain }] of entries.entries()) {
            const updated = await collection.updateOne({ _id: documents[index]?._id, chain: { $exists: false } } as Filter<ChainDocument>, { $set: { event: sealed, chain } }, { session });
            chained += updated.modifiedCount;
          }
        });
      }
      return chained;
    },

    /** Records written before anchors: each takes its tip from its entries, in one unit of work with them. */
    async anchorUnanchored(): Promise<void> {
      for (const { _id } of await records.find({ auditTip: { $exists: false } }, { projection: { _id: 1 } }).toArray()) {
        await inUnitOfWork(async (session) => {
          await records.updateOne({ _id, auditTip: { $exists: false } }, { $set: { auditTip: await tip(_id, session) } }, { session });
        });
      }
    },
  };
}

/**
 * The audit chains on MongoDB: appends for the meeting and child writes (each anchoring its chain's
 * tip in the record), pages and tips for the verifier, and the start-up back-fills of entries
 * written before the chain and of records written before anchors.
 */
export function mongoAuditChains(collections: Pick<Collections, 'audit' | 'childAudit' | 'meetings' | 'children'>, sealer: Sealer, inUnitOfWork: UnitOfWork) {
  const meetings = chainCollection(
    { collection: collections.audit as unknown as Collection<ChainDocument>, records: collections.meetings as unknown as Collection<RecordDocument>, owner: 'meetingId', version: 'meetingVersion', keyOf: (id) => id },
    sealer,
    inUnitOfWork,
  );
  const children = chainCollection(
    { collection: collections.childAudit as unknown as Collection<ChainDocument>, records: collections.children as unknown as Collection<RecordDocument>, owner: 'childRef', version: 'childVersion', keyOf: childAuditKey },
    sealer,
    inUnitOfWork,
  );
  const store: AuditChainStore = {
    auditKeys: (page) => auditKeysPage(page, meetings.owners, children.owners),
    auditLinks: (key, { after, limit }) => {
      const { audit, owner } = auditOfKey(key, { meetings, children });
      return audit.links(owner, after, limit);
    },
    auditTip: (key) => {
      const { audit, owner } = auditOfKey(key, { meetings, children });
      return audit.anchored(owner);
    },
  };

  return {
    store,
    appendMeeting: meetings.append,
    appendChild: children.append,
    chainUnchained: async (): Promise<number> => (await meetings.chainUnchained()) + (await children.chainUnchained()),
    /** After chainUnchained: anchors, in each record written before anchors, where its chain ends. */
    anchorUnanchored: async (): Promise<void> => {
      await meetings.anchorUnanchored();
      await children.anchorUnanchored();
    },
  };
}
