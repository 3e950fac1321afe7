import type { Meeting } from '../domain/model.js';
import type { NudgeSettings } from '../domain/nudges/index.js';
import type { PreferencesSource } from './preferences-source.js';
import { plannedWork } from './scheduled-work.js';
import type { ScheduledWork } from './scheduled-work.js';

/** The one place the scheduler asks the policy: when (re)planning a meeting and when a job wakes. */
export type Planner = (meeting: Meeting, now: Date) => Promise<ScheduledWork[]>;

export const planner =
  (settings: NudgeSettings, preferences: PreferencesSource): Planner =>
  async (meeting, now) =>
    plannedWork(meeting, now, await preferences(meeting), settings);
