import type { Meeting, Participant, RsvpAnswer } from './model.js';
import { CRITICAL_ROLES, type Role } from './roles.js';

export interface AttendanceSummary {
  byAnswer: Record<RsvpAnswer | 'awaiting', Participant[]>;
  /** Critical roles nobody in that role will attend (declined, or nobody invited in that role). */
  criticalGaps: { role: Role; reason: 'declined' | 'written_only' | 'not_invited' | 'awaiting' }[];
  /** True when a critical voice is definitely missing: the organiser should consider rescheduling. */
  shouldReschedule: boolean;
}

const attending = (p: Participant) => p.rsvp?.answer === 'accept' || p.rsvp?.answer === 'tentative';

/** Step 1: who answered what, and which critical voices would be missing. */
export function attendanceSummary(meeting: Meeting): AttendanceSummary {
  const byAnswer: AttendanceSummary['byAnswer'] = { accept: [], tentative: [], decline: [], written_contribution: [], awaiting: [] };
  for (const participant of meeting.participants) byAnswer[participant.rsvp?.answer ?? 'awaiting'].push(participant);

  const criticalGaps: AttendanceSummary['criticalGaps'] = [];
  for (const role of CRITICAL_ROLES) {
    const inRole = meeting.participants.filter((p) => p.role === role);
    if (inRole.length === 0) criticalGaps.push({ role, reason: 'not_invited' });
    else if (inRole.some(attending)) continue;
    else if (inRole.some((p) => !p.rsvp)) criticalGaps.push({ role, reason: 'awaiting' });
    else if (inRole.some((p) => p.rsvp?.answer === 'written_contribution')) criticalGaps.push({ role, reason: 'written_only' });
    else criticalGaps.push({ role, reason: 'declined' });
  }
  return { byAnswer, criticalGaps, shouldReschedule: criticalGaps.some((g) => g.reason === 'declined') };
}
