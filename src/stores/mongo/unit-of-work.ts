import type { ClientSession, Db, MongoClient } from 'mongodb';

export type UnitOfWork = (work: (session: ClientSession | undefined) => Promise<void>) => Promise<void>;

/** Transactions need a replica set member, or a mongos in front of a sharded cluster. */
export async function supportsTransactions(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

export function unitOfWork(client: MongoClient, transactional: boolean): UnitOfWork {
  // A standalone mongod has no transactions: the work writes the meeting first, so a refused write leaves no audit or idempotency record.
  if (!transactional) return (work) => work(undefined);
  return async (work) => {
    const session = client.startSession();
    try {
      await session.withTransaction(() => work(session));
    } finally {
      await session.endSession();
    }
  };
}
