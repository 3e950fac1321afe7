import { DateTime } from 'luxon';
import { formatDay, formatMeetingTime } from '../cards/format.js';
import type { CardSubmission } from '../cards/verbs.js';
import { parseCardAction, VERBS } from '../cards/verbs.js';
import type { MeetingCommandInput } from '../domain/commands.js';
import { DomainError, isDomainError, refuse } from '../domain/errors.js';
import { lockWarnings } from '../domain/agenda.js';
import type { IdentityQuery } from '../domain/identity.js';
import { matchesIdentity } from '../domain/identity.js';
import type { Channel, Meeting, Participant } from '../domain/model.js';
import { isOrganiser } from '../domain/permissions.js';
import type { OutboundCard } from '../ports/messenger.js';
import type { AppDeps } from './deps.js';
import { describeError } from './error-messages.js';
import type { UserError } from './error-messages.js';
import type { AppliedChange } from './execute-command.js';
import { executeCommand, executeOversightCommand, loadMeeting } from './execute-command.js';
import { handleOfficerAction, isOfficerVerb, oversightCommandFor } from './oversight-actions.js';
import { fundingOutcomeCard, transitionFormCard } from './views/oversight-cards.js';
import { agendaCard, attendanceSummaryCard, contributionRequestCard, invitationCard, promptCard } from './views/preparation-cards.js';
import type { FormState } from './views/preparation-cards.js';
import { actionNudgeCard, goalFormCard, liveActionsCard, planSummaryCard, previousActionsCard } from './views/meeting-cards.js';
import { handoverCard } from './views/handover-card.js';
import { childLabel } from './views/people.js';
import { attendanceCommand, evidenceCommand } from './evidence/card-commands.js';
import { attendanceRecordCard, evidenceFormCard } from './views/evidence-cards.js';
import { confirmationCard, errorCard } from './views/message-cards.js';

/**
 * A participant the channel has already identified without a chat identity: the web channel
 * knows the person a secure link is bound to. Matched on the participant id only, never looked
 * up in the store's identity index (which has no such key).
 */
export interface KnownParticipant {
  kind: 'participant';
  participantId: string;
}

export interface CardActionRequest {
  verb: string;
  /** The button's data merged with the card's inputs (see mergeSubmission). */
  payload: Record<string, unknown>;
  /** Who clicked, as the channel authenticated them: never taken from the card's data. */
  actor: IdentityQuery | KnownParticipant;
  channel: Channel;
  idempotencyKey?: string;
  /** The meeting the channel has just read for this click (to tell who clicked): used, not read again. */
  loaded?: Meeting;
}

export interface CardActionResult {
  /** What replaces the card the person clicked: refreshed, or re-shown with their input and the problem. */
  card: OutboundCard;
  /**
   * Set when the click was refused and `card` is the error card. A channel shows it to the person
   * who clicked alone: a card shared in a group chat stays as everyone else sees it.
   */
  refusal?: UserError;
  /** Present when the meeting changed, for the fan-out to the other people and chats. */
  change?: AppliedChange;
}

export function actorIn(meeting: Meeting, identity: IdentityQuery | KnownParticipant): Participant {
  const participant = meeting.participants.find((p) => (identity.kind === 'participant' ? p.id === identity.participantId : matchesIdentity(p, identity)));
  if (!participant) refuse('PERMISSION.NOT_PARTICIPANT', 'Only people invited to this PEP meeting can do that.');
  return participant;
}

/**
 * The keys a button's own data carries (which meeting, which item, which answer; Teams' fallback
 * adds the verb). No card has an input by these names, and a re-shown form takes only what was
 * typed: the card data schemas are strict and refuse anything else.
 */
