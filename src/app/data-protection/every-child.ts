import type { ChildRecord } from '../../domain/child/child-record.js';
import type { ChildStore } from '../../ports/child-store.js';

/** Every child record, in reference order, read a page at a time: the rights procedures look at each. */
export async function* everyChild(children: Pick<ChildStore, 'listChildren'>, limit = 200): AsyncGenerator<ChildRecord> {
  for (let after: string | undefined, page; (page = await children.listChildren({ after, limit })).length > 0; after = page.at(-1)?.ref) yield* page;
}
