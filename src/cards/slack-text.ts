import { CardError } from './errors.js';
import type { Mrkdwn, PlainText } from './slack-types.js';

/**
 * Block Kit's text limits (docs.slack.dev/reference/block-kit): section and context text 3000
 * characters, section field 2000, header 150, button text 75, option text 75, placeholder 150,
 * input label 2000, option value 150, button value 2000, URL 3000, image alt text 2000.
 */
export const LIMITS = {
  text: 3000,
  field: 2000,
  header: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  label: 2000,
  hint: 2000,
  buttonValue: 2000,
  url: 3000,
  altText: 2000,
  textInput: 3000,
  fieldsPerSection: 10,
  elementsPerActions: 25,
  options: 100,
  optionsExpanded: 10,
} as const;

/** Slack reads &, < and > as control characters in mrkdwn (links, mentions); card text is plain. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const bold = (escaped: string): string =>
  escaped
    .split('\n')
    .map((line) => (line.trim() ? `*${line}*` : line))
    .join('\n');

export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

/** Text that must fit as it is: cutting it would hide part of a label, a choice or an id. */
export function fit(text: string, max: number, what: string): string {
  if (text.length > max) {
    throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack allows ${max} characters for ${what}; "${text.slice(0, 40)}…" has ${text.length}.`);
  }
  return text;
}

export const plain = (text: string, max: number, what: string): PlainText => ({ type: 'plain_text', text: fit(text, max, what), emoji: true });

/** Long text is split at line or word boundaries into pieces Slack accepts; nothing is cut. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
