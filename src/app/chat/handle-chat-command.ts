import type { MeetingCommandInput } from '../../domain/commands.js';
import type { OutboxMessage } from '../../ports/outbox.js';
import { queuedInWords } from '../outbox/queued-words.js';
import type { AppliedChange } from '../execute-command.js';
import { millis, writtenDay } from '../../domain/dates.js';
import { DomainError, isDomainError, refuse } from '../../domain/errors.js';
import type { IdentityQuery } from '../../domain/identity.js';
import { NEXT_STEP, STATUS_LABELS } from '../../domain/lifecycle.js';
import type { Meeting, Participant } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { actorIn } from '../card-actions.js';
import type { Chat, CardDelivery } from '../delivery.js';
import type { AppDeps } from '../deps.js';
import { describeError } from '../error-messages.js';
import { executeCommand, executeOversightCommand, loadMeeting } from '../execute-command.js';
import { oversightChatCommand, oversightReply, transitionFormFor } from './oversight-commands.js';
import { agendaCard } from '../views/preparation-cards.js';
import { goalFormCard, liveActionsCard, meetingStartCard, previousActionsCard } from '../views/meeting-cards.js';
import { attendanceRecordCard, evidenceFormCard } from '../views/evidence-cards.js';
import { confirmationCard, errorCard, welcomeCard } from '../views/message-cards.js';
import { designatedTeacherOf, mayOpen } from '../evidence/chat-evidence.js';
import { childLabel } from '../views/people.js';
import { actionOnNextWorkingDay, startWarningCard } from './chat-advice.js';
import { answerChildCommand, statutoryFacts } from './child-chat-answer.js';
import type { ChatMention } from './chat-people.js';
import { asTyped, participantMentioned, participantTyped } from './chat-people.js';
import type { ChatCommand, OwnerRef } from './parse-chat-command.js';
import { CHAT_COMMAND_HELP, parseChatCommand } from './parse-chat-command.js';
import { answerReminderCommand } from './reminder-commands.js';

export interface ChatCommandRequest {
  /** What was typed, with the bot's own mention removed and other mentions written @{0}, @{1} … */
  text: string;
  /** The people behind @{0}, @{1} …, as the channel resolved them, with the names the platform showed. */
  mentions: ChatMention[];
  actor: IdentityQuery;
  chat: Chat;
  /** Group and meeting chats may only show initials and the PEP reference. */
  isGroupChat: boolean;
  commandPrefix?: '' | '/pep ';
  idempotencyKey?: string;
  /** Only on a local trial run (Teams in anonymous mode): the organiser may preview every reminder now. */
  localPreview?: boolean;
  /** The meeting linked to this chat, when the channel has just read it: not read again. */
  linked?: Meeting;
}

export interface ChatCommandResult {
  /** The reply to show where the command was typed (none when the chat's cards are updated instead). */
  reply?: OutboundCard;
  change?: AppliedChange;
}

const ACTIVE = new Set(['draft', 'invited', 'agenda_agreed', 'in_progress']);
const CLOSED = new Set(['concluded', 'plan_distributed']);
/** A meeting closed before concludedAt was recorded counts as the oldest. */
const concludedMillis = (meeting: Meeting): number => (meeting.concludedAt === undefined ? 0 : millis(meeting.concludedAt));

/**
 * The meeting a command is about: the chat's own meeting, else the person's one active meeting.
 * Exported for channel entry points that need the meeting before a command is typed (a Teams
 * dialog lists the meeting's people as possible action owners).
 */
