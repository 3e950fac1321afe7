import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import type { MeetingStore } from '../ports/store.js';

/** What every use case needs, passed in (never imported) so tests choose the clock and store. */
export interface AppDeps {
  store: MeetingStore;
  clock: Clock;
  newId: IdGenerator;
  defaultTimeZone: string;
}
