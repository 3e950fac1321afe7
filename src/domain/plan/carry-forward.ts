import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { CreateMeetingSchema, NewParticipant } from '../commands.js';
import type { Location, Meeting, PreviousAction } from '../model.js';

/**
 * Step 12 into step 6: the next PEP starts from this one's plan. Its review card lists every
 * action not yet done and every goal, since "examine the outcomes of goals set in the last PEP
 * meeting" is the first thing the next meeting does.
 */
export function carriedForward(previous: Meeting): PreviousAction[] {
  const ownerName = (ownerId: string) => {
    const owner = previous.participants.find((p) => p.id === ownerId);
    // The review card is posted in the meeting chat, where the child is known by initials only.
    return owner?.role === 'child' ? previous.child.initials : owner?.name;
  };
  const actions = previous.actions
    .filter((a) => a.status !== 'done')
    .map((a) => ({ id: a.id, description: a.description, ownerName: ownerName(a.ownerId), dueDate: a.dueDate, status: a.status }));
  const goals = previous.goals.map((g) => ({ id: g.id, description: `Goal: ${g.title}`, dueDate: g.timeBound, status: 'open' as const }));
  return [...actions, ...goals];
}

/** The next review date, at the time of day the last meeting started there. */
export function nextMeetingStart(previous: Meeting): string | undefined {
  if (!previous.nextReviewDate) return undefined;
  const last = DateTime.fromISO(previous.startsAt, { setZone: true }).setZone(previous.timeZone);
  const next = DateTime.fromISO(previous.nextReviewDate, { zone: previous.timeZone }).set({ hour: last.hour, minute: last.minute });
  return next.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
}

export interface NextMeetingChoices {
  startsAt: string;
  location?: Location;
  durationMinutes?: number;
}

const invitee = ({ name, initials, role, email, teamsUserId, teamsAadObjectId, slackUserId, preferredChannel }: Meeting['participants'][number]): NewParticipant => ({
  name,
  initials,
  role,
  email,
  teamsUserId,
  teamsAadObjectId,
  slackUserId,
  preferredChannel,
});

/** The same child, people and place as last time, unless chosen otherwise, and the plan carried forward. */
export function nextMeetingCommand(previous: Meeting, choices: NextMeetingChoices): z.input<typeof CreateMeetingSchema> {
  const organiser = previous.participants.find((p) => p.id === previous.organiserId);
  if (!organiser) throw new Error(`meeting ${previous.id} has lost its organiser`);
  return {
    type: 'createMeeting',
    child: previous.child,
    startsAt: choices.startsAt,
    durationMinutes: choices.durationMinutes ?? previous.durationMinutes,
    timeZone: previous.timeZone,
    location: choices.location ?? previous.location,
    organiser: invitee(organiser),
    participants: previous.participants.filter((p) => p.id !== organiser.id).map(invitee),
    previousMeetingId: previous.id,
    previousActions: carriedForward(previous),
  };
}
