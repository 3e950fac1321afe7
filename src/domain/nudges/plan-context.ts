import type { Meeting } from '../model.js';
import type { CandidateNudge, NudgeKind } from './nudge.js';
import type { NudgePreferencesByParticipant } from './preferences.js';
import { sendingWindow } from './sending-window.js';
import type { SendingWindow } from './sending-window.js';
import type { NudgeSettings } from './settings.js';

/** What each part of the policy needs to know about one meeting. */
export interface PlanContext {
  meeting: Meeting;
  settings: NudgeSettings;
  /** The participant's window, or undefined when they are no longer in the meeting. */
  windowOf(participantId: string): SendingWindow | undefined;
  nudge(kind: NudgeKind, itemId: string, recipientParticipantId: string, dueInstant: string, expiresAt?: string): CandidateNudge;
}

export function planContext(meeting: Meeting, settings: NudgeSettings, preferences: NudgePreferencesByParticipant): PlanContext {
  // One window per participant for the whole plan: every action of theirs asks for it.
  const windows = new Map(meeting.participants.map((p) => [p.id, sendingWindow(meeting.timeZone, settings, preferences[p.id])]));
  return {
    meeting,
    settings,
    windowOf: (participantId) => windows.get(participantId),
    nudge: (kind, itemId, recipientParticipantId, dueInstant, expiresAt) => ({
      meetingId: meeting.id,
      kind,
      itemId,
      recipientParticipantId,
      dueInstant,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    }),
  };
}