export async function meetingFor(deps: AppDeps, delivery: CardDelivery, request: Pick<ChatCommandRequest, 'actor' | 'chat' | 'linked'>): Promise<Meeting> {
  if (request.linked) return request.linked;
  const linked = await delivery.meetingOfChat(request.chat);
  if (linked) return loadMeeting(deps, linked);
  const all = await deps.store.meetingsOfParticipant(request.actor);
  const mine = all.filter((m) => ACTIVE.has(m.status));
  const live = mine.filter((m) => m.status === 'in_progress');
  const only = mine.length === 1 ? mine[0] : live.length === 1 ? live[0] : undefined;
  if (only) return only;
  // A closed meeting's plan sign-offs and actions go on: with nothing open, the last one closed is still theirs to ask about.
  const lastClosed = mine.length === 0 ? all.filter((m) => CLOSED.has(m.status)).sort((a, b) => concludedMillis(a) - concludedMillis(b)).at(-1) : undefined;
  if (lastClosed) return lastClosed;
  if (mine.length === 0) refuse('PERMISSION.NOT_PARTICIPANT', 'You are not part of any PEP meeting that is still open.');
  refuse('MEETING.NOT_FOUND', `You are part of ${mine.length} open PEP meetings (${mine.map((m) => m.child.ref).join(', ')}). In a group chat, the organiser can type "link" and the PEP reference to choose one.`);
}

/** Who a command names, by mention or by typed name; with a typed name, the words that follow it. */
function namedIn(meeting: Meeting, ref: OwnerRef, following: string, mentions: readonly ChatMention[]): { participant: Participant; rest: string } {
  if (ref.kind === 'mention') return { participant: participantMentioned(meeting, mentions[ref.index]), rest: following };
  // The parser guesses where a typed name ends; the meeting's own names decide.
  return participantTyped(meeting, `${ref.text} ${following}`, ref.text);
}

function statusCard(meeting: Meeting, clock: { label: string; value: string }[] = []): OutboundCard {
  const answered = meeting.participants.filter((p) => p.rsvp).length;
  const open = meeting.actions.filter((a) => a.status !== 'done').length;
  return confirmationCard(`PEP meeting for ${childLabel(meeting)}`, NEXT_STEP[meeting.status], [
    { label: 'Stage', value: STATUS_LABELS[meeting.status] },
    { label: 'Answers', value: `${answered} of ${meeting.participants.length}` },
    { label: 'Agenda', value: meeting.agenda.lockedAt ? 'Agreed' : `${meeting.agenda.signOffs.length} of ${meeting.participants.length} signed off` },
    { label: 'Goals', value: String(meeting.goals.length) },
    { label: 'Actions', value: `${meeting.actions.length} (${open} open)` },
    { label: 'Next review', value: meeting.nextReviewDate ? writtenDay(meeting.nextReviewDate) : 'Not set yet' },
    ...clock,
  ]);
}

/** What a command changes, if anything, as a domain command. */
function domainCommand(command: ChatCommand, meeting: Meeting, request: ChatCommandRequest): MeetingCommandInput | undefined {
  switch (command.kind) {
    case 'action': {
      const { participant, rest } = namedIn(meeting, command.owner, command.description, request.mentions);
      return { type: 'captureAction', ownerId: participant.id, description: rest, dueDate: command.dueDate };
    }
    case 'note':
      return { type: 'addNote', text: command.text };
    case 'nextReview':
      return { type: 'setNextReviewDate', date: command.date };
    case 'start':
      return { type: 'startMeeting' };
    case 'close':
      return { type: 'concludeMeeting' };
    case 'link':
      return { type: 'linkChat', channel: request.chat.channel, conversationId: request.chat.conversationId };
    case 'revoke':
      return { type: 'revokeLinksOf', participantId: namedIn(meeting, command.owner, '', request.mentions).participant.id };
    case 'evidence':
      return command.request ? { type: 'requestEvidence', participantId: designatedTeacherOf(meeting) } : undefined;
    default:
      return undefined;
  }
}

