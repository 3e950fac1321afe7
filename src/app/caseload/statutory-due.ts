import type { ChildRecord } from '../../domain/child/child-record.js';
import type { CalendarSettings } from '../../domain/child/calendar-settings.js';
import type { ClockMeeting, DueKind } from '../../domain/child/statutory-clock.js';
import { statutoryStatus } from '../../domain/child/statutory-clock.js';
import type { StatutoryDue } from './caseload-row.js';

/** What is due, as the caseload and the digest say it. */
export const DUE_KIND_LABELS: Record<DueKind, string> = {
  initial: 'PEP to start (entered care)',
  ready_for_review: 'PEP ready for the care-plan review',
  new_school: 'New PEP after a change of school',
  new_placement: 'New PEP after a change of placement',
  interim: 'Interim PEP before the school holiday',
  termly: 'Termly review',
};

/** The statutory clock's verdict for the caseload; nothing when no clock runs for the child yet. */
export function statutoryDue(child: Pick<ChildRecord, 'events'>, meetings: readonly ClockMeeting[], calendar: CalendarSettings, today: string): StatutoryDue | undefined {
  const status = statutoryStatus(child, meetings, { calendar }, today);
  if (status.kind === 'none' || status.nextDue === undefined) return undefined;
  return { nextDue: status.nextDue, kind: DUE_KIND_LABELS[status.kind], breached: status.breached };
}
