import { refuse } from '../../domain/errors.js';
import type { IdentityQuery } from '../../domain/identity.js';
import { matchesIdentity } from '../../domain/identity.js';
import type { Channel, Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { clockLine } from '../child/clock-words.js';
import { childStatus } from '../child/child-clock.js';
import { recordChildEvent } from '../child/record-child-event.js';
import type { AppDeps } from '../deps.js';
import { createNextMeeting } from '../plan/create-next-meeting.js';
import { handoverCard } from '../views/handover-card.js';
import { confirmationCard } from '../views/message-cards.js';
import type { ChildChatCommand } from './child-chat-command.js';

const RECORDED: Record<NonNullable<ChildChatCommand['record']>['type'], string> = {
  recordEnteredCare: 'Entering care recorded',
  recordSchoolChange: 'Change of school recorded',
  recordPlacementChange: 'Change of placement recorded',
  recordPepHeld: 'PEP held recorded',
};

const OPEN: ReadonlySet<Meeting['status']> = new Set(['draft', 'invited', 'agenda_agreed']);

/**
 * The child's next PEP among the organiser's meetings, where a new designated teacher is invited:
 * the latest not yet held, else one prepared in draft from the latest closed one (its next review
 * date, its open actions). None when neither can be had.
 */
async function nextPepOf(deps: AppDeps, mine: readonly Meeting[], channel: Channel): Promise<Meeting | undefined> {
  const open = mine.filter((m) => OPEN.has(m.status)).at(-1);
  if (open) return open;
  const closed = mine.filter((m) => m.plan !== undefined && m.nextReviewDate !== undefined).at(-1);
  return closed ? createNextMeeting(deps, closed.id, { channel }) : undefined;
}

/** The child's meetings this person organises (and the latest of them), or a refusal. */
function organisedBy(meetings: readonly Meeting[], actor: IdentityQuery, childRef: string): { mine: Meeting[]; latest: Meeting } {
  if (meetings.length === 0) refuse('CHILD.NOT_FOUND', `There is no PEP meeting for ${childRef}.`, { childRef });
  const mine = meetings.filter((meeting) => meeting.participants.some((p) => p.id === meeting.organiserId && matchesIdentity(p, actor)));
  const latest = mine.at(-1);
  if (!latest) refuse('PERMISSION.NOT_ORGANISER', `Only the organiser of a PEP meeting for ${childRef} can record that.`, { childRef });
  return { mine, latest };
}

/**
 * `child …` typed by an organiser: records the event on the child's record (created from their
 * meeting if it has none yet), then says where the statutory clock stands. After a change of
 * school the answer is the handover card: the organiser confirms the new designated teacher and
 * invites them to the child's next PEP. Otherwise only the PEP reference names the child.
 */
export async function answerChildCommand(deps: AppDeps, command: ChildChatCommand, request: { actor: IdentityQuery; channel: Channel; isGroupChat: boolean }): Promise<OutboundCard> {
  const children = deps.children;
  if (!children) throw new Error('answerChildCommand needs deps.children (the composition sets it)');
  const meetings = await deps.store.meetingsOfChild(command.childRef);
  const { mine, latest: meeting } = organisedBy(meetings, request.actor, command.childRef);
  // A school move names the school and the new teacher, and answers with the handover card: not for a group chat.
  if (command.record?.type === 'recordSchoolChange' && request.isGroupChat) {
    refuse('CHILD.DIRECT_CHAT_ONLY', 'A change of school names the new school and teacher, so it is recorded in your 1:1 chat with PEP Bot.', { childRef: command.childRef });
  }
  if (command.record) {
    await recordChildEvent({ children, clock: deps.clock, newId: deps.newId }, { ref: command.childRef, command: command.record, actorId: meeting.organiserId, channel: request.channel, known: meeting.child });
    // A few job rows: planned before the answer, so the nudge and breach exist once the organiser reads it.
    await deps.onChildSaved?.(command.childRef);
  }
  const status = (await childStatus(deps, command.childRef)) ?? { kind: 'none', breached: false };
  const title = command.record ? `${RECORDED[command.record.type]} for ${command.childRef}` : `Statutory clock for ${command.childRef}`;
  if (command.record?.type !== 'recordSchoolChange') return confirmationCard(title, clockLine(status));
  const next = await nextPepOf(deps, mine, request.channel);
  return next
    ? handoverCard(next, command.record.school, clockLine(status), { values: { teacherEmail: command.record.designatedTeacherEmail } })
    : confirmationCard(title, `${clockLine(status)} There is no next PEP to invite the new designated teacher to yet: set the next review date of the last one, or create the next meeting.`);
}

/** The status card's line about the child's statutory clock; none for a child with no record yet. */
export async function statutoryFacts(deps: AppDeps, childRef: string): Promise<{ label: string; value: string }[]> {
  if (!deps.children) return [];
  const status = await childStatus(deps, childRef);
  return status ? [{ label: 'Statutory clock', value: clockLine(status) }] : [];
}
