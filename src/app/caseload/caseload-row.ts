import type { Rag } from '../../domain/qa/qa-state.js';
import type { ChildRecord } from '../../domain/child/child-record.js';
import { localDate } from '../../domain/dates.js';
import type { Meeting } from '../../domain/model.js';
import type { Term } from '../../domain/child/calendar-settings.js';
import { ENGLAND_DEFAULT_TERMS } from '../../domain/child/calendar-settings.js';
import type { SchoolTerm } from '../../domain/school-term.js';
import { schoolTermOf } from '../../domain/school-term.js';
import { carerAttendance, type CarerAttendance } from '../../domain/carer-attendance.js';

/**
 * One child's line on the Virtual School's caseload, computed from their record, their PEP
 * meetings and the statutory clock's verdict. Pure: the caller reads the stores and passes today.
 */

/** Where the child's current PEP is, in the order the caseload lists them. */
export const CASELOAD_STATUSES = ['no_pep', 'scheduled', 'in_progress', 'plan_written', 'returned', 'in_qa', 'approved'] as const;
export type CaseloadStatus = (typeof CASELOAD_STATUSES)[number];

export const CASELOAD_STATUS_LABELS: Record<CaseloadStatus, string> = {
  no_pep: 'No PEP yet',
  scheduled: 'PEP meeting arranged',
  in_progress: 'PEP meeting under way',
  plan_written: 'Plan written, not yet submitted',
  returned: 'Plan returned to the organiser',
  in_qa: 'Plan awaiting quality assurance',
  approved: 'Plan approved',
};

/** The statutory clock's answer for the child (src/domain/child/statutory-clock.ts). */
export interface StatutoryDue {
  /** The date the next PEP (or review) is due by, yyyy-mm-dd. */
  nextDue: string;
  /** What is due, in the clock's words (e.g. termly review, new PEP after a school move). */
  kind: string;
  breached: boolean;
}

export interface ChildCase {
  child: ChildRecord;
  meetings: readonly Meeting[];
  statutory: StatutoryDue | undefined;
}

/** A PEP meeting that was held, and whether it was held by the review date the previous one set. */
export interface HeldPep {
  term: SchoolTerm;
  timeliness: 'on_time' | 'late' | 'unknown';
}

export interface CaseloadRow {
  ref: string;
  initials: string;
  /** For the authorised caseload page only: never in a card, a digest or a log. */
  fullName: string | undefined;
  school: string | undefined;
  yearGroup: number | undefined;
  socialWorker: string | undefined;
  status: CaseloadStatus;
  statutory: StatutoryDue | undefined;
  rag: Rag | undefined;
  overdueActions: number;
  missingContributions: number;
  carer: CarerAttendance;
  /** Terms with a PEP meeting (held or arranged), for the term filter. */
  terms: SchoolTerm[];
  held: HeldPep[];
}

const HELD: ReadonlySet<Meeting['status']> = new Set(['concluded', 'plan_distributed']);
const ARRANGED: ReadonlySet<Meeting['status']> = new Set(['draft', 'invited', 'agenda_agreed']);

const byStart = (a: Meeting, b: Meeting) => a.startsAt.localeCompare(b.startsAt);

function statusOf(current: Meeting | undefined): CaseloadStatus {
  if (!current) return 'no_pep';
  if (ARRANGED.has(current.status)) return 'scheduled';
  if (current.status === 'in_progress') return 'in_progress';
  switch (current.qa?.status) {
    case undefined:
      return 'plan_written';
    case 'returned':
      return 'returned';
    case 'approved':
      return 'approved';
    default:
      return 'in_qa';
  }
}

/** Actions of the current PEP, and those it carried forward, still open after their due day. */
function overdueActions(current: Meeting | undefined, today: string): number {
  if (!current) return 0;
  const late = (item: { status: string; dueDate?: string }) => item.status !== 'done' && item.dueDate !== undefined && item.dueDate < today;
  return current.actions.filter(late).length + current.previousActions.filter(late).length;
}

/** Asked for and not in: past its due time, or (with none set) once the meeting has started. */
function missingContributions(current: Meeting | undefined, now: Date): number {
  if (!current) return 0;
  const at = now.toISOString();
  return current.contributions.filter((c) => c.status === 'requested' && (c.dueAt ?? current.startsAt) <= at).length;
}

function heldPeps(meetings: readonly Meeting[], terms: readonly Term[]): HeldPep[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return meetings
    .filter((m) => HELD.has(m.status))
    .map((m) => {
      const heldOn = localDate(m.concludedAt ?? m.startsAt, m.timeZone);
      const due = m.previousMeetingId === undefined ? undefined : byId.get(m.previousMeetingId)?.nextReviewDate;
      return { term: schoolTermOf(heldOn, terms), timeliness: due === undefined ? 'unknown' : heldOn <= due ? 'on_time' : 'late' };
    });
}

/** `terms`: the council's school terms (calendar settings), for grouping the child's PEPs by term. */
export function caseloadRow(entry: ChildCase, now: Date, today: string, terms: readonly Term[] = ENGLAND_DEFAULT_TERMS): CaseloadRow {
  const meetings = entry.meetings.filter((m) => m.status !== 'cancelled').sort(byStart);
  const current = meetings.at(-1);
  const rated = meetings.filter((m) => m.qa?.rag !== undefined).at(-1);
  const { child } = entry;
  return {
    ref: child.ref,
    initials: child.initials,
    fullName: child.fullName,
    school: child.school,
    yearGroup: child.yearGroup,
    socialWorker: child.socialWorkerName,
    status: statusOf(current),
    statutory: entry.statutory,
    rag: rated?.qa?.rag,
    overdueActions: overdueActions(current, today),
    missingContributions: missingContributions(current, now),
    carer: carerAttendance(current),
    terms: [...new Map(meetings.map((m) => schoolTermOf(localDate(m.startsAt, m.timeZone), terms)).map((t) => [t.key, t])).values()],
    held: heldPeps(meetings, terms),
  };
}

/** By status, then the soonest due date first (breaches lead), then by reference. */
export function sortRows(rows: readonly CaseloadRow[]): CaseloadRow[] {
  const rank = (row: CaseloadRow) => CASELOAD_STATUSES.indexOf(row.status);
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || (a.statutory?.nextDue ?? '9999').localeCompare(b.statutory?.nextDue ?? '9999') || a.ref.localeCompare(b.ref),
  );
}
