import type { DueAction } from '../../ports/store.js';
import { DUE_STATUSES, instantMillis } from '../query-rules.js';
import type { Sealer } from '../encryption/sealed-documents.js';
import { parseStoredAction } from '../stored-data.js';
import type { ActionDocument, Collections } from './documents.js';

/**
 * The first $match picks meetings through the by_action_due index; after $unwind the second keeps
 * only the actions that are themselves due, not their siblings in the same meeting.
 */
export async function actionsDueBefore({ meetings }: Collections, instant: string, sealer: Sealer): Promise<DueAction[]> {
  const due = { status: { $in: [...DUE_STATUSES] }, dueAtDate: { $lt: new Date(instantMillis(instant)) } };
  const rows = await meetings
    .aggregate<{ _id: string; action: ActionDocument }>([
      { $match: { actions: { $elemMatch: due } } },
      { $unwind: '$actions' },
      { $match: { 'actions.status': due.status, 'actions.dueAtDate': due.dueAtDate } },
      { $sort: { 'actions.dueAtDate': 1, _id: 1, 'actions.id': 1 } },
      { $project: { _id: 1, action: '$actions' } },
    ])
    .toArray();
  return rows.map((row) => ({ meetingId: row._id, action: parseStoredAction(sealer.openAction(row.action), row._id) }));
}