const ACTION_DATA_KEYS: ReadonlySet<string> = new Set([
  'meetingId',
  'participantId',
  'answer',
  'contributionId',
  'actionId',
  'itemId',
  'confirmed',
  'promptId',
  'kind',
  'planVersion',
  'documentUrl',
  'card',
  'verb',
  'roster',
  'requestId',
]);
const typedInputs = (payload: Record<string, unknown>) => Object.fromEntries(Object.entries(payload).filter(([key]) => !ACTION_DATA_KEYS.has(key)));

/** Each verb: the command it means (none for a refresh) and the card that carried it. */
function commandFor(submission: CardSubmission, actor: Participant, meeting: Meeting): MeetingCommandInput | undefined {
  const { verb, data } = submission;
  switch (verb) {
    case 'rsvp':
      // The card names whom it was sent to; answering someone else's invitation is refused.
      if (data.participantId !== actor.id) refuse('PERMISSION.NOT_ADDRESSEE', 'Only the person this invitation was sent to can answer it.');
      return { type: 'recordRsvp', answer: data.answer, note: data.note };
    case 'contribution.submit': {
      const { meetingId: _m, contributionId, ...content } = data;
      return { type: 'submitContribution', contributionId, content };
    }
    case 'agenda.signOff':
      return { type: 'signOffAgenda' };
    case 'agenda.suggest':
      return { type: 'suggestAgendaItem', title: data.title };
    case 'agenda.lock':
      return { type: 'lockAgenda' };
    case 'agenda.accept':
      return { type: 'acceptAgendaSuggestion', itemId: data.itemId };
    case 'agenda.decline':
      return { type: 'declineAgendaSuggestion', itemId: data.itemId };
    case 'review.record':
      return { type: 'reviewPreviousAction', previousActionId: data.previousActionId, outcome: data.outcome, evidence: data.evidence };
    case 'action.acknowledge':
      return { type: 'acknowledgeAction', actionId: data.actionId };
    case 'goal.add': {
      const { meetingId: _m, ...goal } = data;
      return { type: 'addGoal', ...goal };
    }
    case 'nudge.done':
      return { type: 'completeAction', actionId: data.actionId };
    case 'nudge.moreTime':
      return { type: 'rescheduleAction', actionId: data.actionId, dueDate: data.newDueDate };
    case 'nudge.blocked':
      return { type: 'blockAction', actionId: data.actionId, reason: data.blockedReason };
    case 'prompt.answer': {
      const { meetingId: _m, promptId, ...answer } = data;
      return { type: 'answerPrompt', promptId, answer };
    }
    case 'card.refresh':
      return undefined;
    case 'child.handover':
      return { type: 'addParticipant', participant: { name: data.teacherName, email: data.teacherEmail, role: 'designated_teacher' } };
    case 'plan.signOff':
      return { type: 'signPlan', planVersion: data.planVersion };
    case 'attendance.record':
      return attendanceCommand(data, meeting);
    case 'evidence.submit':
      return evidenceCommand(data);
    case 'meeting.reschedule': {
      const startsAt = DateTime.fromISO(`${data.newDate}T${data.newTime}`, { zone: meeting.timeZone });
      if (!startsAt.isValid) throw new DomainError('VALIDATION.INVALID_INPUT', 'Choose a valid new date and start time.', { problems: ['Choose a valid new date and start time.'] });
      return { type: 'rescheduleMeeting', startsAt: startsAt.toUTC().toISO({ suppressMilliseconds: true }) };
    }
  }
}

/**
 * The card a verb came from, drawn for this person from the meeting's current state. A form is
 * re-drawn with `form` (what they typed and what to fix); a card without inputs returns undefined
 * for a form so the caller shows the error card instead.
 */
