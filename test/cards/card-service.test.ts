import { describe, expect, it } from 'vitest';
import type { CardInput } from '../../src/cards/adaptive-card.js';
import type { CardName } from '../../src/cards/catalogue.js';
import { CARD_NAMES, GROUP_CARDS } from '../../src/cards/catalogue.js';
import { renderCard, unboundPaths } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { cardTemplate } from '../../src/cards/templates.js';
import { parseTemplate } from '../../src/cards/templating.js';
import { VERBS } from '../../src/cards/verbs.js';
import { refusal } from './refusal.js';
import { cardParts } from './walk-card.js';

const sample = (name: CardName): Record<string, unknown> => structuredClone(cardSample(name)) as Record<string, unknown>;
const render = (name: CardName, data: unknown) => renderCard(name, data as never);


/** Something a person could have typed into the input. */
function typedValueFor(input: CardInput): string | number {
  switch (input.type) {
    case 'Input.Number':
      return 7;
    case 'Input.Date':
      return '2026-05-01';
    case 'Input.ChoiceSet':
      return input.choices.at(-1)?.value ?? '';
    default:
      // Short, for the 3-letter initials box, and different for each input, to catch a swap.
      return input.id.slice(0, 3);
  }
}

/** The field names a verb's schema reads (both branches of prompt.answer). */
function verbFields(verb: string): string[] {
  const schema = VERBS[verb as keyof typeof VERBS] as unknown as { shape?: object; options?: { shape: object }[] };
  const shapes = schema.shape ? [schema.shape] : (schema.options ?? []).map((o) => o.shape);
  return shapes.flatMap((shape) => Object.keys(shape));
}

describe('the card catalogue', () => {
  it('has a template and a sample for every card, and samples fit their schemas', () => {
    for (const name of CARD_NAMES) expect(() => render(name, cardSample(name))).not.toThrow();
  });

  it('reads and parses each template once', () => {
    expect(cardTemplate('agenda')).toBe(cardTemplate('agenda'));
  });

  it('finds a template field the data does not provide, instead of showing "${field}" to a carer', () => {
    const expanded = parseTemplate({ type: 'TextBlock', text: 'Hello ${recipientName} from ${organiser.name}' }).expand({ $root: { recipientName: 'Morgan' } });
    expect(unboundPaths(expanded)).toEqual(['organiser.name']);
    expect(unboundPaths(render('welcome', {}))).toEqual([]);
  });

  it('expands a cached template afresh for each data', () => {
    const first = JSON.stringify(render('confirmation', { title: 'One', message: 'First' }));
    const second = JSON.stringify(render('confirmation', { title: 'Two', message: 'Second' }));
    expect(first).toContain('First');
    expect(second).toContain('Second');
    expect(second).not.toContain('First');
  });

  it.each(CARD_NAMES)('%s: every input id is a field its buttons read, and every button says which meeting', (name) => {
    const { inputs, executes } = cardParts(render(name, cardSample(name)));
    const fields = new Set(executes.flatMap((action) => verbFields(action.verb)));
    for (const input of inputs) expect(fields, `input "${input.id}"`).toContain(input.id);
    for (const action of executes) {
      // Only the new-meeting form's button has no meeting yet.
      if (action.verb !== 'meeting.create') expect(action.data, action.verb).toHaveProperty('meetingId');
      for (const key of Object.keys(action.data)) expect(verbFields(action.verb), `${action.verb} data`).toContain(key);
      for (const input of inputs) expect(Object.keys(action.data), `${action.verb} data`).not.toContain(input.id);
    }
  });

  const formCards = CARD_NAMES.filter((name) => cardParts(render(name, cardSample(name))).inputs.length > 0);

  it.each(formCards)('%s takes back what was typed into each of its inputs', (name) => {
    const { inputs } = cardParts(render(name, cardSample(name)));
    const typed = Object.fromEntries(inputs.map((input) => [input.id, typedValueFor(input)]));
    const again = cardParts(render(name, { ...sample(name), values: typed })).inputs;
    expect(Object.fromEntries(again.map((input) => [input.id, input.value]))).toEqual(typed);
  });

  it('pre-fills every input with what was typed, so a refused form comes back as it was', () => {
    const card = render('goal-form', {
      ...sample('goal-form'),
      values: { title: 'Read more', specific: 'Read daily', measurable: 'Log', achievable: 'Yes', relevant: 'Reading', timeBound: '2026-07-17', agendaItemId: 'a2' },
      errors: ['Measurable is too vague.'],
    });
    const values = Object.fromEntries(cardParts(card).inputs.map((input) => [input.id, input.value]));
    expect(values).toEqual({ title: 'Read more', specific: 'Read daily', measurable: 'Log', achievable: 'Yes', relevant: 'Reading', timeBound: '2026-07-17', agendaItemId: 'a2' });
    expect(JSON.stringify(card)).toContain('Measurable is too vague.');
  });

  it('keeps a typed number that is a number, and leaves the box empty for one that is not', () => {
    const inputs = (attendancePercent: unknown) =>
      cardParts(render('contribution-request', { ...sample('contribution-request'), values: { attendancePercent } })).inputs;
    expect(inputs('92.5').find((i) => i.id === 'attendancePercent')?.value).toBe(92.5);
    expect(inputs('ninety').find((i) => i.id === 'attendancePercent')?.value).toBe('');
  });

  it('shows back on the error card everything the person typed', () => {
    const kept = [{ label: 'Specific', value: 'Read a Year 6 book aloud </script> & more' }];
    const json = JSON.stringify(render('error', { ...sample('error'), kept }));
    expect(json).toContain('What we kept');
    expect(json).toContain('Read a Year 6 book aloud </script> & more');
  });

  it('shows the inputs for the kind of contribution asked for, and only those', () => {
    const ids = (kind: string) => cardParts(render('contribution-request', { ...sample('contribution-request'), kind, values: {} })).inputs.map((i) => i.id);
    expect(ids('school')).toEqual(['attendancePercent', 'attainment', 'exclusions', 'text']);
    expect(ids('carer')).toEqual(['observations', 'text']);
    expect(ids('health')).toEqual(['health', 'text']);
    expect(ids('other')).toEqual(['text']);
  });

  it('words the child’s questions for their age', () => {
    const label = (yearGroup: number) => cardParts(render('child-voice-prompt', { ...sample('child-voice-prompt'), yearGroup })).inputs[1]?.label;
    expect(label(3)).toBe('What is going well?');
    expect(label(10)).toBe('What’s going well for you at school?');
  });
});

