import { z } from 'zod';
import { SchoolTermKeySchema, schoolTermLabelOfKey } from '../../domain/school-term.js';
import { ChildTagSchema, Id } from './common.js';

const Line = z.strictObject({ label: z.string().min(1).max(40), text: z.string().min(1).max(300) });

/**
 * The child is flagged by the evidence (seed benefit 5: early identification): to the organiser and
 * the Virtual School officers, before the next meeting. Names the child by initials and PEP
 * reference only, and says why, with each figure's trend since the last PEP.
 */
export const EvidenceFlagsDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    term: SchoolTermKeySchema,
    flags: z.array(z.string().min(1).max(200)).min(1).max(10),
    trend: z.array(Line).max(10).default([]),
    nextMeetingText: z.string().max(200).default(''),
  })
  .transform((d) => ({ ...d, term: schoolTermLabelOfKey(d.term), hasTrend: d.trend.length > 0, flagCount: d.flags.length === 1 ? 'One thing to look at' : `${d.flags.length} things to look at` }));
