import type { CardInput, InputChoiceSet, InputNumber, InputToggle } from './adaptive-card.js';
import { CardError } from './errors.js';
import { LIMITS, plain } from './slack-text.js';
import type { InputElement, PlainText, SlackBlock, SlackOption, SlackSurface } from './slack-types.js';

/**
 * An Adaptive Card input becomes an input block whose block_id and action_id are the input id,
 * so the channel reads `state.values[id][id]` and hands the value on under the domain field name.
 */
export function inputBlock(input: CardInput, surface: SlackSurface): SlackBlock {
  const { element, hint } = inputElement(input, surface);
  return {
    type: 'input',
    block_id: input.id,
    label: plain(input.label, LIMITS.label, `the label of input "${input.id}"`),
    element,
    optional: !input.isRequired,
    ...(hint ? { hint: plain(hint, LIMITS.hint, `the hint of input "${input.id}"`) } : {}),
  };
}

const placeholder = (text: string | undefined, id: string): { placeholder?: PlainText } =>
  text ? { placeholder: plain(text, LIMITS.placeholder, `the placeholder of input "${id}"`) } : {};

function inputElement(input: CardInput, surface: SlackSurface): { element: InputElement; hint?: string } {
  const action_id = input.id;
  switch (input.type) {
    case 'Input.Text': {
      const value = input.value ?? '';
      if (value.length > LIMITS.textInput) {
        throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack text inputs hold at most ${LIMITS.textInput} characters; the value of "${input.id}" has ${value.length}.`);
      }
      const max_length = Math.min(input.maxLength ?? LIMITS.textInput, LIMITS.textInput);
      return {
        element: { type: 'plain_text_input', action_id, multiline: input.isMultiline ?? false, max_length, ...(value ? { initial_value: value } : {}), ...placeholder(input.placeholder, input.id) },
      };
    }
    case 'Input.Number':
      return numberElement(input, surface);
    case 'Input.Date':
      return { element: { type: 'datepicker', action_id, ...(input.value ? { initial_date: input.value } : {}), ...placeholder(input.placeholder, input.id) } };
    case 'Input.ChoiceSet':
      return { element: choiceElement(input) };
    case 'Input.Toggle':
      return { element: toggleElement(input) };
  }
}

/** Slack's number input exists only in modals; in a message a text input with a hint stands in. */
function numberElement(input: InputNumber, surface: SlackSurface): { element: InputElement; hint?: string } {
  const initial = input.value === undefined || input.value === '' ? {} : { initial_value: String(input.value) };
  if (surface === 'modal') {
    const bounds = { ...(input.min !== undefined ? { min_value: String(input.min) } : {}), ...(input.max !== undefined ? { max_value: String(input.max) } : {}) };
    return { element: { type: 'number_input', action_id: input.id, is_decimal_allowed: true, ...initial, ...bounds, ...placeholder(input.placeholder, input.id) } };
  }
  const range = input.min !== undefined && input.max !== undefined ? ` from ${input.min} to ${input.max}` : '';
  return {
    element: { type: 'plain_text_input', action_id: input.id, multiline: false, max_length: 20, ...initial, ...placeholder(input.placeholder, input.id) },
    hint: `Enter a number${range}.`,
  };
}

function option(choice: { title: string; value: string }, id: string): SlackOption {
  if (choice.value.length > LIMITS.optionValue) {
    throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack option values hold at most ${LIMITS.optionValue} characters (input "${id}").`);
  }
  return { text: plain(choice.title, LIMITS.optionText, `an option of input "${id}"`), value: choice.value };
}

/** Radio buttons and checkboxes take 10 options; longer lists become menus, which take 100. */
function choiceElement(input: InputChoiceSet): InputElement {
  const action_id = input.id;
  if (input.choices.length > LIMITS.options) {
    throw new CardError('CARD.BLOCK_KIT_LIMIT', `Slack menus hold at most ${LIMITS.options} options; input "${input.id}" has ${input.choices.length}.`);
  }
  const options = input.choices.map((c) => option(c, input.id));
  const selected = new Set((input.value ?? '').split(',').filter(Boolean));
  const chosen = options.filter((o) => selected.has(o.value));
  const few = options.length <= LIMITS.optionsExpanded;
  if (input.isMultiSelect) {
    const initial = chosen.length > 0 ? { initial_options: chosen } : {};
    return few
      ? { type: 'checkboxes', action_id, options, ...initial }
      : { type: 'multi_static_select', action_id, options, ...initial, ...placeholder(input.placeholder, input.id) };
  }
  const initial = chosen[0] ? { initial_option: chosen[0] } : {};
  return input.style === 'expanded' && few
    ? { type: 'radio_buttons', action_id, options, ...initial }
    : { type: 'static_select', action_id, options, ...initial, ...placeholder(input.placeholder, input.id) };
}

/**
 * A toggle is a single checkbox. Slack sends only the ticked values, so the off value can only be
 * "nothing": a toggle with its own valueOff cannot be represented and is refused.
 */
function toggleElement(input: InputToggle): InputElement {
  if (input.valueOff !== undefined && input.valueOff !== 'false') {
    throw new CardError('CARD.UNSUPPORTED_ELEMENT', `Input.Toggle "${input.id}" has valueOff "${input.valueOff}", which Slack cannot send back.`);
  }
  const on = option({ title: input.title, value: input.valueOn ?? 'true' }, input.id);
  return { type: 'checkboxes', action_id: input.id, options: [on], ...(input.value === on.value ? { initial_options: [on] } : {}) };
}
