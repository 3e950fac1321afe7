import type { EvidenceSettings } from '../domain/evidence/evidence-settings.js';
import type { Officer } from '../domain/actor.js';
import type { FundingSettings } from '../domain/funding/funding-settings.js';
import type { Meeting } from '../domain/model.js';
import type { PlannedNudge } from '../domain/nudges/index.js';
import type { CalendarSettings } from '../domain/child/calendar-settings.js';
import type { AuditChainStore } from '../ports/audit-chain-store.js';
import type { ChildStore } from '../ports/child-store.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import type { MeetingStore } from '../ports/store.js';
import type { OutboxPlanning } from './outbox/queue-follow-ups.js';

/** What every use case needs, passed in (never imported) so tests choose the clock and store. */
export interface AppDeps {
  store: MeetingStore;
  /** The children beside the meetings (the statutory clock). Without it (unit tests of meeting rules alone), no child is recorded. */
  children?: ChildStore;
  /** The audit hash chains, for pages that say whether a meeting's audit trail verifies. */
  auditChains?: AuditChainStore;
  /** The council's calendar for the statutory clock (council settings); England's default without it. */
  calendar?: CalendarSettings;
  /** Re-plans the child's statutory clock jobs after their record changed (the scheduler's syncChild). */
  onChildSaved?: (childRef: string) => Promise<void>;
  clock: Clock;
  newId: IdGenerator;
  defaultTimeZone: string;
  /** The council's Virtual School officers (config.council.officers): who may act as one, whom their cards go to. */
  officers?: readonly Officer[];
  /**
   * The officer assigned to the meeting's child (the child record's officerId), when the child
   * store knows one; without it, or when it answers none, every Virtual School officer hears.
   * Asked only when a change has something for officers.
   */
  assignedOfficer?: (meeting: Meeting) => Promise<string | undefined>;
  /** The Pupil Premium Plus allocation per child (config.council.funding); England's default unless set. */
  funding?: FundingSettings;
  /**
   * Re-plans a saved meeting's reminders (the scheduler's sync). Never on the request path: every
   * change queues a re-plan in its outbox, and the delivery worker calls this once the person has
   * their answer, one meeting at a time, several queued re-plans of a meeting as one; a failure is
   * logged and retried like any queued message.
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
  /** The council's evidence thresholds (COUNCIL_SETTINGS evidence); England's defaults without. */
  evidenceSettings?: EvidenceSettings;
}
