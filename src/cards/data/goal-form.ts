import { z } from 'zod';
import { AgendaItemSchema, GoalSchema } from '../../domain/model.js';
import { shorten } from '../format.js';
import { ChildTagSchema, Id, ProblemsSchema, typedChoice, typedDate, typedText } from './common.js';

const max = (field: 'title' | 'specific' | 'measurable' | 'achievable' | 'relevant'): number => GoalSchema.shape[field].maxLength ?? 0;

/** Step 8: a goal is only accepted with all five SMART parts, so the form asks for each by name. */
export const GoalFormDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    agendaItems: z.array(z.strictObject({ id: Id, title: AgendaItemSchema.shape.title })).max(30).default([]),
    values: z
      .strictObject({
        title: typedText(max('title')),
        specific: typedText(max('specific')),
        measurable: typedText(max('measurable')),
        achievable: typedText(max('achievable')),
        relevant: typedText(max('relevant')),
        timeBound: typedDate,
        agendaItemId: typedChoice,
      })
      .prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    hasAgendaItems: d.agendaItems.length > 0,
    agendaChoices: d.agendaItems.map((item) => ({ title: shorten(item.title, 75), value: item.id })),
  }));
