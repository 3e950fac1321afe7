import { z } from 'zod';
import { ConfigError, loadConfig, parseEnvironment } from '../../config.js';

/**
 * The bot's Azure identity, from the environment. With an app id, every inbound request must carry
 * a Bot Framework JWT for it. Anonymous mode (the Agents Playground sends no token) is never
 * inferred: it is asked for with TEAMS_ANONYMOUS=1, and refused unless both the address the bot
 * listens on and the address its links name are this machine's. A bot behind a reverse proxy
 * listens on 127.0.0.1 yet is reachable by anyone, so HOST alone proves nothing. With neither an
 * app id nor the opt-in, Teams is off: no endpoint rather than one that believes whoever posts.
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
    TEAMS_ANONYMOUS: z.enum(['0', '1'], { error: '1 (a local trial with the Agents Playground) or 0' }).default('0'),
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
const VARIABLES: readonly VariableName[] = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TYPE', 'MICROSOFT_APP_TENANT_ID', 'TEAMS_ANONYMOUS'];

const LOOPBACK = /^(127(\.\d{1,3}){3}|\[?::1\]?|localhost)$/i;

/** Why anonymous mode may not run here, or undefined when both addresses are this machine's. */
function notLocal(env: NodeJS.ProcessEnv): string | undefined {
  const { host, publicBaseUrl } = loadConfig(env);
  if (!LOOPBACK.test(new URL(publicBaseUrl).hostname)) return `PUBLIC_BASE_URL is ${publicBaseUrl}`;
  if (!LOOPBACK.test(host)) return `HOST is ${host}`;
  return undefined;
}

/**
 * Parses the Teams variables; a bad one stops start-up with its name (the password is never
 * echoed). Undefined when Teams is off: no app id and no TEAMS_ANONYMOUS=1.
 */
export function loadTeamsConfig(env: NodeJS.ProcessEnv = process.env): TeamsConfig | undefined {
  const { vars } = parseEnvironment(EnvSchema, VARIABLES, env, new Set(['MICROSOFT_APP_PASSWORD']));
  if (!vars.MICROSOFT_APP_ID) {
    if (vars.TEAMS_ANONYMOUS === '0') return undefined;
    const reason = notLocal(env);
    if (reason) {
      throw new ConfigError([
        `TEAMS_ANONYMOUS=1 (Teams without authentication) is for a local trial only, and ${reason}: unset TEAMS_ANONYMOUS, or set PUBLIC_BASE_URL and HOST to loopback addresses (127.0.0.1)`,
      ]);
    }
    return Object.freeze({ mode: 'anonymous' });
  }
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
