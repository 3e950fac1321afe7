import type { OutboundCard } from '../../ports/messenger.js';
import type { UserError } from '../error-messages.js';

/** Ids and the values buttons carry: nothing the person typed, so nothing to hand back. */
const IGNORED_KEYS = new Set(['meetingId', 'participantId', 'actionId', 'promptId', 'contributionId', 'planVersion', 'documentUrl', 'kind', 'type', 'verb', 'answer', 'card', 'itemId', 'goalId', 'confirmed', 'requestId']);

/** Labels a person recognises for what they typed; any other field is named from its key ("newDate" → "New date"). */
const KEPT_LABELS: Record<string, string> = { text: 'What you typed', note: 'Your note', reason: 'Your reason', title: 'Title' };
const keptLabel = (key: string) => KEPT_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ [A-Z]/g, (c) => c.toLowerCase());

/** What the person typed, as label/value rows the error card can show back. Ids are not theirs. */
export function keptFacts(kept: unknown): { label: string; value: string }[] {
  if (typeof kept !== 'object' || kept === null) return [];
  return Object.entries(kept as Record<string, unknown>)
    .filter(([key, value]) => !IGNORED_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '')
    .slice(0, 20)
    .map(([key, value]) => ({ label: keptLabel(key), value: String(value).slice(0, 4000) }));
}

export function errorCard(error: UserError, problems: string[] = []): OutboundCard {
  return {
    name: 'error',
    text: error.title,
    data: {
      title: error.title.slice(0, 150),
      message: error.message.slice(0, 2000),
      problems: problems.slice(0, 10).map((p) => p.slice(0, 500)),
      kept: keptFacts(error.kept),
      fix: error.fix,
      code: error.code,
    },
  };
}

/** The same error card for a reader who should not see the reference code (a carer or child on a secure link). */
export function withoutReference(card: OutboundCard): OutboundCard {
  return card.name === 'error' ? { ...card, data: { ...(card.data as Record<string, unknown>), showReference: false } } : card;
}

export function confirmationCard(title: string, message: string, facts: { label: string; value: string }[] = []): OutboundCard {
  return { name: 'confirmation', text: title, data: { title, message, facts } };
}

export function welcomeCard(commandPrefix: '' | '/pep ' = ''): OutboundCard {
  return { name: 'welcome', text: 'PEP Bot helps you run Personal Education Plan meetings.', data: { commandPrefix } };
}
