import type { Meeting } from '../model.js';
import { actionNudges } from './action-nudges.js';
import { beforeMeetingNudges } from './before-meeting-nudges.js';
import { digestNudges } from './digest-nudges.js';
import { millis } from '../dates.js';
import type { PlannedNudge } from './nudge.js';
import { planContext } from './plan-context.js';
import { promptNudges } from './prompt-nudges.js';
import type { NudgePreferencesByParticipant } from './preferences.js';
import { DEFAULT_NUDGE_SETTINGS } from './settings.js';
import type { NudgeSettings } from './settings.js';

const order = (a: PlannedNudge, b: PlannedNudge): number =>
  millis(a.dueInstant) - millis(b.dueInstant) || a.kind.localeCompare(b.kind) || a.itemId.localeCompare(b.itemId) ||
  a.recipientParticipantId.localeCompare(b.recipientParticipantId);

/**
 * Every nudge the meeting calls for as it stands at `now`, earliest first. Nudges already due are
 * included until a later stage replaces them (a "due today" stops mattering once the action is
 * overdue), so a scheduler that was down catches up, and a job that wakes at its due instant
 * finds its nudge still planned. A cancelled meeting, or a finished item, plans nothing.
 */
export function planNudges(
  meeting: Meeting,
  now: string,
  preferences: NudgePreferencesByParticipant = {},
  settings: NudgeSettings = DEFAULT_NUDGE_SETTINGS,
): PlannedNudge[] {
  const ctx = planContext(meeting, settings, preferences);
  return [...actionNudges(ctx), ...beforeMeetingNudges(ctx), ...promptNudges(ctx), ...digestNudges(ctx, now)]
    .filter((nudge) => nudge.expiresAt === undefined || millis(now) < millis(nudge.expiresAt))
    .map(({ expiresAt: _expiresAt, ...nudge }) => nudge)
    .sort(order);
}
