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
  draft: 'Not sent yet',
  invited: 'Invited, waiting for answers',
  agenda_agreed: 'Agenda agreed, ready to start',
  in_progress: 'Meeting under way',
  concluded: 'Closed, plan being sent',
  plan_distributed: 'Closed, plan sent',
  cancelled: 'Cancelled',
};

/** Where each status sits in the lifecycle, so a refusal can say "not yet" or "no longer". */
const ORDER: readonly MeetingStatus[] = ['draft', 'invited', 'agenda_agreed', 'in_progress', 'concluded', 'plan_distributed'];

/** What has to happen next from each status, in words a person can act on (the organiser's commands named). */
export const NEXT_STEP: Record<MeetingStatus, string> = {
  draft: 'The invitations have not gone out yet: the organiser sends them from the new-meeting form.',
  invited: 'The agenda has not been agreed yet. Lock the agenda first: type `agenda` and lock it from the agenda card (organiser).',
  agenda_agreed: 'The meeting has not started yet: the organiser types `start` when it begins.',
  in_progress: 'The meeting is under way: the organiser sets the next review date (`next review` and a date), then types `close`.',
  concluded: 'The meeting is closed and its written plan has gone to everyone: sign it off from the plan card.',
  plan_distributed: 'The meeting is closed and its written plan has gone to everyone.',
  cancelled: 'The meeting was cancelled: ask the organiser about a new date.',
};

/** Where the meeting stands, for a refusal that comes too late. */
const STANDS: Record<MeetingStatus, string> = {
  draft: 'the invitations have not gone out yet',
  invited: 'the invitations have already gone out',
  agenda_agreed: 'the agenda is already agreed and locked',
  in_progress: 'the meeting has already started',
  concluded: 'the meeting is already closed',
  plan_distributed: 'the meeting is already closed',
  cancelled: 'the meeting was cancelled',
};

/** What a person can still do with what they meant to add, once its stage has passed. */
const INSTEAD: Partial<Record<MeetingStatus, string>> = {
  agenda_agreed: 'Raise it under "Any other business" in the meeting.',
  in_progress: 'Raise it in the meeting instead.',
  concluded: 'It can go into the next PEP.',
  plan_distributed: 'It can go into the next PEP.',
};

const MOVE: Record<MeetingStatus, string> = {
  draft: 'The meeting cannot go back to a draft',
  invited: 'The invitations cannot be sent',
  agenda_agreed: 'The agenda cannot be locked',
  in_progress: 'The meeting cannot start',
  concluded: 'The meeting cannot be closed',
  plan_distributed: 'The plan cannot be sent',
  cancelled: 'The meeting cannot be cancelled',
};

const rank = (status: MeetingStatus) => (status === 'cancelled' ? ORDER.length : ORDER.indexOf(status));

export const canMove = (from: MeetingStatus, to: MeetingStatus): boolean => NEXT[from].includes(to);

export function moveTo(meeting: Meeting, to: MeetingStatus): void {
  if (!canMove(meeting.status, to)) {
    const early = to !== 'cancelled' && rank(meeting.status) < rank(to);
    refuse(
      'MEETING.ILLEGAL_TRANSITION',
      early ? `${MOVE[to]} yet. ${NEXT_STEP[meeting.status]}` : `${MOVE[to]}: ${STANDS[meeting.status]}.`,
      { from: meeting.status, to },
    );
  }
  meeting.status = to;
}

/** Refuses work that does not belong to the meeting's current stage, saying what comes first or why it is too late. */
export function requireStatus(meeting: Meeting, allowed: readonly MeetingStatus[], doing: string): void {
  if (allowed.includes(meeting.status)) return;
  const early = meeting.status !== 'cancelled' && allowed.every((status) => rank(meeting.status) < rank(status));
  refuse(
    'MEETING.WRONG_STATUS',
    early ? `You can't ${doing} yet. ${NEXT_STEP[meeting.status]}` : `You can no longer ${doing}: ${STANDS[meeting.status]}. ${INSTEAD[meeting.status] ?? ''}`.trim(),
    { status: meeting.status, allowed },
  );
}

/** Stages in which the meeting is still being prepared (before the call starts). */
export const BEFORE_MEETING: readonly MeetingStatus[] = ['invited', 'agenda_agreed'];
/** Stages in which actions live on: during the call and between meetings. */
export const ACTIONS_LIVE: readonly MeetingStatus[] = ['in_progress', 'concluded', 'plan_distributed'];
