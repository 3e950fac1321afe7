import { z } from 'zod';
import { ActionSchema } from '../../domain/model.js';
import { shorten } from '../format.js';
import { ChildTagSchema, dayOrEmpty, GroupPersonSchema, groupPersonLabel, Id, LocalDate, MAX_ACTIONS, SHOWN_IN_LIST } from './common.js';

/** The action list in the meeting chat, updated in place as actions are captured. */

export const LiveActionsDataSchema = z
  .strictObject({
    meetingId: Id,
    child: ChildTagSchema,
    actions: z
      .array(
        z.strictObject({
          id: Id,
          description: ActionSchema.shape.description,
          owner: GroupPersonSchema,
          dueDate: LocalDate,
          status: ActionSchema.shape.status,
          acknowledged: z.boolean(),
        }),
      )
      .max(MAX_ACTIONS, `The live list shows at most ${MAX_ACTIONS} actions; the written plan lists them all.`),
  })
  .transform((d) => ({
    ...d,
    countText: d.actions.length === 1 ? '1 action so far' : `${d.actions.length} actions so far`,
    rows: d.actions.map((a) => ({
      id: a.id,
      description: shorten(a.description, SHOWN_IN_LIST),
      details: `${groupPersonLabel(a.owner, d.child)} · due ${dayOrEmpty(a.dueDate)} · ${progress(a)}`,
      canAcknowledge: a.status === 'open' && !a.acknowledged,
    })),
  }));

function progress(action: { status: string; acknowledged: boolean }): string {
  if (action.status === 'done') return 'Done';
  if (action.status === 'blocked') return 'Blocked';
  return action.acknowledged ? 'Acknowledged' : 'Not acknowledged yet';
}
