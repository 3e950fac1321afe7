import { z } from 'zod';
import { ProblemsSchema, typedChoice, typedDate, typedText } from './common.js';

/** The organiser's form to create a meeting and invite everyone (Teams dialog card, Slack modal). */
export const MeetingFormDataSchema = z.strictObject({
  values: z
    .strictObject({
      childRef: typedText(32),
      childInitials: typedText(3),
      yearGroup: typedChoice,
      date: typedDate,
      time: typedChoice,
      durationMinutes: typedChoice,
      place: typedText(300),
      onlineUrl: typedText(2000),
      organiserRole: typedChoice,
      participants: typedText(4000),
    })
    .prefault({}),
  errors: ProblemsSchema,
});
