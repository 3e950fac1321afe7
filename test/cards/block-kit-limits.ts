/**
 * An independent check of a Block Kit payload against Slack's published limits, written apart
 * from the translator on purpose: if the translator's own numbers were wrong, this would not
 * repeat the mistake. Each number names the page of docs.slack.dev/reference/block-kit it is from.
 */
export const BLOCK_KIT_LIMITS = {
  /** blocks: "up to 50 blocks in each message, and 100 blocks in modals or Home tabs". */
  blocksPerMessage: 50,
  blocksPerModal: 100,
  /** blocks/header-block: text, plain_text only, max 150. */
  headerText: 150,
  /** blocks/section-block: text max 3000; fields max 10 items, 2000 characters each. */
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  /** blocks/context-block: elements max 10. Text objects: max 3000 (composition-objects/text-object). */
  contextElements: 10,
  /** blocks/actions-block: elements max 25. */
  actionsElements: 25,
  /** blocks/input-block: label and hint max 2000. Every block: block_id max 255. */
  inputLabel: 2000,
  inputHint: 2000,
  blockId: 255,
  /** block-elements/button-element: text max 75, value max 2000, url max 3000, action_id max 255. */
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  /** composition-objects/option-object: text max 75, value max 150. */
  optionText: 75,
  optionValue: 150,
  /** static select: options max 100; radio buttons and checkboxes: options max 10. */
  selectOptions: 100,
  radioOrCheckboxOptions: 10,
  /** block-elements/plain-text-input-element: max_length 1..3000, placeholder max 150. */
  textInputMaxLength: 3000,
  placeholder: 150,
  /** blocks/image-block: alt_text max 2000, image_url max 3000. */
  altText: 2000,
  imageUrl: 3000,
} as const;

type Obj = Record<string, unknown>;
const L = BLOCK_KIT_LIMITS;

/** Every way the payload breaks a limit, as readable lines; [] means it is fine. */
export function blockKitViolations(blocks: readonly Obj[], surface: 'message' | 'modal' = 'message'): string[] {
  const problems: string[] = [];
  const max = surface === 'message' ? L.blocksPerMessage : L.blocksPerModal;
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const text = (o: unknown): string => String((o as Obj | undefined)?.text ?? '');
  check(blocks.length <= max, `${blocks.length} blocks (max ${max} in a ${surface})`);
  blocks.forEach((block, i) => {
    const at = `block ${i} (${String(block.type)})`;
    if (block.block_id !== undefined) check(String(block.block_id).length <= L.blockId, `${at}: block_id too long`);
    switch (block.type) {
      case 'header':
        check((block.text as Obj).type === 'plain_text', `${at}: header text must be plain_text`);
        check(text(block.text).length <= L.headerText, `${at}: header over ${L.headerText}`);
        break;
      case 'section': {
        const fields = (block.fields as Obj[] | undefined) ?? [];
        check(block.text !== undefined || fields.length > 0, `${at}: section needs text or fields`);
        check(text(block.text).length <= L.sectionText, `${at}: text over ${L.sectionText}`);
        check(fields.length <= L.sectionFields, `${at}: ${fields.length} fields (max ${L.sectionFields})`);
        fields.forEach((f, j) => check(text(f).length <= L.fieldText, `${at}: field ${j} over ${L.fieldText}`));
        if (block.accessory) checkElement(block.accessory as Obj, `${at} accessory`, check);
        break;
      }
      case 'context': {
        const elements = block.elements as Obj[];
        check(elements.length >= 1 && elements.length <= L.contextElements, `${at}: ${elements.length} elements`);
        elements.forEach((e) => check(text(e).length <= L.sectionText, `${at}: context text too long`));
        break;
      }
      case 'actions': {
        const elements = block.elements as Obj[];
        check(elements.length >= 1 && elements.length <= L.actionsElements, `${at}: ${elements.length} elements (max ${L.actionsElements})`);
        const ids = elements.map((e) => e.action_id);
        check(new Set(ids).size === ids.length, `${at}: action_ids not unique in the block`);
        elements.forEach((e, j) => checkElement(e, `${at} element ${j}`, check));
        break;
      }
      case 'input':
        check((block.label as Obj).type === 'plain_text' && text(block.label).length >= 1, `${at}: input needs a plain_text label`);
        check(text(block.label).length <= L.inputLabel, `${at}: label over ${L.inputLabel}`);
        check(text(block.hint).length <= L.inputHint, `${at}: hint over ${L.inputHint}`);
        checkElement(block.element as Obj, `${at} element`, check);
        check(surface === 'modal' || (block.element as Obj).type !== 'number_input', `${at}: number_input is not available in messages`);
        break;
      case 'image':
        check(String(block.alt_text ?? '').length >= 1, `${at}: image needs alt_text`);
        check(String(block.alt_text).length <= L.altText, `${at}: alt_text over ${L.altText}`);
        check(String(block.image_url).length <= L.imageUrl, `${at}: image_url over ${L.imageUrl}`);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${at}: unknown block type`);
    }
  });
  return problems;
}

function checkElement(element: Obj, at: string, check: (ok: boolean, message: string) => void): void {
  const text = (o: unknown): string => String((o as Obj | undefined)?.text ?? '');
  check(String(element.action_id ?? '').length <= L.actionId, `${at}: action_id too long`);
  check(text(element.placeholder).length <= L.placeholder, `${at}: placeholder over ${L.placeholder}`);
  const options = (element.options as Obj[] | undefined) ?? [];
  options.forEach((o, j) => {
    check(text(o.text).length <= L.optionText, `${at}: option ${j} text over ${L.optionText}`);
    check(String(o.value).length <= L.optionValue, `${at}: option ${j} value over ${L.optionValue}`);
  });
  switch (element.type) {
    case 'button':
      check(text(element.text).length >= 1 && text(element.text).length <= L.buttonText, `${at}: button text must be 1..${L.buttonText}`);
      check(String(element.value ?? '').length <= L.buttonValue, `${at}: button value over ${L.buttonValue}`);
      check(String(element.url ?? '').length <= L.buttonUrl, `${at}: button url over ${L.buttonUrl}`);
      break;
    case 'plain_text_input':
      check(Number(element.max_length ?? L.textInputMaxLength) <= L.textInputMaxLength, `${at}: max_length over ${L.textInputMaxLength}`);
      check(String(element.initial_value ?? '').length <= L.textInputMaxLength, `${at}: initial_value over ${L.textInputMaxLength}`);
      break;
    case 'static_select':
    case 'multi_static_select':
      check(options.length >= 1 && options.length <= L.selectOptions, `${at}: ${options.length} options`);
      break;
    case 'radio_buttons':
    case 'checkboxes':
      check(options.length >= 1 && options.length <= L.radioOrCheckboxOptions, `${at}: ${options.length} options (max ${L.radioOrCheckboxOptions})`);
      break;
    case 'datepicker':
      check(element.initial_date === undefined || /^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date)), `${at}: initial_date not YYYY-MM-DD`);
      break;
    case 'number_input':
      break;
    default:
      check(false, `${at}: unknown element type ${String(element.type)}`);
  }
}
