import type { LinkState } from '../../domain/links.js';
import { showsChildDetails } from '../../domain/plan/link-scope.js';
import type { AppDeps } from '../deps.js';
import { resolveSecureLink } from '../secure-links.js';
import type { PlanView } from './plan-view-types.js';
import { buildPlanView } from './plan-view.js';

export type OpenedPlan =
  | { ok: true; view: PlanView }
  /** Nothing about the meeting: the page for a bad link must not reveal whose it was. */
  | { ok: false; state: Exclude<LinkState, 'active'> | 'unknown' };

/**
 * The written plan behind a plan link, as that link may show it. A link to anything else, or to a
 * meeting closed before plans were kept, opens nothing here. Opening is not recorded: a plan link
 * is not single-use, and reading changes nothing in the meeting.
 */
export async function openPlan(deps: AppDeps, token: string): Promise<OpenedPlan> {
  const resolved = await resolveSecureLink(deps, token);
  if (!resolved.ok) return resolved;
  if (resolved.link.purpose !== 'plan' || !resolved.meeting.plan) return { ok: false, state: 'unknown' };
  const childMeetings = await deps.store.meetingsOfChild(resolved.meeting.child.ref);
  return { ok: true, view: buildPlanView(resolved.meeting, { showChildDetails: showsChildDetails(resolved.link), readerId: resolved.link.participantId, childMeetings }) };
}
