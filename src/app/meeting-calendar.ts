import { formatDay } from '../cards/format.js';
import { localDate } from '../domain/dates.js';
import type { Meeting } from '../domain/model.js';
import type { AppDeps } from './deps.js';

/**
 * A meeting as a calendar entry for someone reached by email: when it is and which revision,
 * nothing else (no child, no place, no names), since a calendar is shared and synced more widely
 * than a mailbox. One UID per meeting, so a moved meeting replaces the entry and a cancelled one
 * removes it; the sequence counts the times it was moved, so the newest revision wins.
 */
export interface CalendarEntry {
  uid: string;
  sequence: number;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
}

/** "Thursday 10 December 2026", in the meeting's time zone: how an email names the meeting. */
export const meetingDay = (meeting: Meeting): string => formatDay(localDate(meeting.startsAt, meeting.timeZone));

/** The entry as of now; a cancellation is one revision past the last move. */
export async function calendarEntry(app: Pick<AppDeps, 'store'>, meeting: Meeting, change: 'current' | 'cancelled' = 'current'): Promise<CalendarEntry> {
  const moves = (await app.store.auditTrail(meeting.id)).filter((event) => event.type === 'rescheduleMeeting').length;
  return {
    uid: `pep-meeting-${meeting.id}@pep-bot`,
    sequence: moves + (change === 'cancelled' ? 1 : 0),
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
  };
}
