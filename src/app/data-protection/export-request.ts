import { officerActorId } from '../../domain/actor.js';
import type { Officer } from '../../domain/actor.js';
import { parsePersonQuery } from '../../domain/data-protection/person-query.js';
import type { AppDeps } from '../deps.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/ids.js';
import type { MeetingStore } from '../../ports/store.js';
import { recordExport } from './access-log.js';
import { logRightsRequest } from './rights-audit.js';
import { subjectAccessExport } from './subject-access.js';
import type { SubjectAccessExport } from './subject-access-schema.js';

export interface ExportRequestDeps {
  store: MeetingStore;
  children: ChildStore;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * A subject access request carried out, however it was asked for (npm run data:export, or a
 * signed-in data protection officer on the caseload): the export, logged in the data protection
 * log by who asked, and in each meeting's access log (who looked) by `who` (an officer actor id, or
 * "system" for the script).
 */
export async function exportForRequest(deps: ExportRequestDeps, request: { person: string; by: string; who: string }): Promise<SubjectAccessExport> {
  const data = await subjectAccessExport(deps, parsePersonQuery(request.person), request.person);
  const meetingIds = data.meetings.map((meeting) => meeting.meetingId).concat(data.child?.meetings.map((meeting) => meeting.meetingId) ?? []);
  await logRightsRequest(deps.store, { type: 'export', at: data.exportedAt, by: request.by, meetingIds }, deps.newId);
  await recordExport(deps, { who: request.who, channel: 'system', meetingIds });
  return data;
}

/** The caseload's export for a signed-in data protection officer; none when the app keeps no children beside its meetings. */
export function subjectAccessForOfficer(deps: Pick<AppDeps, 'store' | 'children' | 'clock' | 'newId'>): ((person: string, officer: Officer) => Promise<SubjectAccessExport>) | undefined {
  const { children } = deps;
  if (!children) return undefined;
  return (person, officer) => exportForRequest({ ...deps, children }, { person, by: officerActorId(officer), who: officerActorId(officer) });
}
