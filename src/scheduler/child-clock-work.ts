import { DateTime } from 'luxon';
import { z } from 'zod';
import { childAuditKey } from '../domain/child/child-record.js';
import { DUE_KINDS } from '../domain/child/statutory-clock.js';
import type { StatutoryStatus } from '../domain/child/statutory-clock.js';
import { addCalendarDays } from '../domain/nudges/calendar.js';
import { meetingKeyPrefix } from './scheduled-work.js';

/** The statutory clock's own Agenda job, apart from the meetings' nudges. */
export const CHILD_CLOCK_JOB = 'pep-child-clock';

/**
 * One child's clock work: the nudge before a PEP falls due, and the breach the day after. Ids and
 * dates only, as for every job. The key names the due PEP and its date, so a new event that moves
 * the date plans new work and the old job is cancelled.
 */
export const ChildClockWorkSchema = z.object({
  work: z.literal('child-clock'),
  key: z.string().min(1),
  childRef: z.string().min(1).max(64),
  stage: z.enum(['nudge', 'breach']),
  kind: z.enum(DUE_KINDS),
  due: z.iso.date(),
  dueInstant: z.iso.datetime({ offset: true }),
});
export type ChildClockWork = z.infer<typeof ChildClockWorkSchema>;

/** Nudges and breach notices go at the start of the English working day. */
const morningOf = (date: string): string => DateTime.fromISO(`${date}T09:00:00`, { zone: 'Europe/London' }).toUTC().toISO({ suppressMilliseconds: true }) ?? `${date}T09:00:00Z`;

/** Under the same ledger prefix scheme as a meeting's work, keyed by `child:<ref>` (no meeting id has a colon). */
export const childClockPrefix = (childRef: string): string => meetingKeyPrefix(childAuditKey(childRef));

/** What the clock wants scheduled for the child now: a nudge (unless already overdue) and the breach. */
export function childClockWork(childRef: string, status: StatutoryStatus): ChildClockWork[] {
  const { kind, nextDue, nudgeOn } = status;
  if (kind === 'none' || nextDue === undefined || nudgeOn === undefined) return [];
  const work = (stage: ChildClockWork['stage'], on: string): ChildClockWork => ({
    work: 'child-clock',
    key: `${childClockPrefix(childRef)}${[kind, nextDue, stage].map(encodeURIComponent).join('/')}`,
    childRef,
    stage,
    kind,
    due: nextDue,
    dueInstant: morningOf(on),
  });
  const breach = work('breach', addCalendarDays(nextDue, 1));
  return status.breached ? [breach] : [work('nudge', nudgeOn), breach];
}
