import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { executeCommand } from '../../../app/execute-command.js';
import { meetingStartCard } from '../../../app/views/meeting-cards.js';
import { confirmationCard } from '../../../app/views/message-cards.js';
import { childLabel } from '../../../app/views/people.js';
import { SYSTEM_ACTOR } from '../../../domain/context.js';
import { writtenDay } from '../../../domain/dates.js';
import { isDomainError } from '../../../domain/errors.js';
import { BEFORE_MEETING } from '../../../domain/lifecycle.js';
import type { Meeting } from '../../../domain/model.js';
import type { OutboundCard } from '../../../ports/messenger.js';
import { cardMessage } from '../card-activity.js';
import type { TeamsDeps } from '../teams-turn.js';
import { linkedMeeting } from '../teams-turn.js';
import type { TurnRouter } from '../turn-router.js';
import { teamsEvent } from '../turn-router.js';

/** Teams' meeting event payload; only its presence matters here, the meeting is the chat's. */
const MeetingEventSchema = z.object({ Id: z.string().optional(), MeetingType: z.string().optional() }).loose();

/**
 * The Teams meeting itself (the app must be added to the meeting, with the meeting chat linked
 * by "link PEP-…"): its start starts the PEP meeting and posts the start card in the chat; its
 * end posts a wrap-up of what was captured and what is still to do.
 */
export function registerMeetingRoutes(router: TurnRouter, deps: TeamsDeps): void {
  router.on(teamsEvent('application/vnd.microsoft.meetingStart'), async (context) => {
    const meeting = await meetingOfEvent(deps, context, context.activity.value);
    if (meeting) await startMeeting(deps, context, meeting);
  });

  router.on(teamsEvent('application/vnd.microsoft.meetingEnd'), async (context) => {
    const meeting = await meetingOfEvent(deps, context, context.activity.value);
    if (meeting) await context.sendActivity(cardMessage(wrapUpCard(meeting)));
  });
}

async function meetingOfEvent(deps: TeamsDeps, context: TurnContext, details: unknown): Promise<Meeting | undefined> {
  if (!MeetingEventSchema.safeParse(details).success) {
    deps.logger.warn({ activityId: context.activity.id, event: context.activity.name }, 'teams meeting event without details');
    return undefined;
  }
  const meeting = await linkedMeeting(deps, context);
  if (!meeting) deps.logger.info({ conversationId: context.activity.conversation.id }, 'teams meeting event in a chat no PEP meeting is linked to');
  return meeting;
}

/**
 * The platform starts the meeting on the organiser's behalf (the domain allows the system to).
 * If it cannot start yet (say the agenda is not locked), the chat still gets the start card, with
 * what stands in the way; a meeting already started by "start", or over, needs nothing more.
 */
async function startMeeting(deps: TeamsDeps, context: TurnContext, meeting: Meeting): Promise<void> {
  if (!BEFORE_MEETING.includes(meeting.status)) return;
  try {
    await executeCommand(deps.app, {
      meetingId: meeting.id,
      command: { type: 'startMeeting' },
      actorId: SYSTEM_ACTOR,
      channel: 'teams',
      idempotencyKey: `teams:${context.activity.id ?? ''}:meetingStart`,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await context.sendActivity(cardMessage(meetingStartCard(meeting)));
    await context.sendActivity(cardMessage(confirmationCard('The PEP meeting is not started yet', `${error.message} The organiser can type "start" when ready; actions can be captured once it has started.`)));
  }
}

/** At the end of the call: what was captured, and what must still happen before the meeting can close. */
function wrapUpCard(meeting: Meeting): OutboundCard {
  const open = meeting.actions.filter((a) => a.status !== 'done').length;
  return confirmationCard(`The call for ${childLabel(meeting)} has ended`, nextStep(meeting), [
    { label: 'Actions captured', value: `${meeting.actions.length} (${open} open)` },
    { label: 'Goals', value: String(meeting.goals.length) },
    { label: 'Notes', value: String(meeting.notes.length) },
    { label: 'Next review', value: meeting.nextReviewDate ? writtenDay(meeting.nextReviewDate) : 'Still to set: type "next review" and a date' },
  ]);
}

function nextStep(meeting: Meeting): string {
  if (meeting.status !== 'in_progress') return 'The written plan goes to everyone once the organiser closes the meeting.';
  if (!meeting.nextReviewDate) return 'Before closing, the organiser sets the next review date ("next review 10 March"), then types "close" to send the plan to everyone.';
  return 'The organiser can now type "close" to send the written plan to everyone.';
}
