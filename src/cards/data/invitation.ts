import { z } from 'zod';
import { LocationSchema, MeetingSchema, RsvpAnswerSchema } from '../../domain/model.js';
import { ROLE_LABELS, RoleSchema } from '../../domain/roles.js';
import { ChildTagSchema, describeMeetingTime, Id, meetingTimeFields, PersonName, ProblemsSchema, typedText } from './common.js';
import { RSVP_LABELS } from './labels.js';

/** Sent to one participant; refreshed in Teams so their current answer shows. */
export const InvitationDataSchema = z
  .strictObject({
    meetingId: Id,
    participantId: Id,
    child: ChildTagSchema,
    recipientName: PersonName,
    role: RoleSchema,
    organiserName: PersonName,
    purpose: MeetingSchema.shape.purpose,
    ...meetingTimeFields,
    location: LocationSchema,
    answer: RsvpAnswerSchema.optional(),
    values: z.strictObject({ note: typedText(2000) }).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    when: describeMeetingTime(d),
    where: d.location.kind === 'online' ? 'Online (use the Join button)' : d.location.place,
    joinUrl: d.location.kind === 'online' ? d.location.url : '',
    roleLabel: ROLE_LABELS[d.role],
    answerLabel: d.answer ? RSVP_LABELS[d.answer] : '',
    /** The child's own invitation speaks to them in plain words, and never about "the child". */
    forChild: d.role === 'child',
    firstName: d.recipientName.trim().split(/\s+/)[0] ?? d.recipientName,
  }));
