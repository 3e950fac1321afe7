import type { AppDeps } from '../deps.js';
import { localDate, writtenDay } from '../../domain/dates.js';
import { accessesOf } from './access-log.js';
import { accessLines } from './access-section.js';
import { verifyChainOf } from './verify-audit-chains.js';
import type { ChainReport } from './verify-audit-chains.js';

/** One of the child's meetings, and who has opened its plan, cards or records, newest first. */
export interface WhoLookedMeeting {
  meetingId: string;
  heading: string;
  lines: Array<{ when: string; line: string }>;
  /** Whether the meeting's audit hash chain verifies, in words; absent where the store's chains are not given. */
  audit?: { verified: boolean; words: string };
}

const auditWords = (report: ChainReport): NonNullable<WhoLookedMeeting['audit']> =>
  report.break
    ? { verified: false, words: `Audit trail does not verify: ${report.break.message}` }
    : { verified: true, words: `Audit trail verified: ${report.entries} entries${report.redacted.length > 0 ? `, ${report.redacted.length} with their data removed (erasure or retention)` : ''}.` };

/** For the Virtual School: across every PEP meeting of a child, who has looked, and whether its audit trail verifies. */
export function whoLookedReader(deps: Pick<AppDeps, 'store' | 'officers' | 'auditChains'>): (childRef: string) => Promise<WhoLookedMeeting[]> {
  return async (childRef) => {
    const meetings = await deps.store.meetingsOfChild(childRef);
    return Promise.all(
      [...meetings].reverse().map(async (meeting) => ({
        meetingId: meeting.id,
        heading: `PEP meeting of ${writtenDay(localDate(meeting.startsAt, meeting.timeZone))}`,
        lines: accessLines(await accessesOf(deps.store, meeting.id), meeting, deps.officers),
        ...(deps.auditChains ? { audit: auditWords(await verifyChainOf(deps.auditChains, meeting.id)) } : {}),
      })),
    );
  };
}
