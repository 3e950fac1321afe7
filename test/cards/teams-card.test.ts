import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/adaptive-card.js';
import { CARD_NAMES, REFRESHABLE_CARDS } from '../../src/cards/catalogue.js';
import { CardError } from '../../src/cards/errors.js';
import { cardSample } from '../../src/cards/samples.js';
import { renderTeamsCard, TEAMS_CARD_CONTENT_TYPE, TEAMS_CARD_MAX_BYTES } from '../../src/cards/teams-card.js';
import { parseCardAction } from '../../src/cards/verbs.js';
import { cardParts } from './walk-card.js';

type Fallback = { type: string; title: string; data: Record<string, unknown>; style?: string };

describe('renderTeamsCard', () => {
  it.each(CARD_NAMES)('%s: an Adaptive Card 1.5 attachment, well under the Teams size limit', (name) => {
    const attachment = renderTeamsCard(name, cardSample(name));
    expect(attachment.contentType).toBe(TEAMS_CARD_CONTENT_TYPE);
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(Buffer.byteLength(JSON.stringify(attachment))).toBeLessThan(TEAMS_CARD_MAX_BYTES / 4);
  });

  it.each(CARD_NAMES)('%s: every Action.Execute has an Action.Submit fallback with the same data and the verb', (name) => {
    const card = renderTeamsCard(name, cardSample(name)).content as unknown as AdaptiveCard;
    for (const action of cardParts(card).executes) {
      const { fallback } = action as typeof action & { fallback: Fallback };
      expect(fallback).toEqual({ type: 'Action.Submit', title: action.title, data: { ...action.data, verb: action.verb }, ...(action.style ? { style: action.style } : {}) });
    }
  });

  it('draws the same card again as an equal copy that its holder may change without changing the next one', () => {
    const first = renderTeamsCard('invitation', cardSample('invitation'));
    const again = renderTeamsCard('invitation', cardSample('invitation'));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    again.content.type = 'changed by its holder';
    expect(renderTeamsCard('invitation', cardSample('invitation'))).toEqual(first);
    expect(renderTeamsCard('invitation', cardSample('invitation'), { refreshUserIds: ['29:1a2b3c'] }).content.refresh).not.toEqual(first.content.refresh);
  });

  it('adds a refresh block to the invitation and the live action list only', () => {
    expect(REFRESHABLE_CARDS).toEqual(['invitation', 'live-actions']);
    for (const name of CARD_NAMES) {
      const content = renderTeamsCard(name, cardSample(name)).content;
      expect(content.refresh !== undefined, name).toBe(REFRESHABLE_CARDS.includes(name));
    }
  });

  it('leaves the userIds of the refresh to the caller', () => {
    const users = ['29:1a2b3c', '29:4d5e6f'];
    expect(renderTeamsCard('live-actions', cardSample('live-actions'), { refreshUserIds: users }).content.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'card.refresh', data: { meetingId: 'mtg-2026-0042', card: 'live-actions' } },
      userIds: users,
    });
    expect(renderTeamsCard('invitation', cardSample('invitation')).content.refresh).not.toHaveProperty('userIds');
    const refresh = renderTeamsCard('invitation', cardSample('invitation')).content.refresh as { action: { verb: string; data: unknown } };
    expect(parseCardAction(refresh.action.verb, refresh.action.data).ok).toBe(true);
  });

  it('refuses refresh users for a card without a refresh block, and more users than Teams refreshes', () => {
    expect(() => renderTeamsCard('agenda', cardSample('agenda'), { refreshUserIds: ['29:1'] })).toThrow(CardError);
    const many = Array.from({ length: 61 }, (_, i) => `29:${i}`);
    expect(() => renderTeamsCard('invitation', cardSample('invitation'), { refreshUserIds: many })).toThrow(/at most 60 users/);
  });
});
