// @vitest-environment jsdom
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { CARD_NAMES } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { renderTeamsCard } from '../../src/cards/teams-card.js';
import { MAXIMAL_DATA } from './maximal-data.js';

/**
 * Every card, expanded with its sample data, must parse with Microsoft's own adaptivecards library
 * (the renderer behind Teams' web client) without a single error or warning. The library's ESM
 * build is not loadable by Node, so its UMD bundle is required instead; jsdom provides the DOM.
 */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

function libraryProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  const validation = card.validateProperties().validationEvents;
  return [...events, ...validation].map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
}

describe('templates parse with the adaptivecards library', () => {
  it.each(CARD_NAMES)('%s (sample data) has no errors or warnings', (name) => {
    expect(libraryProblems(renderCard(name, cardSample(name)))).toEqual([]);
  });

  it.each(CARD_NAMES)('%s renders to HTML with every input labelled', (name) => {
    const card = new AC.AdaptiveCard();
    card.parse(renderCard(name, cardSample(name)));
    const element = card.render();
    expect(element).toBeDefined();
    for (const input of card.getAllInputs()) {
      expect(input.label, `input ${input.id ?? ''}`).toBeTruthy();
    }
  });

  it.each(CARD_NAMES)('%s, as sent to Teams (fallbacks, refresh), has no errors or warnings', (name) => {
    expect(libraryProblems(renderTeamsCard(name, cardSample(name)).content)).toEqual([]);
  });

  it.each(Object.keys(MAXIMAL_DATA))('%s at its maximum has no errors or warnings', (name) => {
    const data = MAXIMAL_DATA[name as keyof typeof MAXIMAL_DATA];
    expect(libraryProblems(renderCard(name as never, data as never))).toEqual([]);
  });
});
