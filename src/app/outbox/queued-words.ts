import type { OutboxMessage } from '../../ports/outbox.js';
import type { Outgoing } from './outgoing.js';
import { OutgoingSchema } from './outgoing.js';

const people = (n: number): string => (n === 1 ? '1 person' : `${n} people`);

/** The new messages to people a change queued: not the refreshed cards, which everyone already has. */
function sentTo(queued: readonly OutboxMessage[], card: string): Extract<Outgoing, { kind: 'direct' }>[] {
  return queued.flatMap((entry) => {
    const parsed = OutgoingSchema.safeParse(entry.message);
    return parsed.success && parsed.data.kind === 'direct' && parsed.data.mode === 'send' && parsed.data.show.card === card ? [parsed.data] : [];
  });
}

/**
 * What a change queued for people, as the person who made it reads it: only what is certain now.
 * "On their way to 4 people, 2 of them by a secure link", never "sent": who could not be reached
 * is only known later, and then the organiser's card says so.
 */
export function queuedInWords(queued: readonly OutboxMessage[], card: 'invitation' | 'plan-summary'): string {
  const messages = sentTo(queued, card);
  if (messages.length === 0) return 'Nothing new needed sending.';
  const byLink = messages.filter((m) => m.link?.opens === 'card').length;
  const what = card === 'invitation' ? 'Invitations are' : 'The written plan is';
  return `${what} on ${card === 'invitation' ? 'their' : 'its'} way to ${people(messages.length)}${byLink > 0 ? `, ${byLink} of them by a secure link` : ''}.`;
}
