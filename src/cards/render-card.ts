import type { AdaptiveCard } from './adaptive-card.js';
import { AdaptiveCardSchema } from './adaptive-card.js';
import type { CardData, CardName } from './catalogue.js';
import { CARDS } from './catalogue.js';
import { CardError, describeProblems, toFieldProblems } from './errors.js';
import { asPreview } from './preview.js';
import { cardTemplate } from './templates.js';
import { UNBOUND } from './templating.js';

/** The marker as it reads once the card is serialised: JSON writes NUL as the six characters \u0000. */
const UNBOUND_IN_JSON = new RegExp(String.raw`\\u0000${UNBOUND}(.*?)\\u0000`, 'g');

/** The data paths a template used that the data did not have. */
export const unboundPaths = (expanded: unknown): string[] => [
  ...new Set([...JSON.stringify(expanded).matchAll(UNBOUND_IN_JSON)].map((m) => m[1] ?? '')),
];

/** The card with its data parsed, for renderers that need the data too (Teams' refresh block). */
export interface ExpandedCard {
  card: AdaptiveCard;
  data: Record<string, unknown>;
}

export interface RenderOptions {
  /** Shows the card as a preview of what someone else will get, under this banner, with no buttons. */
  preview?: string | undefined;
}

export function expandCard<N extends CardName>(name: N, data: CardData<N>, options: RenderOptions = {}): ExpandedCard {
  const parsed = CARDS[name].schema.safeParse(data);
  if (!parsed.success) {
    const problems = toFieldProblems(parsed.error.issues);
    throw new CardError('CARD.INVALID_DATA', `The "${name}" card cannot be shown: ${describeProblems(problems)}`, { card: name, problems });
  }
  // The engine's own warnings are not read: version 2.3.1 reports every $when that is false as
  // "unable to parse". The unbound check and the card schema below are the guards instead.
  const expanded = cardTemplate(name).expand({ $root: parsed.data });
  const unbound = unboundPaths(expanded);
  if (unbound.length > 0) {
    throw new CardError('CARD.TEMPLATE', `The "${name}" template uses data its schema does not provide: ${unbound.join(', ')}`, { card: name });
  }
  const card = AdaptiveCardSchema.safeParse(expanded);
  if (!card.success) {
    throw new CardError('CARD.TEMPLATE', `The "${name}" template expands to an unsupported card: ${describeProblems(toFieldProblems(card.error.issues))}`, { card: name });
  }
  return { card: options.preview ? asPreview(card.data, options.preview) : card.data, data: parsed.data as Record<string, unknown> };
}

/** The Adaptive Card for `name`, filled with `data` (validated first). Web and Teams show it as is. */
export function renderCard<N extends CardName>(name: N, data: CardData<N>, options: RenderOptions = {}): AdaptiveCard {
  return expandCard(name, data, options).card;
}
