import type { Meeting } from '../model.js';
import { addWorkingDays } from './calendar.js';
import { atLocalTime, toInstant } from './instants.js';
import type { NudgeSettings } from './settings.js';

export interface NextMeetingPreparation {
  meetingId: string;
  reviewDate: string;
  dueInstant: string;
}

/**
 * Once a PEP is closed with its next review date, the next one's invitations are prepared some
 * school days ahead (working days less bank holidays; school terms are not modelled). A date
 * already gone is still returned: preparing late beats not preparing.
 */
export function planNextMeetingPreparation(meeting: Meeting, settings: NudgeSettings): NextMeetingPreparation | undefined {
  const closed = meeting.status === 'concluded' || meeting.status === 'plan_distributed';
  if (!closed || !meeting.nextReviewDate) return undefined;
  const day = addWorkingDays(meeting.nextReviewDate, -settings.nextMeetingLeadWorkingDays);
  return {
    meetingId: meeting.id,
    reviewDate: meeting.nextReviewDate,
    dueInstant: toInstant(atLocalTime(day, settings.sendTime, meeting.timeZone)),
  };
}
