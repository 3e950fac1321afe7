import { describe, expect, it } from 'vitest';
import { toSlackMessage } from '../../src/cards/slack-blocks.js';
import { renderCard } from '../../src/cards/render-card.js';
import { renderTeamsCard, TEAMS_CARD_MAX_BYTES } from '../../src/cards/teams-card.js';
import { blockKitViolations } from './block-kit-limits.js';
import { MAXIMAL_DATA } from './maximal-data.js';

/** The list cards at their largest still fit a Teams message and a Slack message and modal. */
describe.each(Object.entries(MAXIMAL_DATA))('%s at its maximum', (name, data) => {
  it('fits a Teams message', () => {
    expect(Buffer.byteLength(JSON.stringify(renderTeamsCard(name as never, data as never)))).toBeLessThanOrEqual(TEAMS_CARD_MAX_BYTES);
  });

  it.each(['message', 'modal'] as const)('keeps within Block Kit limits in a Slack %s', (surface) => {
    const { blocks } = toSlackMessage(renderCard(name as never, data as never), { surface });
    expect(blockKitViolations(blocks, surface)).toEqual([]);
  });
});
