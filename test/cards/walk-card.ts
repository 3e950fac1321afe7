import type { AdaptiveCard, CardAction, CardElement, CardInput, ExecuteAction, Image, NestedCard } from '../../src/cards/adaptive-card.js';

/** Everything in a card that tests look at, found at any depth (containers, columns, show cards). */
export interface CardParts {
  inputs: CardInput[];
  executes: ExecuteAction[];
  images: Image[];
  /** Actions in ActionSets and the card's action bar, not those inside show cards. */
  actions: CardAction[];
}

export function cardParts(card: AdaptiveCard | NestedCard): CardParts {
  const parts: CardParts = { inputs: [], executes: [], images: [], actions: [] };
  const visitAction = (action: CardAction, depth: number) => {
    if (depth === 0) parts.actions.push(action);
    if (action.type === 'Action.Execute') parts.executes.push(action);
    if (action.type === 'Action.ShowCard') visitCard(action.card, depth + 1);
  };
  const visitElement = (element: CardElement, depth: number): void => {
    switch (element.type) {
      case 'Container':
        element.items.forEach((item) => visitElement(item, depth));
        break;
      case 'ColumnSet':
        element.columns.forEach((column) => column.items.forEach((item) => visitElement(item, depth)));
        break;
      case 'ActionSet':
        element.actions.forEach((action) => visitAction(action, depth));
        break;
      case 'Image':
        parts.images.push(element);
        break;
      case 'TextBlock':
      case 'FactSet':
        break;
      default:
        parts.inputs.push(element);
    }
  };
  const visitCard = (c: NestedCard, depth: number) => {
    c.body.forEach((element) => visitElement(element, depth));
    (c.actions ?? []).forEach((action) => visitAction(action, depth));
  };
  visitCard(card, 0);
  return parts;
}
