import { CalendarSettingsSchema } from '../../domain/child/calendar-settings.js';
import type { CalendarSettings } from '../../domain/child/calendar-settings.js';
import type { DueKind, StatutoryStatus } from '../../domain/child/statutory-clock.js';
import { writtenDay } from '../../domain/dates.js';

export const DEFAULT_CALENDAR: CalendarSettings = CalendarSettingsSchema.parse({});

/** What each due PEP is, in the words the guidance uses. */
export const DUE_WORDS: Record<DueKind, string> = {
  initial: 'the first PEP to be started (entered care)',
  ready_for_review: 'the first PEP, ready for the care-plan review',
  new_school: 'a new PEP after the change of school',
  new_placement: 'a new PEP after the change of placement',
  interim: 'an interim PEP before the school holiday',
  termly: 'the termly PEP review',
};

/** One line for a card: what is due, by when, and whether it is overdue. */
export function clockLine(status: StatutoryStatus): string {
  if (status.kind === 'none' || status.nextDue === undefined) return 'Nothing due yet: record when the child entered care or moved school.';
  const what = DUE_WORDS[status.kind];
  if (status.breached) return `OVERDUE: ${what} was due by ${writtenDay(status.nextDue)}.`;
  return `Due by ${writtenDay(status.nextDue)}: ${what} (${status.daysLeft} day${status.daysLeft === 1 ? '' : 's'} left).`;
}
