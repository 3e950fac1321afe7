import { auditEvent } from '../audit.js';
import type { Alert, CommandContext } from '../context.js';
import { refuse } from '../errors.js';
import type { AuditEvent, Meeting } from '../model.js';
import type { Role } from '../roles.js';
import { ROLE_LABELS } from '../roles.js';
import { planChanges } from './changes.js';
import { planContent } from './content.js';
import { signatoriesFor } from './signatories.js';

/**
 * Issuing the written plan, version by version. Each version is recorded whole in the audit
 * trail (a "planIssued" event carrying what the plan said), so the plan of every meeting, at every
 * version, is kept with the same guarantees as the change that produced it.
 */

/** At conclusion: version 1, to be signed by the participants in the given roles. */
export function issuePlan(meeting: Meeting, roles: readonly Role[], ctx: CommandContext): void {
  const signatories = signatoriesFor(meeting, roles);
  if (signatories.length === 0) {
    refuse('PLAN.NO_SIGNATORIES', `Nobody in this meeting has one of the roles asked to sign the plan (${roles.map((role) => ROLE_LABELS[role]).join(', ')}).`, { roles });
  }
  meeting.plan = { version: 1, issuedAt: ctx.at, signatories: signatories.map((p) => p.id), signOffs: [], amendments: [] };
}

export interface PlanIssue {
  event: AuditEvent;
  alert: Alert;
  /** What changed since the version before, in words; empty for the first version. */
  changes: string[];
}

function issued(meeting: Meeting, changes: string[], ctx: CommandContext): PlanIssue {
  const plan = meeting.plan;
  if (!plan) throw new Error(`meeting ${meeting.id} has no plan to issue`);
  const summary =
    plan.version === 1
      ? `Written plan issued for sign-off by ${plan.signatories.length} people`
      : `Written plan changed (${changes.length === 1 ? '1 change' : `${changes.length} changes`}): version ${plan.version} issued and sign-off reopened`;
  const data = { version: plan.version, signatories: plan.signatories, changes, content: planContent(meeting) };
  return { event: auditEvent(meeting.id, 'planIssued', summary, data, ctx), alert: { kind: 'plan_issued', version: plan.version }, changes };
}

/**
 * Called by decide() after every command. When the command issued the plan, or changed what an
 * issued plan says, the new version is recorded and announced; earlier sign-offs stay on record
 * but no longer count, since they were for words that have changed.
 */
export function followPlanChanges(before: Meeting, after: Meeting, ctx: CommandContext): PlanIssue | undefined {
  if (!after.plan) return undefined;
  if (!before.plan) return issued(after, [], ctx);
  const changes = planChanges(planContent(before), planContent(after));
  if (changes.length === 0) return undefined;
  const version = after.plan.version + 1;
  after.plan.version = version;
  after.plan.issuedAt = ctx.at;
  after.plan.amendments.push({ version, at: ctx.at, by: ctx.actorId, changes });
  return issued(after, changes, ctx);
}
