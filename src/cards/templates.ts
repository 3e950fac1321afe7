import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardName } from './catalogue.js';
import { CardError } from './errors.js';
import type { CardTemplate } from './templating.js';
import { parseTemplate } from './templating.js';

/**
 * The templates live in <repo>/cards, two folders up from this file both in src/cards and in
 * dist/cards. Each is read and parsed once, on first use, and can then be expanded with any data.
 * (Paths, not URLs: under jsdom, URL is jsdom's own.)
 */
export const CARDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cards');

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