function sourceCard(verb: string, payload: Record<string, unknown>, meeting: Meeting, actor: Participant, form?: FormState): OutboundCard | undefined {
  const id = (key: string) => String(payload[key] ?? '');
  const stage = 'due_today';
  switch (verb) {
    case 'rsvp':
      return invitationCard(meeting, actor.id, form);
    case 'contribution.submit':
      return contributionRequestCard(meeting, id('contributionId'), form);
    case 'agenda.suggest':
      return agendaCard(meeting, form);
    case 'agenda.signOff':
    case 'agenda.lock':
    case 'agenda.accept':
    case 'agenda.decline':
      return form ? undefined : agendaCard(meeting);
    case 'review.record':
      return previousActionsCard(meeting, form);
    case 'action.acknowledge':
      return form ? undefined : liveActionsCard(meeting);
    case 'goal.add':
      return goalFormCard(meeting, form);
    case 'nudge.moreTime':
    case 'nudge.blocked':
    case 'nudge.done':
      return form || verb !== 'nudge.done' ? actionNudgeCard(meeting, id('actionId'), stage, form) : undefined;
    case 'prompt.answer':
      return promptCard(meeting, id('promptId'), form);
    case 'meeting.reschedule':
      // The summary names everyone: only ever re-drawn for the organiser it belongs to.
      return form && actor.id === meeting.organiserId ? attendanceSummaryCard(meeting, [], form) : undefined;
    case 'card.refresh':
      return payload.card === 'live-actions' ? liveActionsCard(meeting) : invitationCard(meeting, actor.id);
    case 'child.handover':
      // Only ever re-drawn as a form for the organiser, whose card it is; the clock line is not carried, so it says where to find it.
      return form && actor.id === meeting.organiserId ? handoverCard(meeting, id('school'), `Type "child ${meeting.child.ref}" to see when the new PEP is due.`, form) : undefined;
    case 'attendance.record':
      return attendanceRecordCard(meeting, form);
    case 'evidence.submit':
      return evidenceFormCard(meeting, actor.id, form);
    case 'plan.signOff':
      // Re-drawn with the link the card already had: the server keeps only the token's hash.
      return form ? undefined : planSummaryCard(meeting, actor.id, VERBS['plan.signOff'].shape.documentUrl.parse(payload.documentUrl));
    case 'transition.save':
      return transitionFormCard(meeting, form);
    case 'funding.answer':
      return meeting.funding?.some((r) => r.id === id('requestId')) ? fundingOutcomeCard(meeting, id('requestId'), form) : undefined;
    default:
      return undefined;
  }
}

/** After a change, what the person who clicked should see in place of their card. */
function resultCard(verb: string, payload: Record<string, unknown>, meeting: Meeting, actor: Participant): OutboundCard {
  switch (verb) {
    case 'meeting.reschedule':
      return confirmationCard('Meeting moved', `Everyone has been invited again for ${formatMeetingTime(meeting.startsAt, meeting.durationMinutes, meeting.timeZone)}. Your attendance summary is updated as they answer.`);
    case 'nudge.done':
      return confirmationCard('Marked as done', 'Thank you. The organiser can see the action is done.');
    case 'nudge.moreTime':
      return confirmationCard('New date saved', `The action is now due on ${formatDay(String(payload.newDueDate))}. We will remind you nearer the time.`);
    case 'nudge.blocked':
      return confirmationCard('Thanks for letting us know', 'The organiser can see the action is blocked and why.');
    case 'prompt.answer':
      return confirmationCard('Thank you', 'Your answers are saved. You can change them until the meeting starts.');
    case 'contribution.submit':
      return confirmationCard('Contribution received', 'Thank you. You can send a corrected version until the meeting starts.');
    case 'goal.add':
      return confirmationCard('Goal added', `"${String(payload.title)}" is now part of the plan.`);
    case 'child.handover':
      return meeting.status === 'draft'
        ? confirmationCard('New designated teacher added', `${String(payload.teacherName)} is on the next PEP for ${childLabel(meeting)} and is invited with everyone when you send the invitations.`)
        : confirmationCard('New designated teacher invited', `${String(payload.teacherName)} is invited to the next PEP for ${childLabel(meeting)}, where the current plan, the open actions and the child's views are.`);
    case 'evidence.submit':
      return confirmationCard('Figures received', 'Thank you. The meeting will see them beside the last PEP\'s. You can send corrected figures until the meeting closes.');
    case 'qa.submit':
      return confirmationCard('Plan submitted', 'The Virtual School has the plan for review. You will get a card when it is approved or returned.');
    case 'transition.save':
      return confirmationCard('Transition section saved', 'It is part of the written plan.');
    case 'funding.answer':
      return confirmationCard('Answer sent', 'The Virtual School officer has your answer and will decide the request.');
    default:
      return sourceCard(verb, payload, meeting, actor) ?? confirmationCard('Done', 'Saved.');
  }
}

