import type { HeldRecord } from './held-records.js';
import type { RetentionKindName, RetentionSettings } from './retention-settings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which a record of `kind` has passed its period, as of `now`. */
export function retentionCutoff(kind: RetentionKindName, settings: RetentionSettings, now: Date): Date {
  return new Date(now.getTime() - settings[kind] * DAY_MS);
}

/**
 * Whether a record has passed its period: its date is strictly before the cutoff. Dates are
 * compared as instants, not strings, since stored dates may carry different offsets.
 */
export function hasExpired(record: HeldRecord, kind: RetentionKindName, settings: RetentionSettings, now: Date): boolean {
  return Date.parse(record.at) < retentionCutoff(kind, settings, now).getTime();
}

/** What has expired among records the store listed (a store may list more than has expired). */
export function expiredRecords(records: readonly HeldRecord[], kind: RetentionKindName, settings: RetentionSettings, now: Date): HeldRecord[] {
  return records.filter((record) => hasExpired(record, kind, settings, now));
}
