import type { AccessEntry } from '../../domain/data-protection/access-entry.js';
import { AccessEntrySchema } from '../../domain/data-protection/access-entry.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/ids.js';
import type { KeyValueStore } from '../../ports/key-value.js';
import { isStoreUnavailable } from '../../ports/store-unavailable.js';
import type { Logger } from '../../observability/logger.js';

/**
 * The access log, in the store beside the audit: one key-value entry per access under
 * `<meeting id>/<instant>/<id>`, so a meeting's entries list in time order with an indexed prefix
 * query in either store, and appending never touches the meeting (reading is not a change, and
 * must not bump the version someone is editing). Entries hold ids only, so nothing in them needs
 * encrypting, and retention removes them by meeting like the audit.
 */
export const ACCESS_NAMESPACE = 'access-log';

export interface AccessLogDeps {
  store: KeyValueStore;
  clock: Clock;
  newId: IdGenerator;
}

export type AccessRecord = Omit<AccessEntry, 'id' | 'at'>;

export async function recordAccess(deps: AccessLogDeps, access: AccessRecord): Promise<AccessEntry> {
  const entry = AccessEntrySchema.parse({ ...access, id: deps.newId(), at: deps.clock.now().toISOString() });
  await deps.store.putValue(ACCESS_NAMESPACE, `${entry.meetingId}/${entry.at}/${entry.id}`, entry);
  return entry;
}

/**
 * For the pages people open: when the store cannot write (disk full, read-only), the page still
 * opens, as it did before there was an access log (a carer must still reach their card), and the
 * lost entry is logged as an error by meeting id so it is seen; any other failure stops the page.
 */
export async function recordPageAccess(deps: AccessLogDeps & { logger: Logger }, access: AccessRecord): Promise<void> {
  try {
    await recordAccess(deps, access);
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    deps.logger.error({ err: error, meetingId: access.meetingId, what: access.what }, 'an access entry could not be written: the store cannot write');
  }
}

/**
 * For the subject access export (and any other export): one entry per meeting whose records went
 * out, by whoever asked (an officer actor id for a data protection officer, "system" for the CLI).
 */
export async function recordExport(deps: AccessLogDeps, { who, channel, meetingIds }: { who: string; channel: AccessEntry['channel']; meetingIds: readonly string[] }): Promise<void> {
  for (const meetingId of meetingIds) await recordAccess(deps, { meetingId, who, what: 'export', channel });
}

/** Oldest first. */
export async function accessesOf(store: KeyValueStore, meetingId: string): Promise<AccessEntry[]> {
  const entries = await store.listValues(ACCESS_NAMESPACE, `${meetingId}/`);
  return entries.map(({ value }) => AccessEntrySchema.parse(value));
}
