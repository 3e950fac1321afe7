import { DateTime } from 'luxon';
import type { Alert } from '../../domain/context.js';
import type { AppliedChange } from '../execute-command.js';
import { millis } from '../../domain/dates.js';
import { refuse } from '../../domain/errors.js';
import { isOrganiser } from '../../domain/permissions.js';
import type { Meeting, Participant } from '../../domain/model.js';
import { asksQuestions, planNudges } from '../../domain/nudges/index.js';
import type { NudgeKind, PlannedNudge } from '../../domain/nudges/index.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import type { OutboundCard } from '../../ports/messenger.js';
import type { CardDelivery, Chat } from '../delivery.js';
import type { AppDeps } from '../deps.js';
import { nudgePreview } from '../nudge-cards.js';
import { askedQuestions, questionsOf, sendQuestions } from '../questions.js';
import { confirmationCard } from '../views/message-cards.js';
import { childLabel, participant } from '../views/people.js';

const WHAT: Record<NudgeKind, string> = {
  action_before_due: 'Reminder that an action is due soon',
  action_due_today: 'Reminder that an action is due today',
  action_overdue: 'An action is overdue',
  action_escalation_organiser: 'An overdue action, to the organiser',
  action_escalation_vso: 'An overdue action, to the Virtual School officer',
  contribution_reminder: 'Reminder that a written contribution is due soon',
  contribution_chaser: 'A written contribution is late',
  rsvp_chaser: 'The invitation has no answer yet',
  meeting_reminder: 'Reminder of the meeting',
  weekly_digest: 'Weekly list of open actions',
  carer_questions: 'The carer’s questions',
  child_questions: 'The child’s questions',
};

/** Facts a card can hold, less one for "and more". */
const LISTED = 19;

/** "Friday 27 November 2026 at 09:00", where the meeting is held. */
const when = (instant: string, meeting: Meeting): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(meeting.timeZone).setLocale('en-GB').toFormat("cccc d LLLL yyyy 'at' HH:mm");

/** Initials and role only: the list may be asked for in the meeting chat. */
const who = (person: Participant, meeting: Meeting): string =>
  `${person.role === 'child' ? meeting.child.initials : person.initials} (${ROLE_LABELS[person.role].toLowerCase()})`;

async function plannedNudges(deps: AppDeps, meeting: Meeting): Promise<PlannedNudge[]> {
  return deps.plannedNudges ? deps.plannedNudges(meeting) : planNudges(meeting, deps.clock.now().toISOString());
}

function requireOrganiser(meeting: Meeting, actorId: string, doing: string): void {
  if (!isOrganiser(meeting, actorId)) refuse('PERMISSION.NOT_ORGANISER', `Only the meeting organiser can ${doing}.`);
}

/** Every reminder still to go, earliest first; one already due goes at the scheduler's next look. */
function remindersCard(meeting: Meeting, nudges: PlannedNudge[], now: Date): OutboundCard {
  if (nudges.length === 0) return confirmationCard(`No reminders planned for ${childLabel(meeting)}`, 'Nothing is waiting to go out for this meeting just now.');
  const facts = nudges.slice(0, LISTED).map((nudge) => ({
    label: millis(nudge.dueInstant) <= now.getTime() ? 'Going out now' : when(nudge.dueInstant, meeting),
    value: `${WHAT[nudge.kind]}, to ${who(participant(meeting, nudge.recipientParticipantId), meeting)}`,
  }));
  if (nudges.length > LISTED) facts.push({ label: 'And', value: `${nudges.length - LISTED} more after these` });
  const hint = nudges.some((nudge) => asksQuestions(nudge.kind)) ? ' Type "questions now" to send the carer’s and the child’s questions straight away.' : '';
  return confirmationCard(`Reminders for ${childLabel(meeting)}`, `Nights, weekends and bank holidays are skipped.${hint}`, facts);
}

/**
 * Sends the organiser each reminder the meeting will produce, as a preview: straight to their
 * own chat, not through the delivery ledger or the card store, so the real reminder still goes
 * at its time and nobody else hears anything.
 */
