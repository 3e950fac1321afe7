import type { Meeting } from '../model.js';
import { actionNudges, nudgedActions } from './action-nudges.js';
import { beforeMeetingNudges } from './before-meeting-nudges.js';
import { digestNudges } from './digest-nudges.js';
import { millis } from '../dates.js';
import type { CandidateNudge, PlannedNudge } from './nudge.js';
import { planContext } from './plan-context.js';
import { promptNudges } from './prompt-nudges.js';
import type { NudgePreferencesByParticipant } from './preferences.js';
import { DEFAULT_NUDGE_SETTINGS } from './settings.js';
import type { NudgeSettings } from './settings.js';

/**
 * Actions planned between two points where planning may pause: a meeting of hundreds of actions
 * plans for a long while, and a caller on an event loop lets requests in at each pause.
 */
const ACTIONS_PER_STEP = 10;

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
  const steps = planNudgesInSteps(meeting, now, preferences, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** planNudges, pausing (yield) after every few actions; the plan is what the generator returns. */
export function* planNudgesInSteps(
  meeting: Meeting,
  now: string,
  preferences: NudgePreferencesByParticipant = {},
  settings: NudgeSettings = DEFAULT_NUDGE_SETTINGS,
): Generator<void, PlannedNudge[], void> {
  const ctx = planContext(meeting, settings, preferences);
  const candidates: CandidateNudge[] = [];
  const actions = nudgedActions(ctx);
  for (const [index, action] of actions.entries()) {
    candidates.push(...actionNudges(ctx, action));
    if ((index + 1) % ACTIONS_PER_STEP === 0) yield;
  }
  candidates.push(...beforeMeetingNudges(ctx), ...promptNudges(ctx), ...digestNudges(ctx, now));
  return earliestFirst(candidates, millis(now));
}

/** Still to come, each instant read once (reading ISO text is most of what comparing costs). */
function earliestFirst(candidates: CandidateNudge[], now: number): PlannedNudge[] {
  return candidates
    .filter((nudge) => nudge.expiresAt === undefined || now < millis(nudge.expiresAt))
    .map(({ expiresAt: _expiresAt, ...nudge }) => ({ nudge, due: millis(nudge.dueInstant) }))
    .sort(
      (a, b) =>
        a.due - b.due ||
        a.nudge.kind.localeCompare(b.nudge.kind) ||
        a.nudge.itemId.localeCompare(b.nudge.itemId) ||
        a.nudge.recipientParticipantId.localeCompare(b.nudge.recipientParticipantId),
    )
    .map(({ nudge }) => nudge);
}
