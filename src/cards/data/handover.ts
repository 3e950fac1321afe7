import { z } from 'zod';
import { ChildSchema } from '../../domain/model.js';
import { ChildTagSchema, Id, ProblemsSchema, describeMeetingTime, meetingTimeFields, typedText } from './common.js';

/**
 * After a change of school, to the organiser: invite the new designated teacher to the child's
 * next PEP, where the current plan, the open actions and the child's views are. The organiser
 * confirms (and may correct) who they are.
 */
export const HandoverDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    school: ChildSchema.shape.school.unwrap(),
    ...meetingTimeFields,
    /** Where the child's statutory clock stands now. */
    clock: z.string().min(1).max(300),
    values: z.strictObject({ teacherName: typedText(120), teacherEmail: typedText(254) }).prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => ({
    ...d,
    heading: `${d.child.initials} (${d.child.ref}) has moved to ${d.school}`,
    message: `Invite their new designated teacher to the next PEP (${describeMeetingTime(d)}): they will see the current plan, the open actions and the child's views there. Everyone already invited stays on it and earlier plans are kept as they were.`,
  }));
