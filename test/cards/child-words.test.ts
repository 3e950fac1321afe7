import readability from 'text-readability';
import { describe, expect, it } from 'vitest';
import type { CardName } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { closedLinkWords } from '../../src/channels/web/link-closed.js';
import { LINK_PROBLEMS } from '../../src/channels/web/link-notice.js';
import { childConfirmation } from '../../src/channels/web/link-replies.js';
import type { Meeting, SecureLink } from '../../src/domain/model.js';

/**
 * What the child reads speaks to them, in plain words, and says who will read their answers.
 * "Plain" is measured: a Flesch-Kincaid grade of 4 at most, which is a reading age of about 9.
 */
const READING_GRADE = 4;

/** Every word a person reads on a card: text, facts, labels, choices and buttons, each a sentence. */
function wordsOf(card: unknown): string {
  const found: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string' && ['text', 'label', 'title', 'value'].includes(key)) found.push(value);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (['data', 'fallback', 'url', 'verb', 'refresh', 'id'].includes(k)) continue;
      if (k === 'value' && (value as { type?: string }).type !== undefined) continue;
      if (k === 'value' && 'choices' in value) continue;
      visit(v, k);
    }
  };
  visit(card);
  return found.map((s) => s.trim()).filter(Boolean).map((s) => (/[.!?:]$/.test(s) ? s : `${s}.`)).join(' ');
}

const childCard = (name: CardName, data: unknown) => wordsOf(renderCard(name, data as never));

/** The adults at the meeting, who read what the child writes. */
const READERS = [
  { name: 'Sam Social', role: 'social_worker' },
  { name: 'Dana Teacher', role: 'designated_teacher' },
  { name: 'Chris Carer', role: 'carer' },
];
const questions = (yearGroup: number) => () => childCard('child-voice-prompt', { ...cardSample('child-voice-prompt'), yearGroup, readers: READERS });

const CHILD_CARDS: [string, () => string][] = [
  ['the questions, up to Year 2', questions(1)],
  ['the questions, Years 3 to 6', questions(5)],
  ['the questions, Years 7 to 11', questions(9)],
  ['the questions, sixth form', questions(12)],
  ['the thank-you after answering on the web', () => childCard('confirmation', childConfirmation('Sam Social', true).data)],
  ['the invitation', () => childCard('invitation', { ...cardSample('invitation'), role: 'child', recipientName: 'Jamie Doe', organiserName: 'Sam Social', purpose: 'Review and plan the education of the child, with the child at the centre.', answer: undefined })],
];

describe('the child’s cards', () => {
  it.each(CHILD_CARDS)('%s: plain words (Flesch-Kincaid grade 4 or below)', (_what, words) => {
    const text = words();
    expect(readability.fleschKincaidGrade(text), text).toBeLessThanOrEqual(READING_GRADE);
  });

  it.each(CHILD_CARDS)('%s: speaks to the child, never about them', (_what, words) => {
    const text = words();
    expect(text).not.toMatch(/\bthe child\b|\bchild or young person\b|\beducation of\b|\bJD\b|PEP-\d{4}/i);
    expect(text).toMatch(/\byou(r)?\b/i);
  });

  it.each(CHILD_CARDS)('%s: says who will read the answers, by name', (_what, words) => {
    expect(words()).toMatch(/\b(Sam|Sam Social) will see your answer|Sam Social and the people at your meeting will read it|Who will read your answers: Sam \(your social worker\), Dana \(your teacher\) and Chris \(your carer\)/);
  });
});

describe('the page a child’s link shows once the meeting has moved on', () => {
  const meeting = (status: Meeting['status']) =>
    ({
      status,
      organiserId: 'p-sam',
      participants: [
        { id: 'p-sam', name: 'Sam Social', role: 'social_worker' },
        { id: 'p-jamie', name: 'Jamie Doe', role: 'child' },
      ],
    }) as unknown as Meeting;
  const link = { participantId: 'p-jamie', purpose: 'child-voice-prompt' } as SecureLink;

  it.each(['in_progress', 'concluded', 'cancelled'] as const)('%s: plain words, to the child, with someone to tell', (status) => {
    const words = closedLinkWords(meeting(status), link);
    const text = `${words.title}. ${words.explanation} ${words.next}`;
    expect(readability.fleschKincaidGrade(text), text).toBeLessThanOrEqual(READING_GRADE);
    expect(text).toMatch(/\byour?\b/i);
    expect(text).toContain('Sam Social');
  });
});

describe('the pages for a link that does not open, which the child may see as much as anyone', () => {
  it.each(Object.entries(LINK_PROBLEMS))('%s: plain words, and never about "the child"', (_problem, words) => {
    const text = `${words.title}. ${words.explanation} ${words.next}`;
    expect(readability.fleschKincaidGrade(text), text).toBeLessThanOrEqual(READING_GRADE);
    expect(text).not.toMatch(/\bthe child/i);
  });
});
