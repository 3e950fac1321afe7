import { z } from 'zod';

export const ROLES = [
  'organiser',
  'social_worker',
  'designated_teacher',
  'carer',
  'child',
  'virtual_school_officer',
  'iro',
  'senco',
  'other',
] as const;

export const RoleSchema = z.enum(ROLES, {
  error: (issue) => `Unknown role "${String(issue.input)}". Use one of: ${ROLES.join(', ')}.`,
});
export type Role = z.infer<typeof RoleSchema>;

/** The meeting should not go ahead without these voices (PRODUCT.md, step 1). */
export const CRITICAL_ROLES: readonly Role[] = ['social_worker', 'designated_teacher', 'carer', 'child'];

export const isCriticalRole = (role: Role): boolean => CRITICAL_ROLES.includes(role);

export const ROLE_LABELS: Record<Role, string> = {
  organiser: 'Organiser',
  social_worker: 'Social worker',
  designated_teacher: 'Designated teacher',
  carer: 'Carer',
  child: 'Child or young person',
  virtual_school_officer: 'Virtual School officer',
  iro: 'Independent Reviewing Officer',
  senco: 'SENCO',
  other: 'Other',
};
