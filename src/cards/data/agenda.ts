import { z } from 'zod';
import { MAX_OPEN_SUGGESTIONS } from '../../domain/agenda.js';
import { AgendaItemSchema, ChildVoiceAnswerSchema } from '../../domain/model.js';
import { shorten } from '../format.js';
import type { ChildTag, GroupPerson } from './common.js';
import { ChildTagSchema, describeMeetingTime, GroupPersonSchema, groupPersonLabel, groupPersonName, Id, MAX_PEOPLE, meetingTimeFields, ProblemsSchema, SHOWN_IN_LIST, typedText } from './common.js';
import { FEELING_LABELS, scaleLabel } from './prompt-labels.js';

const names = (people: readonly GroupPerson[], child: ChildTag) => people.map((p) => groupPersonLabel(p, child)).join(', ');

/** The child's answers to their prompt: no name, the card attributes them by initials. */
const ChildVoiceSchema = ChildVoiceAnswerSchema.omit({ kind: true }).strict();
function childVoiceRows(voice: z.infer<typeof ChildVoiceSchema> | undefined): { title: string; value: string }[] {
  if (!voice) return [];
  const said = (title: string, text: string | undefined) => (text?.trim() ? [{ title, value: shorten(text, SHOWN_IN_LIST) }] : []);
  return [
    { title: 'How school feels', value: scaleLabel(FEELING_LABELS, voice.feeling) },
    ...said('Going well', voice.goingWell),
    ...said('Hard', voice.hard),
    ...said('Would like', voice.want),
  ];
}

const Suggestion = z.strictObject({ id: Id, title: AgendaItemSchema.shape.title, suggestedBy: GroupPersonSchema });
/** The card lists the latest declines; the meeting's record keeps them all. */
export const MAX_DECLINED_SHOWN = 3;

/** A suggestion's row starts with its title; accepted, it shows in full. */
const ROW_TITLE = 120;
/** Who suggested an item, short enough for a row: the title is what they will recognise. */
const suggester = (person: GroupPerson, child: ChildTag) => shorten(groupPersonName(person, child), 40);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** What the organiser is asked before locking: open suggestions and missing sign-offs, in words. */
function lockQuestions(d: { suggestions: unknown[]; signedBy: unknown[]; waitingFor: unknown[] }): string[] {
  const open = d.suggestions.length;
  const everyone = d.signedBy.length + d.waitingFor.length;
  return [
    ...(open > 0
      ? [`${open} ${plural(open, 'suggestion is', 'suggestions are')} still open: accept or decline ${plural(open, 'it', 'them')} above, or lock anyway and ${plural(open, 'it', 'they')} will be listed under any other business.`]
      : []),
    ...(d.waitingFor.length > 0 ? [`${d.signedBy.length} of ${everyone} people have signed off the agenda.`] : []),
  ];
}

/** Posted in the group chat, so it knows the child only by initials and PEP reference. */
export const AgendaDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    ...meetingTimeFields,
    /** What people sign: the organiser's items and the suggestions accepted. */
    items: z.array(z.strictObject({ id: Id, title: AgendaItemSchema.shape.title })).max(30),
    /** Suggestions still open: the organiser accepts or declines each; once locked, raised under any other business. */
    suggestions: z.array(Suggestion).max(MAX_OPEN_SUGGESTIONS).default([]),
    declined: z.array(Suggestion.omit({ id: true })).max(MAX_DECLINED_SHOWN).default([]),
    /** Declined before the ones listed: counted, so the list never looks complete when it is not. */
    declinedEarlier: z.number().int().min(0).default(0),
    /** The organiser pressed Lock while something above is incomplete: ask before locking. */
    confirmLock: z.boolean().default(false),
    signedBy: z.array(GroupPersonSchema).max(MAX_PEOPLE).default([]),
    waitingFor: z.array(GroupPersonSchema).max(MAX_PEOPLE).default([]),
    locked: z.boolean().default(false),
    /** Once the child has answered their prompt, their views open the discussion. */
    childVoice: ChildVoiceSchema.optional(),
    values: z.strictObject({ title: typedText(AgendaItemSchema.shape.title.maxLength ?? 0) }).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    when: describeMeetingTime(d),
    numberedItems: d.items.map((item, index) => ({ text: `${index + 1}. ${item.title}` })),
    suggestionRows: d.suggestions.map((s) => ({ id: s.id, text: `${shorten(s.title, ROW_TITLE)} (suggested by ${suggester(s.suggestedBy, d.child)})` })),
    declinedRows: d.declined.map((s) => ({ text: `• ${shorten(s.title, ROW_TITLE)} (suggested by ${suggester(s.suggestedBy, d.child)})` })),
    declinedEarlierText: d.declinedEarlier > 0 ? `…and ${d.declinedEarlier} declined earlier.` : '',
    lockQuestions: d.confirmLock && !d.locked ? lockQuestions(d) : [],
    signedText: d.signedBy.length > 0 ? `Signed off by: ${names(d.signedBy, d.child)}` : 'Nobody has signed off yet.',
    waitingText: d.waitingFor.length > 0 ? `Waiting for: ${names(d.waitingFor, d.child)}` : '',
    childVoiceRows: childVoiceRows(d.childVoice),
  }));
