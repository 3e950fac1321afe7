import type { ClientSession, Collection, Document, Filter } from 'mongodb';
import { EMPTY_CHAIN } from '../../domain/audit-chain.js';
import type { ChainFields, ChainTip } from '../../domain/audit-chain.js';
import { childAuditKey } from '../../domain/child/child-record.js';
import type { AuditEvent } from '../../domain/model.js';
import type { AuditChainStore } from '../../ports/audit-chain-store.js';
import { auditKeysPage, auditLinkOf, chainEntries, chainStoredEntries, ownerOfKey } from '../audit-links.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import type { Collections } from './documents.js';
import type { UnitOfWork } from './unit-of-work.js';

/** An audit document of either collection, by its own field names (owner: meetingId or childRef; version: meetingVersion or childVersion). */
type ChainDocument = Document & { position: number; event: AuditEvent; chain?: ChainFields };

interface ChainCollection {
  collection: Collection<ChainDocument>;
  owner: string;
  version: string;
  keyOf: (owner: string) => string;
}

/** Appends a record's new audit entries, chained, in its save's unit of work. */
export type AppendAudit = (owner: string, ownerVersion: number, events: readonly AuditEvent[], session: ClientSession | undefined) => Promise<void>;

const CHAINED = { 'chain.seq': { $exists: true } };

/** Where a page of links ends: the last entry's version and position, which order the trail. */
const cursorOf = (version: number, position: number): string => `${version}/${position}`;

function chainCollection({ collection, owner, version, keyOf }: ChainCollection, sealer: Sealer, inUnitOfWork: UnitOfWork) {
  const tip = async (id: string, session: ClientSession | undefined): Promise<ChainTip> => {
    const last = await collection.findOne({ [owner]: id, ...CHAINED } as Filter<ChainDocument>, { sort: { 'chain.seq': -1 }, projection: { chain: 1 }, session });
    return last?.chain ? { seq: last.chain.seq, hash: last.chain.hash } : EMPTY_CHAIN;
  };

  return {
    /**
     * In the save's unit of work: its meeting (or child) was written first, from the expected
     * version, so a second writer of the same record conflicts there; where two appends still meet
     * (a standalone server), the unique (owner, chain.seq) index refuses the second.
     */
    append: (async (id, ownerVersion, events, session) => {
      if (events.length === 0) return;
      const entries = chainEntries(keyOf(id), await tip(id, session), events, sealer);
      await collection.insertMany(
        entries.map(({ sealed, chain }, position) => ({ [owner]: id, [version]: ownerVersion, position, event: sealed, chain }) as ChainDocument),
        { session },
      );
    }) satisfies AppendAudit,

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

    /** One index seek per owner (the in-order index leads with it), so a page costs its own size, not the collection's. */
    async owners(after: string, limit: number): Promise<string[]> {
      const found: string[] = [];
      for (let last = after; found.length < limit; ) {
        const next = await collection.findOne({ [owner]: { $gt: last } } as Filter<ChainDocument>, { sort: { [owner]: 1 }, projection: { [owner]: 1 } });
        if (!next) break;
        last = next[owner] as string;
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
  };
}

/**
 * The audit chains on MongoDB: appends for the meeting and child writes, pages for the verifier,
 * and the start-up back-fill of entries written before the chain.
 */
export function mongoAuditChains(collections: Pick<Collections, 'audit' | 'childAudit'>, sealer: Sealer, inUnitOfWork: UnitOfWork) {
  const meetings = chainCollection({ collection: collections.audit as unknown as Collection<ChainDocument>, owner: 'meetingId', version: 'meetingVersion', keyOf: (id) => id }, sealer, inUnitOfWork);
  const children = chainCollection({ collection: collections.childAudit as unknown as Collection<ChainDocument>, owner: 'childRef', version: 'childVersion', keyOf: childAuditKey }, sealer, inUnitOfWork);
  const store: AuditChainStore = {
    auditKeys: (page) => auditKeysPage(page, meetings.owners, children.owners),
    auditLinks: (key, { after, limit }) => {
      const { children: ofChild, owner } = ownerOfKey(key);
      return (ofChild ? children : meetings).links(owner, after, limit);
    },
  };

  return {
    store,
    appendMeeting: meetings.append,
    appendChild: children.append,
    chainUnchained: async (): Promise<number> => (await meetings.chainUnchained()) + (await children.chainUnchained()),
  };
}
