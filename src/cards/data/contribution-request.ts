import { z } from 'zod';
import { ContributionContentSchema, ContributionKindSchema } from '../../domain/model.js';
import { ChildTagSchema, dayOrEmpty, Id, LocalDate, PersonName, ProblemsSchema, typedNumber, typedText } from './common.js';
import { CONTRIBUTION_KIND_LABELS } from './labels.js';

/** The form keeps the domain's own length limits, so it never accepts what the domain would refuse. */
const limit = (field: 'attainment' | 'observations' | 'health' | 'text'): number =>
  ContributionContentSchema.shape[field].unwrap().maxLength ?? 0;

/** Asks one person for their part of the background (school data, carer observations, health). */
export const ContributionRequestDataSchema = z
  .strictObject({
    meetingId: Id,
    contributionId: Id,
    child: ChildTagSchema,
    kind: ContributionKindSchema,
    recipientName: PersonName,
    dueDate: LocalDate.optional(),
    values: z
      .strictObject({
        attendancePercent: typedNumber,
        attainment: typedText(limit('attainment')),
        exclusions: typedNumber,
        observations: typedText(limit('observations')),
        health: typedText(limit('health')),
        text: typedText(limit('text')),
      })
      .prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    kindLabel: CONTRIBUTION_KIND_LABELS[d.kind],
    dueText: dayOrEmpty(d.dueDate),
  }));
