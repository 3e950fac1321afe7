import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement, CardAction } from '../../src/cards/adaptive-card.js';
import { CARD_NAMES } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { renderSlackMessage, toSlackMessage, verbFromActionId } from '../../src/cards/slack-blocks.js';
import { slackStateToInputs } from '../../src/cards/slack-state.js';
import { blockKitViolations } from './block-kit-limits.js';
import { refusal } from './refusal.js';

const card = (body: CardElement[], actions?: CardAction[]): AdaptiveCard => ({ type: 'AdaptiveCard', version: '1.5', fallbackText: 'Fallback <b> & co', body, ...(actions ? { actions } : {}) });
const blocks = (body: CardElement[], actions?: CardAction[], surface: 'message' | 'modal' = 'message') => toSlackMessage(card(body, actions), { surface }).blocks;
const execute = (title: string, verb: string, data: Record<string, unknown> = { meetingId: 'm1' }): CardAction => ({ type: 'Action.Execute', title, verb, data });

describe('every card in Slack', () => {
  it.each(CARD_NAMES)('%s keeps within Block Kit limits, in a message and in a modal', (name) => {
    for (const surface of ['message', 'modal'] as const) {
      expect(blockKitViolations(renderSlackMessage(name, cardSample(name), { surface }).blocks, surface)).toEqual([]);
    }
  });

  it.each(CARD_NAMES)('%s has every input as an input block named by its id, and a notification text', (name) => {
    const message = renderSlackMessage(name, cardSample(name));
    expect(message.text.length).toBeGreaterThan(10);
    const inputs = message.blocks.filter((b) => b.type === 'input');
    for (const block of inputs) expect(block.block_id).toBe(block.element.action_id);
  });

  it('gives the RSVP buttons action ids distinct within each row (as Slack asks) that still name the verb', () => {
    const rows = renderSlackMessage('invitation', cardSample('invitation')).blocks.flatMap((b) => (b.type === 'actions' ? [b.elements.map((e) => e.action_id)] : []));
    // The three answers on one row, the written-views answer and the join link on the next.
    expect(rows).toEqual([
      ['rsvp', 'rsvp~2', 'rsvp~3'],
      ['rsvp', 'open.url'],
    ]);
    expect(rows.flat().map(verbFromActionId)).toEqual(['rsvp', 'rsvp', 'rsvp', 'rsvp', 'open.url']);
  });

  it('puts each live action on one line with its Acknowledge button beside it', () => {
    const rows = renderSlackMessage('live-actions', cardSample('live-actions')).blocks.filter((b) => b.type === 'section' && b.accessory);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ accessory: { action_id: 'action.acknowledge', value: JSON.stringify({ meetingId: 'mtg-2026-0042', actionId: 'act2' }) } });
  });
});

