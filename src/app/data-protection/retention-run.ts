import { RETENTION_SOURCES, sourceName } from '../../domain/data-protection/held-records.js';
import type { HeldRecord, RecordSource } from '../../domain/data-protection/held-records.js';
import { anonymiseMeeting } from '../../domain/data-protection/erase-person.js';
import { expiredRecords, retentionCutoff } from '../../domain/data-protection/retention-policy.js';
import type { RetentionKindName, RetentionSettings } from '../../domain/data-protection/retention-settings.js';
import { SYSTEM_ACTOR } from '../../domain/context.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/ids.js';
import type { FailedJobStore } from '../../ports/retention-store.js';
import type { MeetingStore } from '../../ports/store.js';
import { refreshPostedCards } from './refresh-posted-cards.js';
import { logRightsRequest, rightsAuditEvent } from './rights-audit.js';
import type { RightsActor } from './rights-audit.js';

export interface ExpiredItem extends HeldRecord {
  kind: RetentionKindName;
  source: string;
  /** What the run does with it. */
  action: 'anonymise' | 'remove';
}

export interface RetentionReport {
  at: string;
  dryRun: boolean;
  items: ExpiredItem[];
}

export interface RetentionRunDeps {
  store: MeetingStore;
  clock: Clock;
  newId: IdGenerator;
  settings: RetentionSettings;
  /** The scheduler's failed jobs; without it (a store alone), none are looked at. */
  failedJobs?: FailedJobStore;
}

/**
 * Rows first (card references among them, so an anonymised meeting's cards are refreshed only where
 * a reference is still kept), then children (a child whose last meeting is removed later in the
 * run still has it here, in the dry run as in the real run, and goes in the next run), then links
 * (a meeting removed later in the run would take its links with it), then what is left of
 * anonymised meetings, then closed meetings to anonymise: so the dry run, which changes nothing,
 * lists exactly what the real run then does. Failed jobs depend on nothing in the store.
 */
const ORDER: readonly string[] = ['child', 'secure-link', 'anonymised-meeting', 'closed-meeting'];
const SOURCES = [...RETENTION_SOURCES].sort((a, b) => ORDER.indexOf(sourceName(a.source)) - ORDER.indexOf(sourceName(b.source)));

/** One place the run looks: its records a page at a time, and what it does with those expired. */
interface Visit {
  source: string;
  kind: RetentionKindName;
  action: ExpiredItem['action'];
  list(page: { before: string; after?: string; limit: number }): Promise<HeldRecord[]>;
  act(records: HeldRecord[], actor: RightsActor): Promise<void>;
}

/** A secure link's key is `<meeting id>/<link id>`; meeting ids have no slash. */
const splitLinkKey = (key: string): [string, string] => {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
};

async function removeLinks(store: MeetingStore, keys: readonly string[], actor: RightsActor): Promise<void> {
  const byMeeting = new Map<string, string[]>();
  for (const [meetingId, linkId] of keys.map(splitLinkKey)) byMeeting.set(meetingId, [...(byMeeting.get(meetingId) ?? []), linkId]);
  for (const [meetingId, linkIds] of byMeeting) {
    const meeting = await store.getMeeting(meetingId);
    if (!meeting) continue;
    const links = meeting.links.filter((link) => !linkIds.includes(link.id));
    const event = rightsAuditEvent(meetingId, 'retention.removeLinks', `${linkIds.length} expired secure link record(s) removed`, { linkIds }, actor);
    await store.saveMeeting({ ...meeting, links, version: meeting.version + 1, updatedAt: actor.at }, meeting.version, { events: [event] });
  }
}

async function anonymise(store: MeetingStore, records: readonly HeldRecord[], actor: RightsActor): Promise<void> {
  for (const record of records) {
    const meeting = await store.getMeeting(record.key);
    if (!meeting || meeting.anonymised) continue;
    const trail = await store.auditTrail(meeting.id);
    const anonymised = anonymiseMeeting(meeting, actor.at, record.at);
    const event = rightsAuditEvent(meeting.id, 'retention.anonymise', 'Meeting anonymised: its retention period has passed', {}, actor);
    const next = { ...anonymised, version: meeting.version + 1, updatedAt: actor.at };
    // Cards still known to be posted are redrawn in place from the anonymised meeting: no names or words left on them.
    await store.saveMeeting(next, meeting.version, { events: [event], outbox: await refreshPostedCards(store, next, undefined, actor.at) });
    await store.redactAudit(meeting.id, trail.map((entry) => entry.id), 'retention');
  }
}

async function act(store: MeetingStore, source: RecordSource, records: HeldRecord[], actor: RightsActor): Promise<void> {
  if (source === 'secure-link') await removeLinks(store, records.map((record) => record.key), actor);
  else if (source === 'closed-meeting') await anonymise(store, records, actor);
  else await store.removeHeld(source, records.map((record) => record.key));
}

function visits(deps: RetentionRunDeps): Visit[] {
  const inStore = SOURCES.map(({ source, kind }): Visit => ({
    source: sourceName(source),
    kind,
    action: source === 'closed-meeting' ? 'anonymise' : 'remove',
    list: (page) => deps.store.heldRecords(source, page),
    act: (records, actor) => act(deps.store, source, records, actor),
  }));
  const { failedJobs } = deps;
  if (!failedJobs) return inStore;
  const jobs: Visit = {
    source: 'failed-job',
    kind: 'failedJobs',
    action: 'remove',
    list: (page) => failedJobs.heldRecords(page),
    act: async (records) => {
      await failedJobs.removeHeld(records.map((record) => record.key));
    },
  };
  return [...inStore, jobs];
}

/**
 * One retention run: each source a page (batchSize) at a time, what has expired by the pure
 * policy anonymised or removed, unless `dryRun`, which only lists. Meeting changes carry their own
 * audit entries; the run's totals are logged under RIGHTS_LOG_NAMESPACE.
 */
export async function runRetention(deps: RetentionRunDeps, options: { dryRun: boolean }): Promise<RetentionReport> {
  const now = deps.clock.now();
  const actor: RightsActor = { actorId: SYSTEM_ACTOR, at: now.toISOString(), newId: deps.newId };
  const items: ExpiredItem[] = [];
  const visited = visits(deps);
  for (const { source, kind, action, list, act: actOn } of visited) {
    const before = retentionCutoff(kind, deps.settings, now).toISOString();
    let after: string | undefined;
    for (;;) {
      const page = await list({ before, after, limit: deps.settings.batchSize });
      const expired = expiredRecords(page, kind, deps.settings, now);
      items.push(...expired.map((record) => ({ ...record, kind, source, action })));
      if (!options.dryRun && expired.length > 0) await actOn(expired, actor);
      if (page.length < deps.settings.batchSize) break;
      after = page.at(-1)?.key;
    }
  }
  if (!options.dryRun) {
    const counts = Object.fromEntries(visited.map(({ source }) => [source, items.filter((item) => item.source === source).length]));
    await logRightsRequest(deps.store, { type: 'retention', at: actor.at, by: SYSTEM_ACTOR, counts }, deps.newId);
    await deps.store.forgetRemoved();
  }
  return { at: actor.at, dryRun: options.dryRun, items };
}
