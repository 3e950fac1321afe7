import type { Channel, Meeting } from '../../domain/model.js';
import { refuse } from '../../domain/errors.js';
import type { NextMeetingChoices } from '../../domain/plan/carry-forward.js';
import { nextMeetingCommand, nextMeetingStart } from '../../domain/plan/carry-forward.js';
import { createMeeting } from '../create-meeting.js';
import type { AppDeps } from '../deps.js';
import { loadMeeting } from '../execute-command.js';

export interface NextMeetingRequest extends Partial<NextMeetingChoices> {
  channel: Channel;
}

/**
 * Prepares the next PEP from a closed one: same child and people, the next review date at the
 * usual time unless another start is given, and the previous plan's open actions and goals ready
 * for review. Asking twice gives back the meeting already prepared, so a retried job is harmless.
 */
export async function createNextMeeting(deps: AppDeps, previousMeetingId: string, request: NextMeetingRequest): Promise<Meeting> {
  const previous = await loadMeeting(deps, previousMeetingId);
  if (!previous.plan) refuse('MEETING.WRONG_STATUS', 'The next PEP can be prepared once this one is closed and its plan written.');
  const prepared = (await deps.store.meetingsOfChild(previous.child.ref)).find((m) => m.previousMeetingId === previous.id && m.status !== 'cancelled');
  if (prepared) return prepared;
  const startsAt = request.startsAt ?? nextMeetingStart(previous);
  if (!startsAt) refuse('MEETING.NEXT_REVIEW_REQUIRED', 'Choose when the next PEP starts: this meeting has no next review date.');
  const command = nextMeetingCommand(previous, { startsAt, location: request.location, durationMinutes: request.durationMinutes });
  return createMeeting(deps, { command, channel: request.channel });
}