/** What to show where the command was typed, after it was applied. */
function replyFor(command: ChatCommand, meeting: Meeting, actorId: string, linkedHere: boolean, queued: readonly OutboxMessage[] = []): OutboundCard | undefined {
  switch (command.kind) {
    case 'action':
    case 'start':
      // In the meeting chat the fan-out updates the shared cards; elsewhere, show them here.
      if (linkedHere) return undefined;
      return command.kind === 'action' ? liveActionsCard(meeting) : meetingStartCard(meeting);
    case 'note':
      return confirmationCard('Note added', 'It will be part of the written plan.');
    case 'nextReview':
      return confirmationCard('Next review date set', `The next PEP review is on ${writtenDay(meeting.nextReviewDate ?? '')}.`);
    case 'close':
      // Said before the plan goes out, so it promises only what is certain: who cannot be reached is told after.
      return confirmationCard('Meeting closed', `${queuedInWords(queued, 'plan-summary')} If it cannot reach someone, the organiser gets a direct message saying who and why.`);
    case 'link':
      return confirmationCard('This is now the meeting chat', `The agenda, the start card and the live action list for ${childLabel(meeting)} will appear here.`);
    case 'revoke':
      return confirmationCard('Secure links switched off', 'Every secure link sent to that person for this meeting has stopped working. Send a new card or link if they still need one.');
    case 'goal':
      return goalFormCard(meeting, { values: { title: command.title } });
    case 'review':
      return previousActionsCard(meeting);
    case 'agenda':
      return linkedHere ? undefined : agendaCard(meeting);
    case 'help':
      return welcomeCard();
    case 'attendance':
      return attendanceRecordCard(meeting);
    case 'evidence':
      return command.request ? confirmationCard('Evidence requested', "The designated teacher has been sent the form for this term's figures (by chat, or a secure link if they have no Teams or Slack).") : evidenceFormCard(meeting, actorId);
    // Answered before any change is made, where they are read.
    case 'status':
    case 'reminders':
    case 'questions':
    case 'child':
    case 'submit':
    case 'funding':
    case 'transition':
      return undefined;
  }
}

/**
 * A command typed in a chat, on any channel. Refusals and unreadable commands come back as the
 * error card with the typed text kept, so the person can correct it rather than retype it.
 */
