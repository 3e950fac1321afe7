import { auditEvent } from '../audit.js';
import type { Alert, CommandContext } from '../context.js';
import type { AuditEvent, Meeting } from '../model.js';
import { withStep } from './qa-state.js';

/** The most changes kept since approval (the limit of QaStateSchema.changesSinceApproval). */
const MAX_CHANGES = 50;

/**
 * An approved plan is locked: any later change to what it says (whoever made it, by whatever
 * command) reopens the review and tells the officer what changed. Changes while it is already
 * reopened add to the list, so the officer sees everything since their approval.
 */
export function reopenOnPlanChange(draft: Meeting, changes: readonly string[], ctx: CommandContext): { event: AuditEvent; alerts: Alert[] } | undefined {
  const qa = draft.qa;
  if (changes.length === 0 || (qa?.status !== 'approved' && qa?.status !== 'reopened')) return undefined;
  const wasApproved = qa.status === 'approved';
  const since = [...(wasApproved ? [] : (qa.changesSinceApproval ?? [])), ...changes].slice(-MAX_CHANGES);
  draft.qa = withStep({ ...qa, status: 'reopened', changesSinceApproval: since }, { kind: 'reopened', at: ctx.at, by: ctx.actorId });
  const count = changes.length === 1 ? '1 change' : `${changes.length} changes`;
  const summary = wasApproved ? `Quality review reopened: the approved plan changed (${count})` : `The plan changed again while its quality review is reopened (${count})`;
  // The officer is told once, when the approval is lost; later changes join the list on their card.
  return { event: auditEvent(draft.id, 'qaReopened', summary, { changes }, ctx), alerts: wasApproved ? [{ kind: 'qa_review_due', reason: 'reopened' }] : [] };
}
