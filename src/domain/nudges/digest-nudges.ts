import { DateTime } from 'luxon';
import { localDate, millis } from '../dates.js';
import { ACTIONS_LIVE } from '../lifecycle.js';
import { addCalendarDays } from './calendar.js';
import { toInstant } from './instants.js';
import type { CandidateNudge } from './nudge.js';
import type { PlanContext } from './plan-context.js';
import { sendOnDay } from './sending-window.js';

/** A digest held up (by downtime, say) still goes out within a day; later, the next one will do. */
const DIGEST_GRACE = { days: 1 };

/**
 * The organiser's weekly digest while a meeting has open actions. Two slots are planned: the
 * current one and the next, so the next week's is already waiting when this week's has gone.
 */
export function digestNudges(ctx: PlanContext, now: string): CandidateNudge[] {
  const { meeting, settings } = ctx;
  const organiser = ctx.windowOf(meeting.organiserId);
  if (!organiser || !ACTIONS_LIVE.includes(meeting.status) || !meeting.actions.some((a) => a.status === 'open')) return [];
  const today = localDate(now, meeting.timeZone);
  const weekday = DateTime.fromISO(today, { zone: 'utc' }).weekday;
  const lastDigestDay = addCalendarDays(today, -((weekday - settings.digestWeekday + 7) % 7));
  return [-7, 0, 7, 14]
    .map((offset) => {
      const due = sendOnDay(addCalendarDays(lastDigestDay, offset), organiser);
      return { due, expiresAt: toInstant(DateTime.fromISO(due).plus(DIGEST_GRACE)) };
    })
    .filter((slot) => millis(now) < millis(slot.expiresAt))
    .slice(0, 2)
    .map((slot) => ctx.nudge('weekly_digest', meeting.id, meeting.organiserId, slot.due, slot.expiresAt));
}
