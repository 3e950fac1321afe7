import type { CardAction, CardElement, Container, FactSet, TextBlock } from './adaptive-card.js';
import { AdaptiveCardSchema } from './adaptive-card.js';
import type { CardData, CardName } from './catalogue.js';
import { CardError, describeProblems, toFieldProblems } from './errors.js';
import { renderCard } from './render-card.js';
import type { RenderOptions } from './render-card.js';
import { actionIds, button } from './slack-buttons.js';
import { inputBlock } from './slack-inputs.js';
import { bold, escapeMrkdwn, fit, LIMITS, mrkdwn, plain, splitText } from './slack-text.js';
import type { ButtonElement, SlackBlock, SlackMessage, SlackSurface } from './slack-types.js';

export type { SlackBlock, SlackMessage, SlackSurface } from './slack-types.js';
export { verbFromActionId } from './slack-buttons.js';

/** docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks in each message, and 100 blocks in modals or Home tabs". */
const MAX_BLOCKS: Record<SlackSurface, number> = { message: 50, modal: 100 };

/**
 * Translates the Adaptive Card subset our templates use into Block Kit. Nothing is dropped in
 * silence: the card is checked against that subset first, so an element or property the
 * translator does not know throws, and so does a value over a Block Kit limit rather than being cut.
 */
