import type { AppDeps } from '../deps.js';
import { localDate, writtenDay } from '../../domain/dates.js';
import { accessesOf } from './access-log.js';
import { accessLines } from './access-section.js';

/** One of the child's meetings, and who has opened its plan, cards or records, newest first. */
export interface WhoLookedMeeting {
  meetingId: string;
  heading: string;
  lines: Array<{ when: string; line: string }>;
}

/** For the Virtual School: across every PEP meeting of a child, who has looked. */
export function whoLookedReader(deps: Pick<AppDeps, 'store' | 'officers'>): (childRef: string) => Promise<WhoLookedMeeting[]> {
  return async (childRef) => {
    const meetings = await deps.store.meetingsOfChild(childRef);
    return Promise.all(
      [...meetings].reverse().map(async (meeting) => ({
        meetingId: meeting.id,
        heading: `PEP meeting of ${writtenDay(localDate(meeting.startsAt, meeting.timeZone))}`,
        lines: accessLines(await accessesOf(deps.store, meeting.id), meeting, deps.officers),
      })),
    );
  };
}
