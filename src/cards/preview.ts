import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.js';

/** Links only open a page: every other button would act, and a preview must not act for anyone. */
const keeps = (action: CardAction): boolean => action.type === 'Action.OpenUrl';

function withoutButtons(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((element): CardElement[] => {
    if (element.type === 'ActionSet') {
      const actions = element.actions.filter(keeps);
      return actions.length > 0 ? [{ ...element, actions }] : [];
    }
    if (element.type === 'Container') return [{ ...element, items: withoutButtons(element.items) }];
    if (element.type === 'ColumnSet') return [{ ...element, columns: element.columns.map((column) => ({ ...column, items: withoutButtons(column.items) })) }];
    return [element];
  });
}

/**
 * A card as the organiser sees it when trying the bot out: what someone else will get, under a
 * banner that says whose it is and when it goes, with its buttons taken off (pressing one would
 * answer for that person, or be refused as not theirs). The same on Teams, Slack and the web.
 */
export function asPreview(card: AdaptiveCard, marker: string): AdaptiveCard {
  const banner: CardElement = {
    type: 'Container',
    style: 'warning',
    items: [
      { type: 'TextBlock', text: marker, weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: 'Its buttons are switched off here: nothing you do with this preview is recorded.', isSubtle: true, wrap: true },
    ],
  };
  const actions = (card.actions ?? []).filter(keeps);
  const { actions: _actions, ...rest } = card;
  return { ...rest, fallbackText: `${marker}. ${card.fallbackText}`, body: [banner, ...withoutButtons(card.body)], ...(actions.length > 0 ? { actions } : {}) };
}