export function toSlackMessage(input: unknown, options: { surface?: SlackSurface } = {}): SlackMessage {
  const surface = options.surface ?? 'message';
  const parsed = AdaptiveCardSchema.safeParse(input);
  if (!parsed.success) {
    throw new CardError('CARD.UNSUPPORTED_ELEMENT', `Slack cannot show this card: ${describeProblems(toFieldProblems(parsed.error.issues))}`);
  }
  const card = parsed.data;
  const blocks = [...elementsToBlocks(card.body, surface), ...actionsToBlocks(card.actions ?? [], surface)];
  if (blocks.length > MAX_BLOCKS[surface]) {
    throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack allows ${MAX_BLOCKS[surface]} blocks in a ${surface}; this card needs ${blocks.length}.`);
  }
  return { text: escapeMrkdwn(card.fallbackText), blocks };
}

/** The named card, filled with `data`, as a Slack message (or modal blocks). */
export function renderSlackMessage<N extends CardName>(name: N, data: CardData<N>, options: RenderOptions & { surface?: SlackSurface } = {}): SlackMessage {
  return toSlackMessage(renderCard(name, data, options), options);
}

/**
 * Sibling text blocks that follow one another read as one passage and share a section, which
 * saves blocks. Spacing and separators are not carried over: they are visual only, Slack's blocks
 * are set apart already, and a divider per row would use up the 50 blocks of a long list.
 */
function elementsToBlocks(elements: readonly CardElement[], surface: SlackSurface): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let previousWasText = false;
  for (const element of elements) {
    const next = elementToBlocks(element, surface);
    const [first, ...rest] = next;
    const joined = previousWasText && element.type === 'TextBlock' && first ? join(blocks.at(-1), first) : undefined;
    if (joined) blocks.splice(-1, 1, joined, ...rest);
    else blocks.push(...next);
    previousWasText = element.type === 'TextBlock' && next.length > 0;
  }
  return blocks;
}

function elementToBlocks(element: CardElement, surface: SlackSurface): SlackBlock[] {
  switch (element.type) {
    case 'TextBlock':
      return textBlockToBlocks(element);
    case 'FactSet':
      return factSetToBlocks(element);
    case 'Image':
      return [{ type: 'image', image_url: fit(element.url, LIMITS.url, 'an image URL'), alt_text: fit(element.altText, LIMITS.altText, 'image alt text') }];
    case 'Container':
      return containerToBlocks(element, surface);
    case 'ColumnSet':
      return element.columns.flatMap((column) => elementsToBlocks(column.items, surface));
    case 'ActionSet':
      return actionsToBlocks(element.actions, surface);
    default:
      return [inputBlock(element, surface)];
  }
}

const isHeading = (tb: TextBlock): boolean => tb.style === 'heading' || tb.size === 'large' || tb.size === 'extraLarge';
const isSubtle = (tb: TextBlock): boolean => tb.isSubtle === true || tb.size === 'small';
const WARNING = '⚠️ ';
const warns = (tb: TextBlock): boolean => tb.color === 'attention' || tb.color === 'warning';

/** Headings become header blocks (or bold sections when too long), subtle text context, the rest sections. */
function textBlockToBlocks(tb: TextBlock): SlackBlock[] {
  if (!tb.text.trim()) return [];
  const text = `${warns(tb) ? WARNING : ''}${tb.text.trim()}`;
  if (isHeading(tb) && text.length <= LIMITS.header && !text.includes('\n')) return [{ type: 'header', text: plain(text, LIMITS.header, 'a header') }];
  const escaped = escapeMrkdwn(text);
  const emphasised = isHeading(tb) || tb.weight === 'bolder';
  // Bold wraps each line in *…*, adding two characters a line: split first, with room for them.
  const room = emphasised ? Math.max(LIMITS.text / 4, LIMITS.text - 2 * escaped.split('\n').length) : LIMITS.text;
  return splitText(escaped, room).map((piece) => {
    const styled = emphasised ? bold(piece) : piece;
    return isSubtle(tb) ? { type: 'context', elements: [mrkdwn(styled)] } : { type: 'section', text: mrkdwn(styled) };
  });
}

/** Facts become two-column section fields, ten to a section; a fact too long for a field gets its own section. */
function factSetToBlocks(factSet: FactSet): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let fields: ReturnType<typeof mrkdwn>[] = [];
  const flush = () => {
    if (fields.length > 0) blocks.push({ type: 'section', fields });
    fields = [];
  };
  for (const fact of factSet.facts) {
    const text = `${bold(escapeMrkdwn(fact.title))}\n${escapeMrkdwn(fact.value)}`;
    if (text.length > LIMITS.field) {
      flush();
      blocks.push(...splitText(text, LIMITS.text).map((piece): SlackBlock => ({ type: 'section', text: mrkdwn(piece) })));
      continue;
    }
    fields.push(mrkdwn(text));
    if (fields.length === LIMITS.fieldsPerSection) flush();
  }
  flush();
  return blocks;
}

/**
 * A container that is a row of text, with or without one button beside it (a row of the live
 * action list), becomes one section, the button as its accessory: a long list then stays inside
 * the block limit. Any other container is flattened, and a warning-styled one marks its first line.
 */
function containerToBlocks(container: Container, surface: SlackSurface): SlackBlock[] {
  const row = rowSection(container);
  if (row) return [row];
  const blocks = elementsToBlocks(container.items, surface);
  const [first, ...rest] = blocks;
  const firstItem = container.items[0];
  const marked = firstItem?.type === 'TextBlock' && warns(firstItem);
  if ((container.style === 'attention' || container.style === 'warning') && !marked && first?.type === 'section' && first.text) {
    return [{ ...first, text: mrkdwn(`${WARNING}${first.text.text}`) }, ...rest];
  }
  return blocks;
}

function rowSection(container: Container): SlackBlock | undefined {
  const last = container.items.at(-1);
  const withButton = last?.type === 'ActionSet' && last.actions.length === 1;
  const texts = withButton ? container.items.slice(0, -1) : container.items;
  const action = withButton ? last.actions[0] : undefined;
  if (texts.length === 0 || action?.type === 'Action.ShowCard' || container.style === 'attention' || container.style === 'warning') return undefined;
  if (!texts.every((el): el is TextBlock => el.type === 'TextBlock' && !isHeading(el))) return undefined;
  const text = texts.map((tb) => (tb.weight === 'bolder' ? bold(escapeMrkdwn(tb.text)) : escapeMrkdwn(tb.text))).join('\n');
  if (text.length > LIMITS.text) return undefined;
  return { type: 'section', text: mrkdwn(text), ...(action ? { accessory: button(action, actionIds()) } : {}) };
}

/**
 * Buttons go in rows of at most 25. A ShowCard cannot open in Slack, so it is laid out in full
 * after the buttons: its title, its inputs, then its own buttons.
 */
function actionsToBlocks(actions: readonly CardAction[], surface: SlackSurface): SlackBlock[] {
  const nextId = actionIds();
  const buttons: ButtonElement[] = [];
  const shown: SlackBlock[] = [];
  for (const action of actions) {
    if (action.type !== 'Action.ShowCard') {
      buttons.push(button(action, nextId));
      continue;
    }
    shown.push(
      { type: 'section', text: mrkdwn(bold(escapeMrkdwn(action.title))) },
      ...elementsToBlocks(action.card.body, surface),
      ...actionsToBlocks(action.card.actions ?? [], surface),
    );
  }
  const rows: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.elementsPerActions) {
    rows.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.elementsPerActions) });
  }
  return [...rows, ...shown];
}

/** Two text blocks in a row become one when both are plain sections, or both context lines, and it fits. */
function join(a: SlackBlock | undefined, b: SlackBlock): SlackBlock | undefined {
  if (a?.type === 'section' && b.type === 'section' && a.text && b.text && !a.fields && !b.fields && !a.accessory && !b.accessory) {
    const text = `${a.text.text}\n${b.text.text}`;
    return text.length <= LIMITS.text ? { type: 'section', text: mrkdwn(text) } : undefined;
  }
  if (a?.type === 'context' && b.type === 'context' && a.elements.length === 1 && b.elements.length === 1) {
    const text = `${a.elements[0]?.text ?? ''}\n${b.elements[0]?.text ?? ''}`;
    return text.length <= LIMITS.text ? { type: 'context', elements: [mrkdwn(text)] } : undefined;
  }
  return undefined;
}
