import { formatDay, formatMeetingTime } from '../cards/format.js';
import { millis } from '../domain/dates.js';
import type { Meeting } from '../domain/model.js';
import { asksQuestions, QUESTIONS } from '../domain/nudges/index.js';
import type { PlannedNudge } from '../domain/nudges/index.js';
import type { Delivery, OutboundCard } from '../ports/messenger.js';
import type { CardDelivery } from './delivery.js';
import type { AppDeps } from './deps.js';
import { linkTargetOf } from './link-cards.js';
import { questionsOf, sendQuestions } from './questions.js';
import { DEFAULT_LINK_DAYS, issueSecureLink } from './secure-links.js';
import { SYSTEM_ACTOR } from '../domain/context.js';
import { actionNudgeCard } from './views/meeting-cards.js';
import { confirmationCard } from './views/message-cards.js';
import { childLabel, participant } from './views/people.js';
import { contributionRequestCard, invitationCard, promptCard } from './views/preparation-cards.js';

function action(meeting: Meeting, actionId: string) {
  const found = meeting.actions.find((a) => a.id === actionId);
  if (!found) throw new Error(`action ${actionId} is not in meeting ${meeting.id}`);
  return found;
}

function escalation(meeting: Meeting, actionId: string): OutboundCard {
  const overdue = action(meeting, actionId);
  const owner = participant(meeting, overdue.ownerId);
  return confirmationCard(`An action for ${childLabel(meeting)} is overdue`, 'The owner has had reminders. You may want to check in with them.', [
    { label: 'Action', value: overdue.description },
    { label: 'Owner', value: owner.name },
    { label: 'Was due', value: formatDay(overdue.dueDate) },
  ]);
}

function digest(meeting: Meeting, now: string): OutboundCard {
  const open = meeting.actions.filter((a) => a.status !== 'done');
  const overdue = open.filter((a) => millis(a.dueAt) <= millis(now));
  return confirmationCard(`This week: PEP for ${childLabel(meeting)}`, `${open.length} actions open, ${overdue.length} overdue.`, [
    ...open.slice(0, 15).map((a) => ({ label: participant(meeting, a.ownerId).name, value: `${a.description} (due ${formatDay(a.dueDate)})` })),
  ]);
}

/** The card each kind of nudge sends: the scene's own card where one exists, so buttons work. */
export function nudgeCard(nudge: PlannedNudge, meeting: Meeting): OutboundCard {
  switch (nudge.kind) {
    case 'action_before_due':
      return actionNudgeCard(meeting, nudge.itemId, 'before_due');
    case 'action_due_today':
      return actionNudgeCard(meeting, nudge.itemId, 'due_today');
    case 'action_overdue':
      return actionNudgeCard(meeting, nudge.itemId, 'overdue');
    case 'action_escalation_organiser':
    case 'action_escalation_vso':
      return escalation(meeting, nudge.itemId);
    case 'contribution_reminder':
    case 'contribution_chaser':
      return contributionRequestCard(meeting, nudge.itemId);
    case 'rsvp_chaser':
      return invitationCard(meeting, nudge.itemId);
    case 'meeting_reminder':
      return confirmationCard(`Reminder: PEP meeting for ${childLabel(meeting)}`, formatMeetingTime(meeting.startsAt, meeting.durationMinutes, meeting.timeZone), [
        { label: 'Where', value: meeting.location.kind === 'online' ? meeting.location.url : meeting.location.place },
      ]);
    case 'weekly_digest':
      return digest(meeting, nudge.dueInstant);
    case 'carer_questions':
    case 'child_questions': {
      const sent = questionsOf(meeting, nudge.itemId);
      if (!sent) throw new Error(`participant ${nudge.itemId} of meeting ${meeting.id} has no questions yet`);
      return promptCard(meeting, sent.id);
    }
  }
}

/**
 * What the nudge's recipient will get, for the organiser to look at before it goes: under the
 * preview banner, with no buttons. Questions not sent yet are shown as they will be.
 */
export function nudgePreview(nudge: PlannedNudge, meeting: Meeting, marker: string): OutboundCard {
  const questions = QUESTIONS.find((q) => q.nudge === nudge.kind);
  const shown =
    questions && !questionsOf(meeting, nudge.itemId)
      ? { ...meeting, prompts: [...meeting.prompts, { id: 'preview', kind: questions.prompt, participantId: nudge.itemId, sentAt: nudge.dueInstant }] }
      : meeting;
  const card = nudgeCard(nudge, shown);
  return { ...card, text: `${marker}: ${card.text}`, preview: marker };
}

/**
 * The scheduler's sender: the nudge's card, to its recipient, on whichever channel reaches them.
 * Someone no chat reaches gets a secure link to the card, issued here, by the job that decided to
 * send it, before anything goes out. The carer's and the child's questions are recorded on the
 * meeting on the organiser's behalf instead: that change queues their card, like any other.
 */
export function nudgeSender(delivery: CardDelivery, app: AppDeps) {
  return async (nudge: PlannedNudge, meeting: Meeting): Promise<Delivery> => {
    if (asksQuestions(nudge.kind)) {
      await sendQuestions(app, meeting, nudge.itemId, { actorId: meeting.organiserId, channel: 'system' });
      return { delivered: true };
    }
    const person = participant(meeting, nudge.recipientParticipantId);
    const card = nudgeCard(nudge, meeting);
    const target = linkTargetOf(card);
    if (delivery.messengerFor(person) || !target) return delivery.sendDirect(meeting, person, card);
    const issued = await issueSecureLink(app, { meetingId: meeting.id, participantId: person.id, ...target, actorId: SYSTEM_ACTOR, days: app.outbox?.linkDays ?? DEFAULT_LINK_DAYS });
    return delivery.sendDirect(issued.meeting, person, card, { linkId: issued.link.id, token: issued.token, opens: 'card' });
  };
}
