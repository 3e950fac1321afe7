import { renderSlackMessage } from '../../cards/index.js';
import type { SlackMessage, SlackSurface } from '../../cards/index.js';
import type { OutboundCard } from '../../ports/messenger.js';

/**
 * A card from the shared catalogue as Block Kit. The views type each card's data loosely
 * (`unknown`); renderSlackMessage validates it against the card's own schema before drawing, so
 * the cast only moves that check from compile time to the one place that renders.
 */
export function slackMessage(card: OutboundCard, surface: SlackSurface = 'message'): SlackMessage {
  return renderSlackMessage(card.name, card.data as never, { surface, preview: card.preview });
}
