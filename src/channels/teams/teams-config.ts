import { z } from 'zod';
import { parseEnvironment } from '../../config.js';

/**
 * The bot's Azure identity, from the environment. With an app id, every inbound request must carry
 * a Bot Framework JWT for it. Without one the channel runs in anonymous local mode (the Agents
 * Playground sends no token), but only while the server listens on this machine alone: a server
 * reachable from elsewhere with no app id (say a Slack-only deployment) gets no Teams endpoint at
 * all, rather than one that believes whoever posts to it.
 */
const TEAMS_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

export type TeamsConfig =
  | { readonly mode: 'anonymous' }
  | {
      readonly mode: 'authenticated';
      readonly appId: string;
      /** Absent only for a user-assigned managed identity, which has no secret. */
      readonly appPassword: string | undefined;
      readonly appType: TeamsAppType;
      readonly tenantId: string | undefined;
    };

const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a GUID such as 00000000-0000-0000-0000-000000000000');

const EnvSchema = z
  .object({
    MICROSOFT_APP_ID: Guid.optional(),
    MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
    MICROSOFT_APP_TYPE: z.enum(TEAMS_APP_TYPES, { error: `one of ${TEAMS_APP_TYPES.join(', ')}` }).default('SingleTenant'),
    MICROSOFT_APP_TENANT_ID: Guid.optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.MICROSOFT_APP_ID) return;
    if (env.MICROSOFT_APP_TYPE !== 'MultiTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: `set: a ${env.MICROSOFT_APP_TYPE} bot needs its tenant id` });
    }
    if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: `set: a ${env.MICROSOFT_APP_TYPE} bot needs its client secret` });
    }
  });

type VariableName = keyof z.input<typeof EnvSchema>;
const VARIABLES: readonly VariableName[] = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TYPE', 'MICROSOFT_APP_TENANT_ID'];

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

/**
 * Parses the Teams variables; a bad one stops start-up with its name (the password is never
 * echoed). Undefined when Teams is off: no app id and HOST (default 127.0.0.1) is not loopback.
 */
export function loadTeamsConfig(env: NodeJS.ProcessEnv = process.env): TeamsConfig | undefined {
  const { vars } = parseEnvironment(EnvSchema, VARIABLES, env, new Set(['MICROSOFT_APP_PASSWORD']));
  if (!vars.MICROSOFT_APP_ID) return LOOPBACK.test(env.HOST || '127.0.0.1') ? Object.freeze({ mode: 'anonymous' }) : undefined;
  return Object.freeze({
    mode: 'authenticated',
    appId: vars.MICROSOFT_APP_ID,
    appPassword: vars.MICROSOFT_APP_PASSWORD,
    appType: vars.MICROSOFT_APP_TYPE,
    tenantId: vars.MICROSOFT_APP_TENANT_ID,
  });
}

/**
 * Only the app id, for what names the bot without acting as it (the Teams app package): the
 * password and tenant id are for signing in, and are neither asked for nor read.
 */
export function loadTeamsAppId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return parseEnvironment(z.object({ MICROSOFT_APP_ID: Guid.optional() }), ['MICROSOFT_APP_ID'], env).vars.MICROSOFT_APP_ID;
}

/** The id proactive sends run under: empty in anonymous mode, as botbuilder expects. */
export const botAppId = (config: TeamsConfig): string => (config.mode === 'authenticated' ? config.appId : '');
