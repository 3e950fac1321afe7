import { localDate } from '../dates.js';
import type { Meeting } from '../model.js';
import { addCalendarDays, addWorkingDays } from '../nudges/calendar.js';
import type { CalendarSettings } from './calendar-settings.js';
import type { ChildEvent, ChildRecord } from './child-record.js';
import { addSchoolDays, firstHalfEndOfTermAfter, holidayStartOf, isSchoolDay, isSchoolHoliday, lastSchoolDayBefore } from './school-days.js';

/**
 * The statutory clock for one child (statutory guidance for England, "Promoting the education of
 * looked-after and previously looked-after children"). Pure: every date is a calendar day
 * ("YYYY-MM-DD", England), `today` included, and the only calendar knowledge is the council's
 * term dates plus England and Wales bank holidays.
 *
 * - Entering care: the PEP is initiated (a meeting created) within 10 working days, and is held,
 *   ready for the first review of the care plan, within 20 working days.
 * - A change of school or of placement: a new PEP within the council's window of school days
 *   (10 to 20). When the same number of working days after the move lands in a school holiday,
 *   the child would go through the holiday without a plan: an interim PEP is due on the last school
 *   day before that holiday, or, for a move made during the holiday itself, on that working day;
 *   the full PEP is then still due at the end of the window, held after the holiday.
 * - Termly: a review in the first half of each term, and never longer than the review interval
 *   (about four months, brought back to a working day) after the last PEP held. It runs once the
 *   last clock above is met; a PEP held in the first half of a term is that term's review.
 *
 * When several obligations are open at once (a school move before the first PEP), the earliest
 * due date is the one reported. A due date is the last day allowed: breached the day after.
 */

export const DUE_KINDS = ['initial', 'ready_for_review', 'new_school', 'new_placement', 'interim', 'termly'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface StatutoryStatus {
  /** What is due next; 'none' for a child with no event that starts a clock and no PEP held. */
  kind: DueKind | 'none';
  nextDue?: string;
  /** When the organiser and officer are nudged: the lead time in working days before nextDue. */
  nudgeOn?: string;
  breached: boolean;
  /** Calendar days from today to nextDue: 0 on the day, negative once breached. */
  daysLeft?: number;
  /** The date that started this clock: the event, or the last PEP held for a termly review. */
  since?: string;
}

/** The meeting fields the clock reads, so the caseload can pass summaries. */
export type ClockMeeting = Pick<Meeting, 'id' | 'status' | 'startsAt' | 'timeZone' | 'createdAt'>;

interface Obligation {
  kind: DueKind;
  due: string;
  since: string;
}

const HELD_STATUSES: ReadonlySet<Meeting['status']> = new Set(['concluded', 'plan_distributed']);
const CLOCK_STARTS: ReadonlySet<ChildEvent['kind']> = new Set(['entered_care', 'changed_school', 'changed_placement']);
const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The days a PEP was held, oldest first: recorded pep_held events and concluded meetings, each day once. */
export function pepHeldDates(child: Pick<ChildRecord, 'events'>, meetings: readonly ClockMeeting[]): string[] {
  const held = new Set(child.events.filter((event) => event.kind === 'pep_held').map((event) => event.on));
  for (const meeting of meetings) if (HELD_STATUSES.has(meeting.status)) held.add(localDate(meeting.startsAt, meeting.timeZone));
  return [...held].sort();
}

function enteredCare(on: string, held: readonly string[], meetings: readonly ClockMeeting[]): Obligation | undefined {
  if (held.some((day) => day >= on)) return undefined;
  const initiated = meetings.some((meeting) => meeting.status !== 'cancelled' && localDate(meeting.createdAt, meeting.timeZone) >= on);
  return initiated ? { kind: 'ready_for_review', due: addWorkingDays(on, 20), since: on } : { kind: 'initial', due: addWorkingDays(on, 10), since: on };
}

function moved(event: ChildEvent, held: readonly string[], calendar: CalendarSettings): Obligation | undefined {
  const { on } = event;
  const kind = event.kind === 'changed_school' ? 'new_school' : 'new_placement';
  const window = calendar.schoolMoveSchoolDays;
  const full: Obligation = { kind, due: addSchoolDays(on, window, calendar.terms), since: on };
  const sameInWorkingDays = addWorkingDays(on, window);
  const holiday = holidayStartOf(sameInWorkingDays, calendar.terms);
  if (!holiday) return held.some((day) => day >= on) ? undefined : full;

  // The full PEP is the one held once school is back after that holiday.
  let resumes = sameInWorkingDays;
  while (!isSchoolDay(resumes, calendar.terms)) resumes = addCalendarDays(resumes, 1);
  if (held.some((day) => day >= resumes)) return undefined;
  if (held.some((day) => day >= on)) return full;
  const movedInThisHoliday = isSchoolHoliday(on, calendar.terms) && holidayStartOf(on, calendar.terms) === holiday;
  return { kind: 'interim', due: movedInThisHoliday ? sameInWorkingDays : lastSchoolDayBefore(holiday, calendar.terms), since: on };
}

function termly(lastHeld: string, calendar: CalendarSettings): Obligation {
  // The last working day within the interval: a review falls due on a day people can meet.
  const byInterval = addWorkingDays(addCalendarDays(lastHeld, calendar.maxReviewIntervalDays + 1), -1);
  const byTerm = firstHalfEndOfTermAfter(lastHeld, calendar.terms);
  return { kind: 'termly', due: byTerm !== undefined && byTerm < byInterval ? byTerm : byInterval, since: lastHeld };
}

export function statutoryStatus(
  child: Pick<ChildRecord, 'events'>,
  meetings: readonly ClockMeeting[],
  settings: { calendar: CalendarSettings },
  today: string,
): StatutoryStatus {
  const { calendar } = settings;
  const held = pepHeldDates(child, meetings);
  const starts = child.events.filter((event) => CLOCK_STARTS.has(event.kind));
  const open = starts.flatMap((event) => (event.kind === 'entered_care' ? enteredCare(event.on, held, meetings) : moved(event, held, calendar)) ?? []);
  const lastStart = starts.map((event) => event.on).sort().at(-1);
  const lastHeld = held.at(-1);
  if (open.length === 0 && lastHeld !== undefined && (lastStart === undefined || lastHeld >= lastStart)) open.push(termly(lastHeld, calendar));

  const next = open.sort((a, b) => a.due.localeCompare(b.due))[0];
  if (!next) return { kind: 'none', breached: false };
  const daysLeft = daysBetween(today, next.due);
  return {
    kind: next.kind,
    nextDue: next.due,
    nudgeOn: addWorkingDays(next.due, -calendar.nudgeLeadWorkingDays),
    breached: daysLeft < 0,
    daysLeft,
    since: next.since,
  };
}
