import { refuse } from '../../domain/errors.js';
import type { IdentityQuery } from '../../domain/identity.js';
import { matchesIdentity } from '../../domain/identity.js';
import type { Channel, Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { clockLine } from '../child/clock-words.js';
import { childStatus } from '../child/child-clock.js';
import { recordChildEvent } from '../child/record-child-event.js';
import type { AppDeps } from '../deps.js';
import { confirmationCard } from '../views/message-cards.js';
import type { ChildChatCommand } from './child-chat-command.js';

const RECORDED: Record<NonNullable<ChildChatCommand['record']>['type'], string> = {
  recordEnteredCare: 'Entering care recorded',
  recordSchoolChange: 'Change of school recorded',
  recordPlacementChange: 'Change of placement recorded',
  recordPepHeld: 'PEP held recorded',
};

/** The organiser of one of the child's meetings (the latest they organise), or a refusal. */
function organisedBy(meetings: readonly Meeting[], actor: IdentityQuery, childRef: string): Meeting {
  if (meetings.length === 0) refuse('CHILD.NOT_FOUND', `There is no PEP meeting for ${childRef}.`, { childRef });
  const mine = meetings.filter((meeting) => meeting.participants.some((p) => p.id === meeting.organiserId && matchesIdentity(p, actor)));
  const latest = mine.at(-1);
  if (!latest) refuse('PERMISSION.NOT_ORGANISER', `Only the organiser of a PEP meeting for ${childRef} can record that.`, { childRef });
  return latest;
}

/**
 * `child …` typed by an organiser: records the event on the child's record (created from their
 * meeting if it has none yet), then says where the statutory clock stands. Group chats see only
 * the PEP reference, so the reply names nothing else.
 */
export async function answerChildCommand(deps: AppDeps, command: ChildChatCommand, request: { actor: IdentityQuery; channel: Channel }): Promise<OutboundCard> {
  const children = deps.children;
  if (!children) throw new Error('answerChildCommand needs deps.children (the composition sets it)');
  const meetings = await deps.store.meetingsOfChild(command.childRef);
  const meeting = organisedBy(meetings, request.actor, command.childRef);
  if (command.record) {
    await recordChildEvent({ children, clock: deps.clock, newId: deps.newId }, { ref: command.childRef, command: command.record, actorId: meeting.organiserId, channel: request.channel, known: meeting.child });
    // A few job rows: planned before the answer, so the nudge and breach exist once the organiser reads it.
    await deps.onChildSaved?.(command.childRef);
  }
  const status = (await childStatus(deps, command.childRef)) ?? { kind: 'none', breached: false };
  return confirmationCard(command.record ? `${RECORDED[command.record.type]} for ${command.childRef}` : `Statutory clock for ${command.childRef}`, clockLine(status));
}

/** The status card's line about the child's statutory clock; none for a child with no record yet. */
export async function statutoryFacts(deps: AppDeps, childRef: string): Promise<{ label: string; value: string }[]> {
  if (!deps.children) return [];
  const status = await childStatus(deps, childRef);
  return status ? [{ label: 'Statutory clock', value: clockLine(status) }] : [];
}