describe('invalid card data', () => {
  it('is refused with a message naming the card and the field', () => {
    const error = refusal(() => render('invitation', { ...sample('invitation'), startsAt: 'next Tuesday' }));
    expect(error.code).toBe('CARD.INVALID_DATA');
    expect(error.message).toMatch(/^The "invitation" card cannot be shown: startsAt: /);
    expect(error.details.problems).toEqual([expect.objectContaining({ field: 'startsAt' })]);
  });

  it('is refused when a key is unknown, rather than carried along', () => {
    expect(refusal(() => render('carer-prompt', { ...sample('carer-prompt'), surname: 'Ellis' })).message).toContain('Unrecognized key: "surname"');
  });

  it('is refused when a list is over the card’s limit', () => {
    const actions = Array.from({ length: 21 }, (_, i) => ({ id: `a${i}`, description: 'x', owner: { role: 'child' }, dueDate: '2026-03-13', status: 'open', acknowledged: false }));
    expect(refusal(() => render('live-actions', { ...sample('live-actions'), actions })).message).toContain('at most 20 actions');
  });
});

describe('cards for group and meeting chats', () => {
  it('are the agenda, the meeting start, the action lists, the goal form and the attendance record', () => {
    expect(GROUP_CARDS).toEqual(['agenda', 'meeting-start', 'previous-actions', 'live-actions', 'goal-form', 'attendance-record']);
  });

  it.each(GROUP_CARDS)('%s refuses the child’s full name wherever it is put', (name) => {
    const data = sample(name);
    expect(refusal(() => render(name, { ...data, child: { ...(data.child as object), fullName: 'Jamie Doe' } })).message).toContain('fullName');
    expect(refusal(() => render(name, { ...data, childName: 'Jamie Doe' })).message).toContain('childName');
    expect(refusal(() => render(name, { ...data, fullName: 'Jamie Doe' })).message).toContain('fullName');
  });

  it.each(GROUP_CARDS)('%s shows the child by initials and PEP reference only', (name) => {
    const json = JSON.stringify(render(name, cardSample(name)));
    expect(json).toContain('JD');
    expect(json).not.toMatch(/Jamie/);
  });

  it('refuses a name on the child when the child is listed as a person', () => {
    const data = sample('meeting-start');
    const error = refusal(() => render('meeting-start', { ...data, present: [{ role: 'child', name: 'Jamie Doe' }] }));
    expect(error.message).toContain('Unrecognized key: "name"');
  });
});
