import { z } from 'zod';
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

/** Posted in the group chat, so it knows the child only by initials and PEP reference. */
export const AgendaDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    ...meetingTimeFields,
    items: z
      .array(z.strictObject({ id: Id, title: AgendaItemSchema.shape.title, suggestedBy: GroupPersonSchema.optional() }))
      .min(1)
      .max(30),
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
    numberedItems: d.items.map((item, index) => ({
      text: `${index + 1}. ${item.title}${item.suggestedBy ? ` (suggested by ${groupPersonName(item.suggestedBy, d.child)})` : ''}`,
    })),
    signedText: d.signedBy.length > 0 ? `Signed off by: ${names(d.signedBy, d.child)}` : 'Nobody has signed off yet.',
    waitingText: d.waitingFor.length > 0 ? `Waiting for: ${names(d.waitingFor, d.child)}` : '',
    childVoiceRows: childVoiceRows(d.childVoice),
  }));
