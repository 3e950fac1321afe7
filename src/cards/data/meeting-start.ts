import { z } from 'zod';
import { MeetingSchema } from '../../domain/model.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import { ChildTagSchema, describeMeetingTime, GroupPersonSchema, groupPersonLabel, groupPersonName, Id, MAX_PEOPLE, meetingTimeFields } from './common.js';

/** Posted in the meeting chat at the start: who is here, in which role, and why we meet. */
export const MeetingStartDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    purpose: MeetingSchema.shape.purpose,
    ...meetingTimeFields,
    present: z.array(GroupPersonSchema).min(1).max(MAX_PEOPLE),
    apologies: z.array(GroupPersonSchema).max(MAX_PEOPLE).default([]),
  })
  .transform((d) => ({
    ...d,
    when: describeMeetingTime(d),
    presentFacts: d.present.map((p) => ({ title: groupPersonName(p, d.child), value: ROLE_LABELS[p.role] })),
    apologiesText: d.apologies.length > 0 ? `Apologies: ${d.apologies.map((p) => groupPersonLabel(p, d.child)).join(', ')}` : '',
  }));
