import { describe, expect, it } from 'vitest';
import type { CardInput } from '../../src/cards/adaptive-card.js';
import { FEELING_LABELS, MOOD_LABELS } from '../../src/cards/data/prompt-labels.js';
import { renderCard } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { cardParts } from './walk-card.js';

const choices = (inputs: CardInput[], id: string) => {
  const input = inputs.find((i) => i.id === id);
  return input?.type === 'Input.ChoiceSet' ? input.choices : [];
};
const childVoice = (yearGroup: number | undefined) => renderCard('child-voice-prompt', { ...cardSample('child-voice-prompt'), yearGroup });
const texts = (yearGroup: number | undefined) => JSON.stringify(childVoice(yearGroup));
const labels = (yearGroup: number | undefined) => cardParts(childVoice(yearGroup)).inputs.map((i) => i.label);

describe('the prompt answers in words', () => {
  it('match the carer card’s mood choices', () => {
    const mood = choices(cardParts(renderCard('carer-prompt', cardSample('carer-prompt'))).inputs, 'mood');
    expect(mood.map((c) => [Number(c.value), c.title])).toEqual(Object.entries(MOOD_LABELS).map(([v, t]) => [Number(v), t]).reverse());
  });

  it('match the child card’s faces, without the emoji', () => {
    const feeling = choices(cardParts(childVoice(6)).inputs, 'feeling');
    expect(feeling.map((c) => [Number(c.value), c.title.replace(/^\S+ /, '')])).toEqual(Object.entries(FEELING_LABELS).map(([v, t]) => [Number(v), t]).reverse());
  });
});

describe('the child’s questions, by year group', () => {
  it('offer a grown-up’s help from Reception to Year 2 only', () => {
    const help = 'A grown-up you trust can read this with you';
    expect(texts(0)).toContain(help);
    expect(texts(2)).toContain(help);
    expect(texts(3)).not.toContain(help);
    expect(texts(undefined)).not.toContain(help);
  });

  it('keep the simplest questions to Year 6, fuller ones after, and ask about college in the sixth form', () => {
    expect(labels(1)).toEqual(['How do you feel about school?', 'What is going well?', 'What is hard?', 'What would you like to happen?']);
    expect(labels(9)).toEqual([
      'How do you feel about school at the moment?',
      'What’s going well for you at school?',
      'What’s been hard, or getting in the way?',
      'What do you want to happen next, and what help would you like?',
    ]);
    expect(labels(12).slice(0, 2)).toEqual(['How do you feel about school or college at the moment?', 'What’s going well for you at school or college?']);
  });
});
