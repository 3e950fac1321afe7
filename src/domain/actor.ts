import { z } from 'zod';

/**
 * Who is acting, however they reached PEP Bot: a meeting participant (from a chat identity or a
 * secure link), a Virtual School officer (from a chat identity in the council's settings, or a
 * signed-in web user whose role came from the identity provider's group claim), or the scheduler.
 * Channels resolve the actor; the rules only ever see this.
 */

export const OVERSIGHT_ROLES = ['virtual_school_head', 'virtual_school_officer', 'data_protection_officer'] as const;
export const OversightRoleSchema = z.enum(OVERSIGHT_ROLES);
export type OversightRole = z.infer<typeof OversightRoleSchema>;

export const OVERSIGHT_ROLE_LABELS: Record<OversightRole, string> = {
  virtual_school_head: 'Virtual School Head',
  virtual_school_officer: 'Virtual School officer',
  data_protection_officer: 'Data protection officer',
};

/** A council officer who oversees PEPs without being invited to them. */
export const OfficerSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'An officer id uses lower-case letters, digits and dashes, for example vs-amy.'),
  name: z.string().min(1).max(120),
  email: z.email().transform((e) => e.toLowerCase()).optional(),
  slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/).optional(),
  teamsAadObjectId: z.string().min(1).max(64).optional(),
  roles: z.array(OversightRoleSchema).min(1),
});
export type Officer = z.infer<typeof OfficerSchema>;

export type Actor =
  | { kind: 'participant'; meetingId: string; participantId: string }
  | { kind: 'link'; meetingId: string; participantId: string; linkId: string }
  | { kind: 'officer'; officer: Officer }
  | { kind: 'system' };

/** The audit's actor id for an officer: never a participant id, which are random. */
export const officerActorId = (officer: Pick<Officer, 'id'>): string => `officer:${officer.id}`;

export const hasOversightRole = (officer: Officer | undefined, ...roles: OversightRole[]): officer is Officer =>
  officer !== undefined && officer.roles.some((role) => roles.includes(role));
