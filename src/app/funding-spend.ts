import { DEFAULT_COUNCIL_SETTINGS } from '../domain/oversight/council-settings.js';
import type { ChildSpend } from '../domain/funding/spend.js';
import { childSpend } from '../domain/funding/spend.js';
import type { Meeting } from '../domain/model.js';
import type { AppDeps } from './deps.js';
import { fundingRequestOf } from './views/oversight-cards.js';

/**
 * The child's Pupil Premium Plus in the request's academic year, across all their PEPs (the meeting
 * as it is now in place of its stored copy), against the council's allocation.
 */
export async function spendForRequest(deps: Pick<AppDeps, 'store' | 'funding'>, meeting: Meeting, requestId: string): Promise<ChildSpend> {
  const request = fundingRequestOf(meeting, requestId);
  const others = (await deps.store.meetingsOfChild(meeting.child.ref)).filter((m) => m.id !== meeting.id);
  const requests = [meeting, ...others].flatMap((m) => m.funding ?? []);
  return childSpend(requests, request.academicYear, deps.funding ?? DEFAULT_COUNCIL_SETTINGS.funding);
}
