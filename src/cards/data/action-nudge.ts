import { z } from 'zod';
import { ActionSchema } from '../../domain/model.js';
import { formatDay } from '../format.js';
import { ChildTagSchema, Id, LocalDate, PersonName, ProblemsSchema, typedDate, typedText } from './common.js';

const NudgeStageSchema = z.enum(['before_due', 'due_today', 'overdue']);

/** A direct message about one action: before it is due, on the day, and once it is overdue. */
export const ActionNudgeDataSchema = z
  .strictObject({
    meetingId: Id,
    actionId: Id,
    child: ChildTagSchema,
    recipientName: PersonName,
    description: ActionSchema.shape.description,
    dueDate: LocalDate,
    stage: NudgeStageSchema,
    values: z
      .strictObject({ newDueDate: typedDate, blockedReason: typedText(ActionSchema.shape.blockedReason.unwrap().maxLength ?? 0) })
      .prefault({}),
    errors: ProblemsSchema,
  })
  .transform((d) => {
    const due = formatDay(d.dueDate);
    const heading = {
      before_due: `Reminder: an action is due on ${due}`,
      due_today: 'An action is due today',
      overdue: `An action is overdue (it was due on ${due})`,
    }[d.stage];
    return { ...d, heading, dueText: due };
  });
