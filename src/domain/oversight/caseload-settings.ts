import { z } from 'zod';
import { OversightRoleSchema } from '../actor.js';

/**
 * The caseload page's sign-in and the weekly digest. The identity provider's address and the
 * client's credentials are environment variables (CASELOAD_OIDC_*, src/config.ts): a secret has no
 * place in a settings file. What stays here is the council's own mapping from the groups its
 * directory sends to the oversight roles PEP Bot knows, and when the digest goes out.
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

export const CaseloadSettingsSchema = z.strictObject({
  /** The ID token claim that lists the user's groups: Microsoft Entra ID sends `groups` (object ids). */
  groupsClaim: z.string().min(1).max(100).default('groups'),
  /** Group id (as the claim carries it) → the role a member gets. A user in no listed group is refused. */
  groupRoles: z.record(z.string().min(1).max(200), OversightRoleSchema).default({}),
  /** How long a sign-in lasts before the identity provider is asked again (and the groups re-read). */
  sessionMinutes: z.number().int().min(5).max(480).default(60),
  /** When each Virtual School officer gets the caseload digest, in the bot's time zone (TZ_DEFAULT). */
  digest: z
    .strictObject({
      weekday: WeekdaySchema.default('monday'),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM, for example 08:30.').default('08:00'),
    })
    .prefault({}),
});
export type CaseloadSettings = z.infer<typeof CaseloadSettingsSchema>;