describe('toSlackMessage', () => {
  it('maps text blocks by size, weight and subtlety, escaping Slack’s control characters', () => {
    expect(
      blocks([
        { type: 'TextBlock', text: 'Title', size: 'large', weight: 'bolder' },
        { type: 'TextBlock', text: 'Body with <tags> & stuff' },
        { type: 'TextBlock', text: 'Strong', weight: 'bolder' },
        { type: 'TextBlock', text: 'Small print', isSubtle: true },
        { type: 'TextBlock', text: 'Careful', color: 'attention' },
      ]),
    ).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Title', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Body with &lt;tags&gt; &amp; stuff\n*Strong*' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Small print' }] },
      { type: 'section', text: { type: 'mrkdwn', text: '⚠️ Careful' } },
    ]);
  });

  it('turns a heading too long for a header into a bold section instead of cutting it', () => {
    const title = 'word '.repeat(40).trim();
    expect(blocks([{ type: 'TextBlock', text: title, style: 'heading' }])).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }]);
  });

  it('splits text over 3000 characters into sections without losing any of it', () => {
    const long = 'abcd '.repeat(1300).trim();
    const out = blocks([{ type: 'TextBlock', text: long }]);
    expect(out.length).toBe(3);
    expect(blockKitViolations(out)).toEqual([]);
    expect(out.map((b) => (b.type === 'section' ? b.text?.text : '')).join(' ')).toBe(long);
  });

  it('makes a fact set into fields, ten to a section, and gives an over-long fact its own section', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ title: `T${i}`, value: `V${i}` }));
    facts.push({ title: 'Long', value: 'x'.repeat(2500) });
    const out = blocks([{ type: 'FactSet', facts }]);
    expect(out.map((b) => (b.type === 'section' ? (b.fields?.length ?? 'text') : b.type))).toEqual([10, 2, 'text']);
    expect(out[0]?.type === 'section' && out[0].fields?.[0]).toEqual({ type: 'mrkdwn', text: '*T0*\nV0' });
    expect(blockKitViolations(out)).toEqual([]);
  });

  it('flattens containers and columns in reading order', () => {
    const out = blocks([
      { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'Left', size: 'large' }] }, { type: 'Column', items: [{ type: 'TextBlock', text: 'Right', size: 'large' }] }] },
      { type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: 'Check this' }, { type: 'FactSet', facts: [{ title: 'A', value: 'B' }] }] },
    ]);
    expect(out.map((b) => b.type)).toEqual(['header', 'header', 'section', 'section']);
    expect(out[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '⚠️ Check this' } });
  });

  it('makes images image blocks with their alt text', () => {
    expect(blocks([{ type: 'Image', url: 'https://example.org/logo.png', altText: 'PEP Bot logo' }])).toEqual([{ type: 'image', image_url: 'https://example.org/logo.png', alt_text: 'PEP Bot logo' }]);
  });

  it('makes every kind of input an input block with the id as block_id and action_id, and the label', () => {
    const out = blocks([
      { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true, maxLength: 8000, value: 'typed' },
      { type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'Needed', placeholder: 'Short' },
      { type: 'Input.Number', id: 'attendancePercent', label: 'Attendance (%)', min: 0, max: 100, value: 91.5 },
      { type: 'Input.Date', id: 'newDueDate', label: 'New date', value: '2026-03-27' },
      { type: 'Input.ChoiceSet', id: 'mood', label: 'Mood', style: 'expanded', value: '4', choices: [{ title: 'Good', value: '4' }, { title: 'Bad', value: '1' }] },
      { type: 'Input.ChoiceSet', id: 'agendaItemId', label: 'Item', choices: [{ title: 'One', value: 'a1' }] },
      { type: 'Input.ChoiceSet', id: 'days', label: 'Days', isMultiSelect: true, value: 'mon,wed', choices: ['mon', 'tue', 'wed'].map((d) => ({ title: d, value: d })) },
      { type: 'Input.Toggle', id: 'agree', label: 'Agreement', title: 'I agree', value: 'true' },
    ]);
    expect(out.map((b) => (b.type === 'input' ? [b.block_id, b.element.type, b.element.action_id, b.label.text, b.optional] : b.type))).toEqual([
      ['note', 'plain_text_input', 'note', 'Note', true],
      ['title', 'plain_text_input', 'title', 'Title', false],
      ['attendancePercent', 'plain_text_input', 'attendancePercent', 'Attendance (%)', true],
      ['newDueDate', 'datepicker', 'newDueDate', 'New date', true],
      ['mood', 'radio_buttons', 'mood', 'Mood', true],
      ['agendaItemId', 'static_select', 'agendaItemId', 'Item', true],
      ['days', 'checkboxes', 'days', 'Days', true],
      ['agree', 'checkboxes', 'agree', 'Agreement', true],
    ]);
    expect(out[0]).toMatchObject({ element: { multiline: true, max_length: 3000, initial_value: 'typed' } });
    expect(out[2]).toMatchObject({ element: { initial_value: '91.5' }, hint: { text: 'Enter a number from 0 to 100.' } });
    expect(out[3]).toMatchObject({ element: { initial_date: '2026-03-27' } });
    expect(out[4]).toMatchObject({ element: { initial_option: { value: '4' } } });
    expect(out[6]).toMatchObject({ element: { initial_options: [{ value: 'mon' }, { value: 'wed' }] } });
    expect(out[7]).toMatchObject({ element: { options: [{ value: 'true' }], initial_options: [{ value: 'true' }] } });
    expect(blockKitViolations(out)).toEqual([]);
  });

  it('uses Slack’s number input in modals, where it exists', () => {
    const [block] = blocks([{ type: 'Input.Number', id: 'exclusions', label: 'Exclusions', min: 0, max: 365 }], undefined, 'modal');
    expect(block).toMatchObject({ element: { type: 'number_input', min_value: '0', max_value: '365', is_decimal_allowed: true } });
  });

  it('turns long choice lists into menus rather than refusing them', () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({ title: `Choice ${i}`, value: `c${i}` }));
    const out = blocks([
      { type: 'Input.ChoiceSet', id: 'one', label: 'One', style: 'expanded', choices },
      { type: 'Input.ChoiceSet', id: 'many', label: 'Many', isMultiSelect: true, choices },
    ]);
    expect(out.map((b) => (b.type === 'input' ? b.element.type : b.type))).toEqual(['static_select', 'multi_static_select']);
  });

  it('makes buttons with the verb as action_id and the data as JSON value, 25 to a row', () => {
    const actions = Array.from({ length: 27 }, (_, i) => execute(`Button ${i}`, 'agenda.signOff', { meetingId: 'm1', n: i }));
    const out = blocks([], actions);
    expect(out.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 2]);
    expect(out[0]?.type === 'actions' && out[0].elements[0]).toMatchObject({ type: 'button', text: { text: 'Button 0' }, action_id: 'agenda.signOff', value: '{"meetingId":"m1","n":0}' });
    expect(blockKitViolations(out)).toEqual([]);
  });

  it('styles positive and destructive buttons, and opens URLs', () => {
    const out = blocks([], [
      { ...execute('Yes', 'rsvp'), style: 'positive' } as CardAction,
      { ...execute('No', 'rsvp'), style: 'destructive' } as CardAction,
      { type: 'Action.OpenUrl', title: 'Join', url: 'https://teams.example.org/join' },
    ]);
    expect(out).toEqual([
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Yes', emoji: true }, action_id: 'rsvp', value: '{"meetingId":"m1"}', style: 'primary' },
          { type: 'button', text: { type: 'plain_text', text: 'No', emoji: true }, action_id: 'rsvp~2', value: '{"meetingId":"m1"}', style: 'danger' },
          { type: 'button', text: { type: 'plain_text', text: 'Join', emoji: true }, action_id: 'open.url', url: 'https://teams.example.org/join' },
        ],
      },
    ]);
  });

  it('lays a ShowCard out in full: its title, its inputs, then its own buttons', () => {
    const out = blocks([], [
      execute('Done', 'nudge.done'),
      { type: 'Action.ShowCard', title: 'More time', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Date', id: 'newDueDate', label: 'New date' }], actions: [execute('Ask', 'nudge.moreTime')] } },
    ]);
    expect(out.map((b) => b.type)).toEqual(['actions', 'section', 'input', 'actions']);
    expect(out[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*More time*' } });
  });

  it('escapes the notification text', () => {
    expect(toSlackMessage(card([])).text).toBe('Fallback &lt;b&gt; &amp; co');
  });
});

describe('toSlackMessage refuses, never drops', () => {
  it('an element it does not support', () => {
    const error = refusal(() => toSlackMessage({ ...card([]), body: [{ type: 'Table', rows: [] }] }));
    expect(error.code).toBe('CARD.UNSUPPORTED_ELEMENT');
    expect(error.message).toContain('Unsupported card element "Table"');
  });

  it('a property it does not know', () => {
    expect(refusal(() => toSlackMessage({ ...card([]), body: [{ type: 'Container', items: [], selectAction: { type: 'Action.Execute' } }] })).message).toContain('selectAction');
  });

  it('an action it does not support', () => {
    expect(refusal(() => toSlackMessage({ ...card([]), actions: [{ type: 'Action.ToggleVisibility', title: 'Show' }] })).message).toContain('Action.ToggleVisibility');
  });

  it('an input without a label, an image without alt text', () => {
    expect(refusal(() => toSlackMessage({ ...card([]), body: [{ type: 'Input.Text', id: 'note' }] })).message).toContain('Every input needs a label.');
    expect(refusal(() => toSlackMessage({ ...card([]), body: [{ type: 'Image', url: 'https://example.org/a.png' }] })).message).toContain('Every image needs alt text.');
  });

  it('a toggle whose off value Slack cannot send back', () => {
    expect(refusal(() => blocks([{ type: 'Input.Toggle', id: 'agree', label: 'Agree', title: 'I agree', valueOff: 'no' }])).code).toBe('CARD.UNSUPPORTED_ELEMENT');
  });

  it('text over a limit that cutting would damage', () => {
    expect(refusal(() => blocks([], [execute('x'.repeat(76), 'agenda.lock')])).message).toContain('75 characters');
    expect(refusal(() => blocks([], [execute('Go', 'agenda.lock', { meetingId: 'm', blob: 'x'.repeat(2000) })])).message).toContain('2000');
    const choices = [{ title: 'x'.repeat(76), value: 'a' }];
    expect(refusal(() => blocks([{ type: 'Input.ChoiceSet', id: 'pick', label: 'Pick', choices }])).code).toBe('CARD.BLOCK_KIT_LIMIT');
    expect(refusal(() => blocks([{ type: 'Input.Text', id: 'text', label: 'Text', value: 'x'.repeat(3001) }])).message).toContain('3000');
  });

  it('more blocks than the surface takes', () => {
    const body: CardElement[] = Array.from({ length: 51 }, (_, i) => ({ type: 'Input.Text', id: `f${i}`, label: `Field ${i}` }));
    expect(refusal(() => blocks(body)).message).toBe('Slack allows 50 blocks in a message; this card needs 51.');
    expect(blockKitViolations(blocks(body, undefined, 'modal'), 'modal')).toEqual([]);
  });
});

describe('slackStateToInputs', () => {
  it('reads a submitted Slack form back into the values an Adaptive Card would send', () => {
    const message = renderSlackMessage('child-voice-prompt', cardSample('child-voice-prompt'));
    expect(message.blocks.some((b) => b.type === 'input' && b.block_id === 'feeling')).toBe(true);
    const state = {
      feeling: { feeling: { type: 'radio_buttons', selected_option: { value: '4' } } },
      goingWell: { goingWell: { type: 'plain_text_input', value: 'Art' } },
      hard: { hard: { type: 'plain_text_input', value: null } },
      want: { want: { type: 'plain_text_input' } },
      newDueDate: { newDueDate: { type: 'datepicker', selected_date: '2026-03-27' } },
      days: { days: { type: 'checkboxes', selected_options: [{ value: 'mon' }, { value: 'wed' }] } },
      item: { item: { type: 'static_select', selected_option: null } },
    };
    expect(slackStateToInputs(state)).toEqual({ feeling: '4', goingWell: 'Art', hard: '', want: '', newDueDate: '2026-03-27', days: 'mon,wed', item: '' });
  });

  it('refuses an element state it never produces', () => {
    expect(() => slackStateToInputs({ x: { x: { type: 'rich_text_input', rich_text_value: {} } } })).toThrow();
  });

  it('round-trips: what the blocks ask for is what the card’s verb reads', () => {
    const blocksOfCard = toSlackMessage(renderCard('action-nudge', cardSample('action-nudge'))).blocks;
    const ids = blocksOfCard.flatMap((b) => (b.type === 'input' ? [b.block_id] : []));
    expect(ids).toEqual(['newDueDate', 'blockedReason']);
  });
});
