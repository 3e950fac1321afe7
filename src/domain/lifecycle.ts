import { refuse } from './errors.js';
import type { Meeting, MeetingStatus } from './model.js';

/** The meeting lifecycle (PRODUCT.md): each status may move only to the ones listed. */
const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['invited', 'cancelled'],
  invited: ['agenda_agreed', 'cancelled'],
  agenda_agreed: ['in_progress', 'cancelled'],
  in_progress: ['concluded'],
  concluded: ['plan_distributed'],
  plan_distributed: [],
  cancelled: [],
};

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'draft',
  invited: 'invitations sent',
  agenda_agreed: 'agenda agreed',
  in_progress: 'in progress',
  concluded: 'concluded',
  plan_distributed: 'plan distributed',
  cancelled: 'cancelled',
};

export const canMove = (from: MeetingStatus, to: MeetingStatus): boolean => NEXT[from].includes(to);

export function moveTo(meeting: Meeting, to: MeetingStatus): void {
  if (!canMove(meeting.status, to)) {
    refuse(
      'MEETING.ILLEGAL_TRANSITION',
      `A meeting that is ${STATUS_LABELS[meeting.status]} cannot become ${STATUS_LABELS[to]}.`,
      { from: meeting.status, to },
    );
  }
  meeting.status = to;
}

/** Refuses work that does not belong to the meeting's current stage. */
export function requireStatus(meeting: Meeting, allowed: readonly MeetingStatus[], doing: string): void {
  if (!allowed.includes(meeting.status)) {
    refuse(
      'MEETING.WRONG_STATUS',
      `You can't ${doing} while the meeting is ${STATUS_LABELS[meeting.status]}.`,
      { status: meeting.status, allowed },
    );
  }
}

/** Stages in which the meeting is still being prepared (before the call starts). */
export const BEFORE_MEETING: readonly MeetingStatus[] = ['invited', 'agenda_agreed'];
/** Stages in which actions live on: during the call and between meetings. */
export const ACTIONS_LIVE: readonly MeetingStatus[] = ['in_progress', 'concluded', 'plan_distributed'];
