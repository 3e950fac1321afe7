import type { Meeting, Participant, PlanState } from '../model.js';
import type { Role } from '../roles.js';

/**
 * Who signs the written plan (step 11: "signed by all key stakeholders"). "organiser" means the
 * meeting's organiser whatever their role, so a social worker who runs the meeting signs as such.
 */
export const DEFAULT_PLAN_SIGNATORY_ROLES: readonly Role[] = ['organiser', 'designated_teacher', 'carer', 'virtual_school_officer'];

export function signatoriesFor(meeting: Meeting, roles: readonly Role[]): Participant[] {
  return meeting.participants.filter((p) => roles.includes(p.role) || (roles.includes('organiser') && p.id === meeting.organiserId));
}

/** Only a sign-off of the version in force counts: a change to the plan asks everyone again. */
export const hasSigned = (plan: PlanState, participantId: string): boolean =>
  plan.signOffs.some((s) => s.participantId === participantId && s.version === plan.version);

export const currentSignOffs = (plan: PlanState) => plan.signOffs.filter((s) => s.version === plan.version);

export const waitingFor = (plan: PlanState): string[] => plan.signatories.filter((id) => !hasSigned(plan, id));

export const isFullySigned = (plan: PlanState): boolean => waitingFor(plan).length === 0;