/**
 * Any card click on any channel: parse, find who clicked among the participants, apply the
 * command, and answer with the card to show. Refusals come back as the same form with what was
 * typed and the reason, or as the error card when the card had nothing to type into.
 */
export async function handleCardAction(deps: AppDeps, request: CardActionRequest): Promise<CardActionResult> {
  if (isOfficerVerb(request.verb)) return handleOfficerAction(deps, request);
  const parsed = parseCardAction(request.verb, request.payload);
  const meetingId = typeof request.payload.meetingId === 'string' ? request.payload.meetingId : '';
  let meeting: Meeting | undefined;
  let actor: Participant | undefined;
  try {
    meeting = request.loaded?.id === meetingId ? request.loaded : await loadMeeting(deps, meetingId);
    actor = actorIn(meeting, request.actor);
    if (!parsed.ok) {
      const problems = parsed.problems.map((p) => p.message);
      throw new DomainError('VALIDATION.INVALID_INPUT', `Some answers need another look. ${problems.join(' ')}`, { problems, input: request.payload });
    }
    if (asksBeforeLocking(parsed.submission, meeting, actor)) return { card: agendaCard(meeting, {}, { confirmLock: true }) };
    // The organiser's side of the Virtual School's review (submit, transition, answering a query) has its own rules.
    const oversight = oversightCommandFor(parsed.submission);
    const command = oversight ?? commandFor(parsed.submission, actor, meeting);
    if (!command) return { card: sourceCard(request.verb, request.payload, meeting, actor) ?? confirmationCard('Up to date', 'Nothing has changed.') };
    const execute = oversight ? executeOversightCommand : executeCommand;
    const result = await execute(deps, {
      meetingId,
      command,
      actorId: actor.id,
      channel: request.channel,
      idempotencyKey: request.idempotencyKey,
      loaded: meeting,
    });
    return {
      card: resultCard(request.verb, request.payload, result.meeting, actor),
      change: result.replayed ? undefined : { meeting: result.meeting, command: command.type, queued: result.queued },
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const described = describeError(error);
    // A form lists what to fix; the error card says it once, in its message.
    const problems = Array.isArray(error.details.problems) ? error.details.problems.map(problemText) : [];
    const form = { values: typedInputs(request.payload), errors: problems.length > 0 ? problems : [error.message] };
    const again = meeting && actor ? sourceCard(request.verb, request.payload, meeting, actor, form) : undefined;
    if (again) return { card: again };
    const refusal = { ...described, kept: request.payload };
    return { card: errorCard(refusal, problems), refusal };
  }
}

/**
 * Locking while suggestions are open or sign-offs missing asks the organiser first, on their own
 * copy of the card; anyone else pressing Lock is refused by the rule itself.
 */
function asksBeforeLocking(submission: CardSubmission, meeting: Meeting, actor: Participant): boolean {
  if (submission.verb !== 'agenda.lock' || submission.data.confirmed || meeting.agenda.lockedAt) return false;
  if (!isOrganiser(meeting, actor.id)) return false;
  const warnings = lockWarnings(meeting);
  return warnings.openSuggestions > 0 || warnings.signedOff < warnings.participants;
}

/** Problems arrive as sentences (card parsing) or as { field, message } (command parsing). */
function problemText(problem: unknown): string {
  if (typeof problem === 'object' && problem !== null && 'message' in problem) return String(problem.message);
  return String(problem);
}
