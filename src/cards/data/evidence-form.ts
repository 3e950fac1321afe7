import { z } from 'zod';
import { ATTAINMENT_LEVELS, CORE_SUBJECTS } from '../../domain/evidence/evidence.js';
import { LEVEL_LABELS, SUBJECT_LABELS } from '../../domain/evidence/evidence-words.js';
import { localDate, writtenDay } from '../../domain/dates.js';
import { SchoolTermKeySchema, schoolTermLabelOfKey } from '../../domain/school-term.js';
import { ChildTagSchema, Id, PersonName, ProblemsSchema, typedChoice, typedNumber } from './common.js';

/**
 * Seed step 2: the designated teacher enters the term's attendance, suspensions and attainment per
 * core subject against expected (in chat, or on a secure link). Pre-filled with what is recorded,
 * or with what they typed when it comes back with the problems to fix.
 */
export const EvidenceFormDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    recipientName: PersonName,
    /** Who recorded the figures now kept, for which term, and when: a correction replaces them. */
    entered: z
      .strictObject({ term: SchoolTermKeySchema, by: z.string().min(1).max(160), at: z.iso.datetime({ offset: true }), source: z.enum(['card', 'csv']), timeZone: z.string().min(1) })
      .optional(),
    values: z
      .strictObject({
        attendancePercent: typedNumber,
        suspensionDays: typedNumber,
        permanentlyExcluded: typedChoice,
        ...Object.fromEntries(CORE_SUBJECTS.map((s) => [s, typedChoice])),
      })
      .prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    enteredText: d.entered
      ? `Figures for this PEP (${schoolTermLabelOfKey(d.entered.term)}) were entered by ${d.entered.by} ${d.entered.source === 'csv' ? "from the school's MIS " : ''}on ${writtenDay(localDate(d.entered.at, d.entered.timeZone))}. Sending again replaces them.`
      : '',
    subjects: CORE_SUBJECTS.map((subject) => ({ id: subject, label: `${SUBJECT_LABELS[subject]}: attainment against expected`, value: (d.values as Record<string, string>)[subject] ?? '' })),
    levels: [...ATTAINMENT_LEVELS].reverse().map((value) => ({ title: LEVEL_LABELS[value], value })),
  }));
