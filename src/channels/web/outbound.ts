import type { AdaptiveCard } from '../../cards/adaptive-card.js';
import { renderCard } from '../../cards/render-card.js';
import type { OutboundCard } from '../../ports/messenger.js';

/** A view's card as the web page draws it: the catalogue's Adaptive Card, checked against its schema. */
export const renderOutbound = (card: OutboundCard): AdaptiveCard => renderCard(card.name, card.data as never, { preview: card.preview });
