import type { Meeting } from '../domain/model.js';
import type { PlannedNudge } from '../domain/nudges/index.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import type { MeetingStore } from '../ports/store.js';
import type { OutboxPlanning } from './outbox/queue-follow-ups.js';

/** What every use case needs, passed in (never imported) so tests choose the clock and store. */
export interface AppDeps {
  store: MeetingStore;
  clock: Clock;
  newId: IdGenerator;
  defaultTimeZone: string;
  /**
   * Told about every saved meeting (the scheduler replans its nudges). It must not throw: the
   * change is already saved, and its own failures are its to log and recover from.
   */
  onMeetingSaved?: (meeting: Meeting) => Promise<void>;
  /**
   * The nudges still to go for a meeting, as the scheduler plans them (its settings, people's
   * preferences, less what was delivered). Without a scheduler, the policy's defaults.
   */
  plannedNudges?: (meeting: Meeting) => Promise<PlannedNudge[]>;
  /**
   * With it, every change queues the messages it promises in the same unit of work. The worker is
   * woken once the person who made the change has their answer (so it comes first), or polls.
   * Without it (unit tests of the rules alone), nothing is queued.
   */
  outbox?: OutboxPlanning & { wake(): void };
}
