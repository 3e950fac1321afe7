import type { Meeting } from '../../domain/model.js';
import type { OutboxMessage } from '../../ports/outbox.js';
import type { KeyValueStore } from '../../ports/key-value.js';
import type { CardSpec, Outgoing } from '../outbox/outgoing.js';

/** Cards drawn from the meeting alone, or for one person: what a refresh can draw again. */
const SPEC_OF: Record<string, (participantId: string) => CardSpec> = {
  'attendance-summary': () => ({ card: 'attendance-summary' }),
  agenda: () => ({ card: 'agenda' }),
  'meeting-start': () => ({ card: 'meeting-start' }),
  'previous-actions': () => ({ card: 'previous-actions' }),
  'live-actions': () => ({ card: 'live-actions' }),
  'plan-signed-off': () => ({ card: 'plan-signed-off' }),
  invitation: (participantId) => ({ card: 'invitation', participantId }),
  'plan-summary': (participantId) => ({ card: 'plan-summary', participantId }),
};

/**
 * After a person's details changed (corrected or erased), or the whole meeting was anonymised, the
 * cards the bot already posted that may show them, queued to be updated in place with the saved
 * meeting (`refresh`): every card in a linked chat, and every participant's copy but `exceptId`'s. Where each card was posted is the card-ref
 * entry `<meeting>/<card>/<participant id | channel:conversation>`. An erased person's own copies
 * are left (exceptId): no address for them remains, and Teams and Slack give a bot no way to reach
 * a message in a chat it can no longer address.
 */
export async function refreshPostedCards(store: KeyValueStore, meeting: Meeting, exceptId: string | undefined, at: string): Promise<OutboxMessage[]> {
  const refs = await store.listValues('card-ref', `${meeting.id}/`);
  const messages: Outgoing[] = [];
  for (const { key } of refs) {
    const [, cardName = '', target = ''] = key.split('/');
    const spec = SPEC_OF[cardName];
    if (!spec || target === exceptId) continue;
    const chat = meeting.chats.find((linked) => `${linked.channel}:${linked.conversationId}` === target);
    if (chat) messages.push({ kind: 'chat', channel: chat.channel, conversationId: chat.conversationId, show: spec(target), mode: 'refresh' });
    else if (meeting.participants.some((person) => person.id === target)) messages.push({ kind: 'direct', participantId: target, show: spec(target), mode: 'refresh' });
  }
  return messages.map((message, index) => ({ id: `${meeting.id}/v${meeting.version}/rights-${index + 1}`, meetingId: meeting.id, createdAt: at, message }));
}
