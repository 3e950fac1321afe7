import type { LinkState } from '../../domain/links.js';
import type { Meeting, SecureLink } from '../../domain/model.js';
import { showsChildDetails } from '../../domain/plan/link-scope.js';
import type { AppDeps } from '../deps.js';
import { resolveSecureLink } from '../secure-links.js';
import type { PlanView } from './plan-view-types.js';
import { buildPlanView } from './plan-view.js';

export type OpenedPlan =
  | { ok: true; view: PlanView; meeting: Meeting; link: SecureLink }
  /** Nothing about the meeting: the page for a bad link must not reveal whose it was. */
  | { ok: false; state: Exclude<LinkState, 'active'> | 'unknown' };

/**
 * The written plan behind a plan link, as that link may show it. A link to anything else, or to a
 * meeting closed before plans were kept, opens nothing here. Opening changes nothing in the
 * meeting (a plan link is not single-use); the route records it in the access log.
 */
export async function openPlan(deps: AppDeps, token: string): Promise<OpenedPlan> {
  const resolved = await resolveSecureLink(deps, token);
  if (!resolved.ok) return resolved;
  if (resolved.link.purpose !== 'plan' || !resolved.meeting.plan) return { ok: false, state: 'unknown' };
  const { meeting, link } = resolved;
  const childMeetings = await deps.store.meetingsOfChild(meeting.child.ref);
  return { ok: true, meeting, link, view: buildPlanView(meeting, { showChildDetails: showsChildDetails(link), readerId: link.participantId, childMeetings }) };
}
