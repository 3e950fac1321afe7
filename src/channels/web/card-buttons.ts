import type { AdaptiveCard, CardAction, CardElement, NestedCard } from '../../cards/adaptive-card.js';

/** What a card lets its reader send: each button's verb and data, and the ids of its inputs. */
export interface CardControls {
  buttons: { verb: string; data: Record<string, unknown> }[];
  inputIds: Set<string>;
}

/**
 * Walks the card the server drew for a link, at any depth (containers, columns, show cards). A
 * post from the page must name one of these buttons, with exactly its data, and only these
 * inputs: a link opens one card, and nothing the browser sends can point it at anything else.
 */
export function cardControls(card: AdaptiveCard): CardControls {
  const controls: CardControls = { buttons: [], inputIds: new Set() };
  const visitAction = (action: CardAction): void => {
    if (action.type === 'Action.Execute') controls.buttons.push({ verb: action.verb, data: action.data });
    if (action.type === 'Action.ShowCard') visitCard(action.card);
  };
  const visitElement = (element: CardElement): void => {
    switch (element.type) {
      case 'Container':
        element.items.forEach(visitElement);
        break;
      case 'ColumnSet':
        element.columns.forEach((column) => column.items.forEach(visitElement));
        break;
      case 'ActionSet':
        element.actions.forEach(visitAction);
        break;
      case 'TextBlock':
      case 'FactSet':
      case 'Image':
        break;
      default:
        controls.inputIds.add(element.id);
    }
  };
  const visitCard = (nested: NestedCard): void => {
    nested.body.forEach(visitElement);
    (nested.actions ?? []).forEach(visitAction);
  };
  visitCard(card);
  return controls;
}
