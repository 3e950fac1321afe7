import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { CalendarEntry } from '../../app/meeting-calendar.js';

/**
 * The meeting as an iCalendar invitation (RFC 5546): REQUEST adds or moves it in the person's
 * calendar, CANCEL removes it. Times are in the meeting's own zone, with its VTIMEZONE, so a phone
 * in another zone still shows the right hour. It says only "Meeting" and when: the calendar may
 * be shared, and the email it came in has the link with the details.
 */
export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface IcsParties {
  /** The sender's address: replies to an invitation go there, and PEP Bot asks for none. */
  organizer: string;
  attendee: string;
}

export const ICS_SUMMARY = 'Meeting';

export function meetingIcs(entry: CalendarEntry, method: IcsMethod, parties: IcsParties): string {
  const start = DateTime.fromISO(entry.startsAt, { zone: entry.timeZone });
  const calendar = ical({
    prodId: { company: 'PEP Bot', product: 'pep-bot', language: 'EN' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    // No calendar-wide zone (it would write DTSTAMP in local time): the event names its own, and
    // the generator adds the VTIMEZONE for it.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start,
    end: start.plus({ minutes: entry.durationMinutes }),
    timezone: entry.timeZone,
    summary: ICS_SUMMARY,
    description: method === 'REQUEST' ? 'Open the secure link in the email from PEP Bot to see the details and answer.' : 'This meeting has been cancelled.',
    status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: 'PEP Bot', email: parties.organizer },
    attendees: [{ email: parties.attendee, rsvp: false }],
  });
  return calendar.toString();
}
