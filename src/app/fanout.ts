import type { MeetingCommand } from '../domain/commands.js';
import type { Alert } from '../domain/context.js';
import type { Meeting } from '../domain/model.js';
import type { CardDelivery } from './delivery.js';
import type { PlanDistributor } from './plan/distribute-plan.js';
import { sendPlanCards } from './plan/distribute-plan.js';
import { actionNudgeCard, liveActionsCard, meetingStartCard, planSignedOffCard, previousActionsCard } from './views/meeting-cards.js';
import { participant } from './views/people.js';
import { agendaCard, attendanceSummaryCard, contributionRequestCard, invitationCard, promptCard } from './views/preparation-cards.js';

export interface FanOutOptions {
  /** Sends each version of the written plan with links to the document; without it, the cards alone. */
  plan?: PlanDistributor;
}

export interface MeetingChange {
  meeting: Meeting;
  alerts: Alert[];
  command: MeetingCommand['type'];
  actorId: string;
}

const AGENDA_COMMANDS: ReadonlySet<string> = new Set([
  'linkChat',
  'addAgendaItem',
  'suggestAgendaItem',
  'acceptAgendaSuggestion',
  'declineAgendaSuggestion',
  'removeAgendaItem',
  'signOffAgenda',
  'lockAgenda',
  // The agenda card carries the child's own words once they answer their prompt.
  'answerPrompt',
]);
/** What changes the organiser's attendance card: answers to invitations and the carer's prompt. */
const ATTENDANCE_COMMANDS: ReadonlySet<string> = new Set(['sendInvitations', 'rescheduleMeeting', 'recordRsvp', 'addParticipant', 'answerPrompt']);
const ACTION_COMMANDS: ReadonlySet<string> = new Set(['captureAction', 'acknowledgeAction', 'completeAction', 'blockAction', 'rescheduleAction']);

/**
 * After a change, everyone else's view catches up: invitations go out, the organiser's attendance
 * card and the meeting chat's agenda and action list are updated in place, the plan goes to all.
 * Runs after the person who clicked has had their answer, so it never delays an acknowledgement.
 */
export async function fanOut(delivery: CardDelivery, change: MeetingChange, options: FanOutOptions = {}): Promise<void> {
  const { meeting } = change;
  const organiser = participant(meeting, meeting.organiserId);

  for (const alert of change.alerts) {
    if (alert.kind === 'invite') {
      for (const id of alert.participantIds) await delivery.sendDirect(meeting, participant(meeting, id), invitationCard(meeting, id));
    } else if (alert.kind === 'contribution_requested') {
      await delivery.sendDirect(meeting, participant(meeting, alert.participantId), contributionRequestCard(meeting, alert.contributionId));
    } else if (alert.kind === 'prompt_sent') {
      await delivery.sendDirect(meeting, participant(meeting, alert.participantId), promptCard(meeting, alert.promptId));
    }
  }

  if (ATTENDANCE_COMMANDS.has(change.command)) {
    const summary = attendanceSummaryCard(meeting, await delivery.unreachable(meeting.id));
    // A critical decline needs the organiser's attention now: a new message notifies, an update does not.
    const urgent = change.alerts.some((a) => a.kind === 'critical_declined');
    if (urgent) await delivery.sendDirect(meeting, organiser, summary);
    else await delivery.refreshDirect(meeting, organiser, summary);
  }

  if (change.command === 'sendInvitations' || AGENDA_COMMANDS.has(change.command)) await delivery.refreshInChats(meeting, agendaCard(meeting));
  if (change.command === 'startMeeting') {
    await delivery.refreshInChats(meeting, meetingStartCard(meeting), { newMessage: true });
    if (meeting.previousActions.length > 0) await delivery.refreshInChats(meeting, previousActionsCard(meeting));
  }
  if (change.command === 'reviewPreviousAction') await delivery.refreshInChats(meeting, previousActionsCard(meeting));
  if (ACTION_COMMANDS.has(change.command)) await delivery.refreshInChats(meeting, liveActionsCard(meeting));

  // A version of the plan is issued at conclusion and again by any change to what it says.
  if (change.alerts.some((a) => a.kind === 'plan_issued')) {
    const distributor = options.plan ?? delivery.planDistributor;
    await (distributor ? distributor.distribute(delivery, meeting) : sendPlanCards(delivery, meeting));
  }
  if (change.alerts.some((a) => a.kind === 'plan_signed_off')) await delivery.sendDirect(meeting, organiser, planSignedOffCard(meeting));
  if (change.command === 'cancelMeeting') await delivery.cancelInvitations(meeting);
  await delivery.tidyOrganiserCard(meeting.id);
}

/** A deadline nudge for one action, to its owner. */
export async function sendNudge(delivery: CardDelivery, meeting: Meeting, actionId: string, stage: 'before_due' | 'due_today' | 'overdue') {
  const action = meeting.actions.find((a) => a.id === actionId);
  if (!action) throw new Error(`action ${actionId} is not in meeting ${meeting.id}`);
  return delivery.sendDirect(meeting, participant(meeting, action.ownerId), actionNudgeCard(meeting, actionId, stage));
}
