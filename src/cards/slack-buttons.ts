import type { ExecuteAction, OpenUrlAction } from './adaptive-card.js';
import { CardError } from './errors.js';
import { LIMITS, plain } from './slack-text.js';
import type { ButtonElement } from './slack-types.js';

/**
 * Slack wants action_ids unique within a block, and a card may repeat a verb in one row (the four
 * RSVP answers are all `rsvp`). Repeats get a "~n" suffix, which verbFromActionId removes.
 */
const SUFFIX = '~';
const OPEN_URL_ACTION_ID = 'open.url';

export const verbFromActionId = (actionId: string): string => actionId.split(SUFFIX)[0] ?? actionId;

/** A set per block: hands out the action_id, suffixed if the block already has it. */
export function actionIds(): (base: string) => string {
  const taken = new Map<string, number>();
  return (base) => {
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    return seen === 1 ? base : `${base}${SUFFIX}${seen}`;
  };
}

const STYLE = { positive: 'primary', destructive: 'danger' } as const;

export function button(action: ExecuteAction | OpenUrlAction, nextId: (base: string) => string): ButtonElement {
  const text = plain(action.title, LIMITS.buttonText, `the button "${action.title}"`);
  const style = action.style === 'positive' || action.style === 'destructive' ? { style: STYLE[action.style] } : {};
  if (action.type === 'Action.OpenUrl') {
    if (action.url.length > LIMITS.url) throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack button URLs hold at most ${LIMITS.url} characters.`);
    return { type: 'button', text, action_id: nextId(OPEN_URL_ACTION_ID), url: action.url, ...style };
  }
  const value = JSON.stringify(action.data);
  if (value.length > LIMITS.buttonValue) {
    throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack button values hold at most ${LIMITS.buttonValue} characters; "${action.title}" carries ${value.length}.`);
  }
  return { type: 'button', text, action_id: nextId(action.verb), value, ...style };
}
