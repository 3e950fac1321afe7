import { join } from 'node:path';
import type { CardData, CardName } from './catalogue.js';
import { CARDS } from './catalogue.js';
import { CardError, describeProblems, toFieldProblems } from './errors.js';
import { CARDS_DIR, readJson } from './templates.js';

/**
 * Sample data for each card (cards/samples/<name>.json), for the preview and the tests. It is
 * checked against the card's own schema on every load, so a sample cannot drift from the card.
 */
export function cardSample<N extends CardName>(name: N): CardData<N> {
  const sample = readJson(join(CARDS_DIR, 'samples', `${name}.json`), `sample data of the "${name}" card`);
  const checked = CARDS[name].schema.safeParse(sample);
  if (!checked.success) {
    throw new CardError('CARD.INVALID_DATA', `The "${name}" sample no longer fits its card: ${describeProblems(toFieldProblems(checked.error.issues))}`);
  }
  return sample as CardData<N>;
}
