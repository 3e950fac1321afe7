// English alone: the package's root loads every locale it has, three times the time and memory.
import { GB } from 'chrono-node/en';
import { DateTime } from 'luxon';

export interface FoundDate {
  /** The calendar day in the meeting's time zone, e.g. 2026-11-27. */
  date: string;
  /** The words that said it ("by Friday"), so they can be cut out of the description. */
  phrase: string;
  index: number;
}

/**
 * The wall-clock time in the zone, written as if it were UTC. chrono adds "two weeks" as 14 × 24
 * hours of real time, which lands on the wrong day across a clock change; on wall-clock time with
 * no offset, every day is 24 hours and the arithmetic is calendar arithmetic.
 */
function wallClock(now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

/**
 * "by Friday", "in two weeks", "15 Jan", "next Tuesday": British English day-first dates, read
 * relative to now in the meeting's time zone, always forwards (a deadline is never last Friday).
 * The last date mentioned wins: "call on Monday about the 15 Jan trip by Friday" is due Friday.
 */
export function findDueDate(text: string, now: Date, timeZone: string): FoundDate | undefined {
  const results = GB.parse(text, { instant: wallClock(now, timeZone), timezone: 0 }, { forwardDate: true });
  const last = results.at(-1);
  if (!last) return undefined;
  const date = DateTime.fromJSDate(last.start.date(), { zone: 'utc' }).toISODate();
  if (!date) return undefined;
  const lead = /\b(by|due|before|on|for|until)\s+$/i.exec(text.slice(0, last.index));
  const index = lead ? lead.index : last.index;
  return { date, phrase: text.slice(index, last.index + last.text.length), index };
}
