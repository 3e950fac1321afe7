import type { AuditEvent } from '../../domain/model.js';
import type { IdGenerator } from '../../ports/ids.js';
import type { KeyValueStore } from '../../ports/key-value.js';

/** Who carries out a data protection task, as the audit names them: "system" for the retention run, `officer:<id>` or the operator's name for a script. */
export interface RightsActor {
  actorId: string;
  at: string;
  newId: IdGenerator;
}

/** An audit entry for a data protection change to a meeting: no personal data in summary or data, only ids and counts. */
export const rightsAuditEvent = (meetingId: string, type: string, summary: string, data: Record<string, unknown>, actor: RightsActor): AuditEvent => ({
  id: actor.newId(),
  meetingId,
  at: actor.at,
  actorId: actor.actorId,
  channel: 'system',
  type,
  summary,
  data,
});

/** Key-value namespace of the runs and requests that change no one meeting (what the retention run removed, exports): counts and ids only. */
export const RIGHTS_LOG_NAMESPACE = 'data-protection-log';

/** One request carried out (an export, a correction, an erasure): who asked for it, when, and the records it touched, by id. */
export interface RightsLogEntry {
  type: 'export' | 'correction' | 'erasure' | 'retention';
  at: string;
  /** The operator or officer who carried it out. */
  by: string;
  meetingIds?: string[];
  childRefs?: string[];
  counts?: Record<string, number>;
}

/** Kept under `<type>/<at>/<id>`, so entries list in time order per kind of request. */
export async function logRightsRequest(store: KeyValueStore, entry: RightsLogEntry, newId: IdGenerator): Promise<void> {
  await store.putValue(RIGHTS_LOG_NAMESPACE, `${entry.type}/${entry.at}/${newId()}`, entry);
}