async function previewReminders(delivery: CardDelivery, meeting: Meeting, nudges: PlannedNudge[]): Promise<OutboundCard> {
  const organiser = participant(meeting, meeting.organiserId);
  const messenger = delivery.messengerFor(organiser);
  if (!messenger) return confirmationCard('No chat to send the previews to', 'PEP Bot has no Teams or Slack chat with you yet: open a chat with PEP Bot, then type "reminders preview" there.');
  let sent = 0;
  for (const nudge of nudges) {
    const person = participant(meeting, nudge.recipientParticipantId);
    const marker = `Preview — this is what ${who(person, meeting)} will get on ${when(nudge.dueInstant, meeting)}`;
    if ((await messenger.sendDirect(organiser, nudgePreview(nudge, meeting, marker))).delivered) sent += 1;
  }
  return confirmationCard(
    sent === nudges.length ? 'Reminder previews sent to you' : `${sent} of ${nudges.length} reminder previews sent to you`,
    nudges.length === 0
      ? 'Nothing is waiting to go out for this meeting just now.'
      : 'Each is marked as a preview, in your chat with PEP Bot. Nobody else got anything, and the real reminders still go out at their time.',
  );
}

/** The carer's and the child's questions, now: each person's once, audited, through the usual fan-out. */
async function sendQuestionsNow(
  deps: AppDeps,
  meeting: Meeting,
  by: { actorId: string; chat: Chat; idempotencyKey?: string | undefined },
): Promise<{ reply: OutboundCard; change?: AppliedChange }> {
  requireOrganiser(meeting, by.actorId, 'send the carer’s and the child’s questions');
  let current = meeting;
  const alerts: Alert[] = [];
  const queued: AppliedChange['queued'] = [];
  const already: string[] = [];
  for (const person of askedQuestions(meeting)) {
    const sent = questionsOf(current, person.id);
    if (sent) {
      already.push(`${who(person, meeting)} already had theirs on ${when(sent.sentAt, meeting)}`);
      continue;
    }
    const key = by.idempotencyKey && `${by.idempotencyKey}:${person.id}`;
    const result = await sendQuestions(deps, current, person.id, { actorId: by.actorId, channel: by.chat.channel, ...(key ? { idempotencyKey: key } : {}) });
    current = result.meeting;
    alerts.push(...result.alerts);
    queued.push(...result.queued);
  }
  const names = alerts.flatMap((alert) => (alert.kind === 'prompt_sent' ? [who(participant(current, alert.participantId), current)] : []));
  const reply =
    names.length > 0
      ? confirmationCard('Questions on their way', `Sent to ${names.join(' and ')}.${already.length > 0 ? ` ${already.join('; ')}.` : ''}`)
      : confirmationCard('No questions to send', already.length > 0 ? `${already.join('; ')}.` : 'This meeting has no carer or child to send questions to.');
  return alerts.length > 0 ? { reply, change: { meeting: current, command: 'sendPrompt', queued } } : { reply };
}

export type ReminderCommand = { kind: 'reminders'; preview: boolean } | { kind: 'questions'; now: boolean };

const PREVIEW_ELSEWHERE = confirmationCard(
  'Reminder previews are for trying PEP Bot on your own machine',
  'Here reminders go out at their time, to the people they are for. Type "reminders" to see when each one goes.',
);

/** `reminders`, `reminders preview`, `questions` and `questions now`: all the organiser's. */
export async function answerReminderCommand(
  deps: AppDeps,
  delivery: CardDelivery,
  command: ReminderCommand,
  meeting: Meeting,
  request: { actorId: string; chat: Chat; localPreview: boolean; idempotencyKey?: string | undefined },
): Promise<{ reply: OutboundCard; change?: AppliedChange }> {
  if (command.kind === 'questions' && command.now) return sendQuestionsNow(deps, meeting, request);
  requireOrganiser(meeting, request.actorId, 'see the reminders');
  if (command.kind === 'reminders' && command.preview && !request.localPreview) return { reply: PREVIEW_ELSEWHERE };
  const planned = await plannedNudges(deps, meeting);
  if (command.kind === 'reminders') {
    return { reply: command.preview ? await previewReminders(delivery, meeting, planned) : remindersCard(meeting, planned, deps.clock.now()) };
  }
  const questions = planned.filter((nudge) => asksQuestions(nudge.kind));
  if (questions.length > 0) return { reply: remindersCard(meeting, questions, deps.clock.now()) };
  const sent = askedQuestions(meeting).flatMap((person) => {
    const prompt = questionsOf(meeting, person.id);
    return prompt ? [{ label: when(prompt.sentAt, meeting), value: `Questions sent to ${who(person, meeting)}` }] : [];
  });
  return { reply: confirmationCard('No questions waiting to go', sent.length > 0 ? 'They have gone out already.' : 'They go out once the invitations have been sent.', sent) };
}
