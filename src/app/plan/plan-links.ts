import { DateTime } from 'luxon';
import { PlanDocumentUrlSchema } from '../../cards/data/plan-summary.js';
import type { Meeting } from '../../domain/model.js';
import { DEFAULT_LINK_DAYS } from '../secure-links.js';

/** Where the plan is served: <PUBLIC_BASE_URL>/plan/<token>, and the PDF at <token>.pdf. */
export const PLAN_PATH = '/plan';

/** People look back at the plan until the next review has written a new one, and a little after. */
const DAYS_AFTER_NEXT_REVIEW = 28;

export const planDocumentUrl = (publicBaseUrl: string, token: string): string => `${publicBaseUrl}${PLAN_PATH}/${token}`;

/**
 * Checks once, at start-up, that links made from this base URL are ones the plan card accepts
 * (https, or plain http to this machine), so a bad PUBLIC_BASE_URL stops the start, not the fan-out.
 */
export function requirePlanBaseUrl(publicBaseUrl: string): void {
  const sample = planDocumentUrl(publicBaseUrl, 'x'.repeat(43));
  if (!PlanDocumentUrlSchema.safeParse(sample).success) {
    throw new Error(`Plan links need PUBLIC_BASE_URL to be an https:// address (plain http only for localhost); got ${publicBaseUrl}`);
  }
}

/** How long a plan link works, from now: until a while after the next review. */
export function planLinkDays(meeting: Meeting, now: Date): number {
  if (!meeting.nextReviewDate) return DEFAULT_LINK_DAYS;
  const review = DateTime.fromISO(meeting.nextReviewDate, { zone: meeting.timeZone });
  const untilReview = Math.ceil(review.diff(DateTime.fromJSDate(now), 'days').days);
  return Math.max(DEFAULT_LINK_DAYS, untilReview + DAYS_AFTER_NEXT_REVIEW);
}