export async function handleChatCommand(deps: AppDeps, delivery: CardDelivery, request: ChatCommandRequest): Promise<ChatCommandResult> {
  const parsed = parseChatCommand(request.text, deps.clock.now(), deps.defaultTimeZone);
  if (!parsed.ok) {
    const { understood, missing } = parsed.problem;
    const message = understood.length > 0 ? `I understood ${understood.join(', ')}, but not ${missing.join(' or ')}.` : `I did not understand that. I need ${missing.join(', ')}.`;
    return {
      reply: errorCard(
        { code: 'VALIDATION.INVALID_INPUT', title: 'I could not read that command', message, fix: `Try again, for example: ${exampleFor(parsed.problem.text)}`, kept: keptText(parsed.problem.text, request.mentions) },
        missing.map((m) => `Missing: ${m}`),
      ),
    };
  }
  const { command } = parsed;
  if (command.kind === 'help') return { reply: welcomeCard(request.commandPrefix ?? '') };
  let change: MeetingCommandInput | undefined;
  let meeting: Meeting | undefined;
  try {
    if (command.kind === 'child') return { reply: await answerChildCommand(deps, command, { actor: request.actor, channel: request.chat.channel, isGroupChat: request.isGroupChat }) };
    meeting = command.kind === 'link' ? await meetingByRef(deps, request.actor, command.childRef) : await meetingFor(deps, delivery, request);
    const actor = actorIn(meeting, request.actor);
    if (command.kind === 'reminders' || command.kind === 'questions') {
      return await answerReminderCommand(deps, delivery, command, meeting, { actorId: actor.id, chat: request.chat, localPreview: request.localPreview ?? false, idempotencyKey: request.idempotencyKey });
    }
    // The child's statutory clock on the meeting's status card: an overdue PEP is flagged there.
    if (command.kind === 'status') return { reply: statusCard(meeting, await statutoryFacts(deps, meeting.child.ref)) };
    if (command.kind === 'transition') return { reply: transitionFormFor(meeting, actor.id, request.isGroupChat) };
    const oversight = oversightChatCommand(command, meeting);
    if (oversight) {
      const result = await executeOversightCommand(deps, { meetingId: meeting.id, command: oversight, actorId: actor.id, channel: request.chat.channel, idempotencyKey: request.idempotencyKey, loaded: meeting });
      return { reply: oversightReply(oversight, result.meeting, result.queued), change: result.replayed ? undefined : { meeting: result.meeting, command: oversight.type, queued: result.queued } };
    }
    change = domainCommand(command, meeting, request);
    // The cards that answer for a person or need them in their role are refused here as the rules would refuse them.
    if (command.kind === 'attendance' || (command.kind === 'evidence' && !command.request)) {
      mayOpen(command.kind, meeting, { actorId: actor.id, channel: request.chat.channel, at: deps.clock.now().toISOString(), newId: deps.newId });
    }
    // The figures are the child's own: a form filled in where everyone in the chat reads it is not the place.
    if (command.kind === 'evidence' && !command.request && request.isGroupChat) return { reply: EVIDENCE_IN_PRIVATE };
    if (!change) return { reply: replyFor(command, meeting, actor.id, meeting.chats.some((c) => sameChat(c, request.chat))) };
    const result = await executeCommand(deps, { meetingId: meeting.id, command: change, actorId: actor.id, channel: request.chat.channel, idempotencyKey: request.idempotencyKey, loaded: meeting });
    if (command.kind === 'link') await delivery.indexChat(meeting.id, request.chat);
    const linkedHere = result.meeting.chats.some((c) => sameChat(c, request.chat));
    // Warnings take the place of the start card here: the meeting chat gets that card anyway.
    const warned = command.kind === 'start' && !result.replayed ? startWarningCard(meeting, deps.clock.now().toISOString()) : undefined;
    return {
      reply: warned ?? replyFor(command, result.meeting, actor.id, linkedHere, result.queued),
      change: result.replayed ? undefined : { meeting: result.meeting, command: change.type, queued: result.queued },
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const described = describeError(error);
    // Only when the day is all that is wrong can the corrected command be written for them.
    const nextWorkingDay = error.code === 'ACTION.DUE_NOT_WORKING_DAY' ? error.details.nextWorkingDay : undefined;
    const offer =
      meeting && change?.type === 'captureAction' && typeof nextWorkingDay === 'string'
        ? ` Ready to send with the next working day: "${actionOnNextWorkingDay(meeting, change, nextWorkingDay, request.commandPrefix ?? '')}"`
        : '';
    return { reply: errorCard({ ...described, fix: `${described.fix}${offer}`, kept: keptText(request.text, request.mentions) }) };
  }
}

/** The help line for the command they started to type, else the first (an action). */
function exampleFor(text: string): string {
  const verb = /^[a-z]+/i.exec(text.trim())?.[0]?.toLowerCase();
  return CHAT_COMMAND_HELP.find((line) => verb !== undefined && line.startsWith(`${verb} `)) ?? CHAT_COMMAND_HELP[0] ?? '';
}

/** A bare command word ("start", "close") is nothing to type again, so only longer commands are handed back. */
function keptText(text: string, mentions: readonly ChatMention[]): { text: string } | undefined {
  const typed = asTyped(text.trim(), mentions);
  return /\s/.test(typed) ? { text: typed } : undefined;
}

const EVIDENCE_IN_PRIVATE = confirmationCard("The school's figures are entered in private", 'Type "evidence" in your 1:1 chat with PEP Bot: the figures are about the child, not for everyone in this chat.');

const sameChat = (a: Chat, b: Chat) => a.channel === b.channel && a.conversationId === b.conversationId;

async function meetingByRef(deps: AppDeps, actor: IdentityQuery, childRef: string): Promise<Meeting> {
  const mine = (await deps.store.meetingsOfParticipant(actor)).filter((m) => ACTIVE.has(m.status) && m.child.ref === childRef);
  const meeting = mine[0];
  if (!meeting) throw new DomainError('MEETING.NOT_FOUND', `You have no open PEP meeting with the reference ${childRef}.`);
  return meeting;
}
