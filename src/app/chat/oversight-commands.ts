import { refuse } from '../../domain/errors.js';
import type { Meeting } from '../../domain/model.js';
import type { OversightCommand } from '../../domain/oversight/decide-oversight.js';
import type { OutboxMessage } from '../../ports/outbox.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { OutgoingSchema } from '../outbox/outgoing.js';
import { confirmationCard } from '../views/message-cards.js';
import { transitionFormCard } from '../views/oversight-cards.js';
import { childLabel } from '../views/people.js';
import type { ChatCommand } from './parse-chat-command.js';

/** How many officers a change queued the review card for: the reply promises only that. */
const officersQueued = (queued: readonly OutboxMessage[]): number =>
  queued.filter((entry) => {
    const parsed = OutgoingSchema.safeParse(entry.message);
    return parsed.success && parsed.data.kind === 'officer';
  }).length;

/** A PP+ support item with a cost that has no request yet (or only a refused one). */
function unrequestedPupilPremium(meeting: Meeting): Meeting['resources'][number] {
  const item = meeting.resources.find((r) => r.kind === 'pupil_premium_plus' && r.costPence && !meeting.funding?.some((f) => f.resourceId === r.id && f.status !== 'rejected'));
  if (!item) refuse('FUNDING.RESOURCE_NOT_FOUND', 'The plan has no costed Pupil Premium Plus support item waiting to be asked for.');
  return item;
}

/** The Virtual School commands the organiser types ("submit", "funding"), or undefined for any other. */
export function oversightChatCommand(command: ChatCommand, meeting: Meeting): OversightCommand | undefined {
  switch (command.kind) {
    case 'submit':
      return { type: 'submitPlan' };
    case 'funding': {
      const item = unrequestedPupilPremium(meeting);
      return { type: 'requestPupilPremium', resourceId: item.id, interventionType: (command.interventionType || item.description).slice(0, 120) };
    }
    default:
      return undefined;
  }
}

export function oversightReply(command: OversightCommand, meeting: Meeting, queued: readonly OutboxMessage[]): OutboundCard {
  const officers = officersQueued(queued);
  const toOfficers = officers === 0 ? 'No Virtual School officer is set up to receive it yet: ask whoever keeps the council settings.' : `It is on its way to ${officers === 1 ? 'the Virtual School officer' : `${officers} Virtual School officers`}.`;
  if (command.type === 'submitPlan') return confirmationCard('Plan submitted for review', `The plan for ${childLabel(meeting)} is with the Virtual School. ${toOfficers} You will get a card when it is approved or returned.`);
  return confirmationCard('Pupil Premium Plus requested', `${toOfficers} Funding is released once the plan is approved (no PEP, no premium).`);
}

/**
 * The organiser's transition form, in their own chat with PEP Bot: what it holds (the young
 * person's pathway and plans) is not for a group chat, and only the organiser can save it.
 */
export function transitionFormFor(meeting: Meeting, actorId: string, isGroupChat: boolean): OutboundCard {
  if (meeting.organiserId !== actorId) refuse('PERMISSION.NOT_ORGANISER', 'Only the meeting organiser can fill in the transition section.');
  if (isGroupChat) return confirmationCard('The transition section is filled in privately', 'Type "transition" in your own chat with PEP Bot: the form is for you alone.');
  return transitionFormCard(meeting);
}
