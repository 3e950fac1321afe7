import { writtenDay } from '../dates.js';
import type { PlanContent } from './content.js';

/**
 * Which changes alter the written plan, and the words that tell the people asked to sign again.
 * Any difference in what the plan says (PlanContent) is a change, so a later command that edits a
 * goal or hands an action to someone else reopens sign-off with no new rule here; the rules below
 * only choose the words. Dates are written out ("Friday 11 December 2026"): people read these lines.
 */

type Section = keyof PlanContent;
type ListSection = 'goals' | 'resources' | 'actions';
type Item<S extends ListSection> = PlanContent[S][number];

interface Field<T> {
  label: string;
  value: (item: T, content: PlanContent) => string | undefined;
  /** Short values (dates, names) are quoted; long text only says that it changed. */
  quoted: boolean;
}

interface ListRule<T> {
  noun: string;
  name: (item: T) => string;
  fields: Field<T>[];
}

const money = (pence: number | undefined) => (pence === undefined ? undefined : `£${(pence / 100).toFixed(2)}`);
const goalTitle = (goalId: string | undefined, content: PlanContent) => content.goals.find((g) => g.id === goalId)?.title;

const LISTS: { [S in ListSection]: ListRule<Item<S>> } = {
  goals: {
    noun: 'Goal',
    name: (g) => g.title,
    fields: [
      { label: 'title', value: (g) => g.title, quoted: false },
      { label: 'specific part', value: (g) => g.specific, quoted: false },
      { label: 'measurable part', value: (g) => g.measurable, quoted: false },
      { label: 'achievable part', value: (g) => g.achievable, quoted: false },
      { label: 'relevant part', value: (g) => g.relevant, quoted: false },
      { label: 'target date', value: (g) => writtenDay(g.timeBound), quoted: true },
    ],
  },
  resources: {
    noun: 'Support',
    name: (r) => r.description,
    fields: [
      { label: 'kind', value: (r) => r.kind.replaceAll('_', ' '), quoted: true },
      { label: 'description', value: (r) => r.description, quoted: false },
      { label: 'cost', value: (r) => money(r.costPence), quoted: true },
    ],
  },
  actions: {
    noun: 'Action',
    name: (a) => a.description,
    fields: [
      { label: 'description', value: (a) => a.description, quoted: false },
      { label: 'owner', value: (a) => a.owner.name, quoted: true },
      { label: 'due date', value: (a) => writtenDay(a.dueDate), quoted: true },
      { label: 'goal', value: (a, content) => goalTitle(a.goalId, content), quoted: true },
    ],
  },
};

/** The sections nobody can change after the meeting today; if one ever does, it still counts. */
const OTHER_SECTIONS: Record<Exclude<Section, ListSection | 'nextReviewDate'>, string> = {
  child: 'The child reference',
  meeting: 'The meeting details',
  attendees: 'The list of attendees',
  absent: 'The list of apologies',
  contributions: 'The contributions received',
  voices: "The child's voice and carer views",
  previousActions: 'The review of previous actions',
  needs: 'The notes on current needs',
  transition: 'The transition section (pathway, careers guidance, post-16 options)',
  attendanceRecord: 'The record of who attended',
  evidence: "The school's attendance, exclusions and attainment",
};

const NAME_LENGTH = 80;
/** The limits of PlanAmendmentSchema.changes. */
const MAX_CHANGES = 50;
const CHANGE_LENGTH = 300;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const short = (text: string) => clip(text, NAME_LENGTH);
const dayOrNone = (isoDate: string | undefined) => (isoDate ? writtenDay(isoDate) : 'none');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listChanges<S extends ListSection>(section: S, before: PlanContent, after: PlanContent): string[] {
  const rule = LISTS[section] as ListRule<Item<S>>;
  const olds = before[section] as Item<S>[];
  const news = after[section] as Item<S>[];
  const label = (item: Item<S>) => `${rule.noun} "${short(rule.name(item))}"`;
  const removed = olds.filter((o) => !news.some((n) => n.id === o.id)).map((o) => `${label(o)} removed.`);
  const added = news.filter((n) => !olds.some((o) => o.id === n.id)).map((n) => `${label(n)} added.`);
  const changed = news.flatMap((n) => {
    const o = olds.find((candidate) => candidate.id === n.id);
    if (!o || same(o, n)) return [];
    const fields = rule.fields.flatMap((field) => {
      const [was, is] = [field.value(o, before), field.value(n, after)];
      if (was === is) return [];
      return [field.quoted ? `${field.label} changed from ${short(was ?? 'none')} to ${short(is ?? 'none')}` : `${field.label} changed`];
    });
    return [`${label(o)}: ${fields.length > 0 ? fields.join('; ') : 'changed'}.`];
  });
  return [...changed, ...added, ...removed];
}

/** What changed between two versions of the plan, in words; empty when they say the same thing. */
export function planChanges(before: PlanContent, after: PlanContent): string[] {
  const changes = [
    ...(Object.keys(OTHER_SECTIONS) as (keyof typeof OTHER_SECTIONS)[])
      .filter((section) => !same(before[section], after[section]))
      .map((section) => `${OTHER_SECTIONS[section]} changed.`),
    ...listChanges('goals', before, after),
    ...listChanges('resources', before, after),
    ...listChanges('actions', before, after),
    ...(before.nextReviewDate === after.nextReviewDate
      ? []
      : [`Next review date changed from ${dayOrNone(before.nextReviewDate)} to ${dayOrNone(after.nextReviewDate)}.`]),
  ];
  const listed = changes.length <= MAX_CHANGES ? changes : [...changes.slice(0, MAX_CHANGES - 1), `And ${changes.length - MAX_CHANGES + 1} more changes.`];
  return listed.map((change) => clip(change, CHANGE_LENGTH));
}
