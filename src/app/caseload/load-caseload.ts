import type { CalendarSettings } from '../../domain/child/calendar-settings.js';
import type { AppDeps } from '../deps.js';
import { localDate } from '../../domain/dates.js';
import type { ChildStore } from '../../ports/child-store.js';
import type { MeetingStore } from '../../ports/store.js';
import type { CaseloadRow } from './caseload-row.js';
import { caseloadRow, sortRows } from './caseload-row.js';
import { statutoryDue } from './statutory-due.js';

/** How many child records are read at a time: one page is one round trip, whatever the caseload's size. */
export const CHILDREN_PER_PAGE = 200;

export interface CaseloadSources {
  children: Pick<ChildStore, 'listChildren'>;
  meetings: Pick<MeetingStore, 'meetingsOfChild'>;
  /** The council's term dates, for the statutory clock. */
  calendar: CalendarSettings;
}

/** Every child the Virtual School oversees, as caseload rows in the page's order. */
export async function loadCaseload(sources: CaseloadSources, now: Date, timeZone: string): Promise<CaseloadRow[]> {
  const today = localDate(now.toISOString(), timeZone);
  const rows: CaseloadRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await sources.children.listChildren({ after, limit: CHILDREN_PER_PAGE });
    for (const child of page) {
      const meetings = await sources.meetings.meetingsOfChild(child.ref);
      rows.push(caseloadRow({ child, meetings, statutory: statutoryDue(child, meetings, sources.calendar, today) }, now, today, sources.calendar.terms));
    }
    if (page.length < CHILDREN_PER_PAGE) return sortRows(rows);
    after = page.at(-1)!.ref;
  }
}

/** The caseload as the page and the digest read it now, from the app's stores and clock. */
export function caseloadReader(deps: Pick<AppDeps, 'store' | 'children' | 'clock'>, calendar: CalendarSettings, timeZone: string): () => Promise<CaseloadRow[]> {
  const { children } = deps;
  if (!children) throw new Error('the caseload needs the child store: openStore gives both');
  return () => loadCaseload({ children, meetings: deps.store, calendar }, deps.clock.now(), timeZone);
}
