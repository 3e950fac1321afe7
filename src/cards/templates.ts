import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { CardName } from './catalogue.js';
import { CardError } from './errors.js';
import type { CardTemplate } from './templating.js';
import { parseTemplate } from './templating.js';

/**
 * The templates live in <repo>/cards, for the sources and the bundle alike. Each is read and
 * parsed once, on first use, and can then be expanded with any data.
 */
export const CARDS_DIR = join(PACKAGE_ROOT, 'cards');

const cache = new Map<CardName, CardTemplate>();

export function cardTemplate(name: CardName): CardTemplate {
  const cached = cache.get(name);
  if (cached) return cached;
  const template = parseTemplate(readJson(join(CARDS_DIR, `${name}.json`), `template of the "${name}" card`));
  cache.set(name, template);
  return template;
}

export function readJson(file: string, what: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CardError('CARD.TEMPLATE', `The ${what} (${file}) is not valid JSON: ${(error as Error).message}`);
  }
}
