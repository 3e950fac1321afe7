import type { CommandOf } from '../commands.js';
import type { CommandContext, Outcome } from '../context.js';
import { refuse } from '../errors.js';
import { requireStatus } from '../lifecycle.js';
import type { Meeting } from '../model.js';
import { actingParticipant } from '../permissions.js';
import { hasSigned, isFullySigned } from './signatories.js';

/** The refusal names the first few changes; the new card and the plan list them all. */
const SHOWN_CHANGES = 3;

/**
 * Step 11: a key stakeholder confirms the written plan. Only a signatory, only for the version in
 * force (the card names the version it showed, so nobody signs words that have since changed),
 * and once per version.
 */
export function signPlan(meeting: Meeting, command: CommandOf<'signPlan'>, ctx: CommandContext): Outcome {
  const signer = actingParticipant(meeting, ctx);
  requireStatus(meeting, ['concluded', 'plan_distributed'], 'sign off the plan');
  const plan = meeting.plan;
  if (!plan) refuse('MEETING.WRONG_STATUS', 'This meeting was closed before written plans were kept, so there is nothing to sign.');
  if (!plan.signatories.includes(signer.id)) {
    refuse('PLAN.NOT_SIGNATORY', 'You were sent the plan for information: you are not one of the people asked to sign it off.');
  }
  if (command.planVersion !== plan.version) {
    const latest = plan.amendments.at(-1);
    const what = latest ? ` What changed: ${latest.changes.slice(0, SHOWN_CHANGES).join(' ')}${latest.changes.length > SHOWN_CHANGES ? ' …' : ''}` : '';
    refuse('PLAN.VERSION_CHANGED', `The plan has changed since this card was sent; it is now version ${plan.version}.${what}`, {
      signed: command.planVersion,
      current: plan.version,
    });
  }
  if (hasSigned(plan, signer.id)) refuse('PLAN.ALREADY_SIGNED', `You have already signed off version ${plan.version} of this plan.`);
  plan.signOffs.push({ participantId: signer.id, version: plan.version, at: ctx.at });
  return {
    summary: `Written plan version ${plan.version} signed off by the ${signer.role}`,
    alerts: isFullySigned(plan) ? [{ kind: 'plan_signed_off', version: plan.version }] : [],
  };
}
