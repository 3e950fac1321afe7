import type { CardDelivery } from './app/delivery.js';
import type { AppDeps } from './app/deps.js';
import { loadSlackConfig } from './channels/slack/config.js';
import type { SlackConfig } from './channels/slack/config.js';
import { loadTeamsConfig } from './channels/teams/teams-config.js';
import type { TeamsConfig } from './channels/teams/teams-config.js';
import { caseloadReader } from './app/caseload/load-caseload.js';
import { caseloadRoutes } from './channels/web/caseload/caseload-routes.js';
import { createWebChannel, loadWebConfig } from './channels/web/index.js';
import { planRoutes } from './channels/web/plan/plan-routes.js';
import { policyPages } from './channels/web/policy-pages.js';
import type { WebConfig } from './channels/web/index.js';
import { whoLookedReader } from './app/data-protection/who-looked.js';
import { subjectAccessForOfficer } from './app/data-protection/export-request.js';
import type { Channel } from './compose.js';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';

/** Each channel's own settings; a chat channel is undefined when it is not configured. */
export interface ChannelConfigs {
  slack: SlackConfig | undefined;
  teams: TeamsConfig | undefined;
  web: WebConfig;
}

/** Throws ConfigError naming the variable, like loadConfig. */
export function loadChannelConfigs(env: NodeJS.ProcessEnv = process.env): ChannelConfigs {
  return { slack: loadSlackConfig(env), teams: loadTeamsConfig(env), web: loadWebConfig(env) };
}

/** The chat channels left unconfigured, for /readyz: `off` is a choice, never a fault. */
export function channelsOff(configs: ChannelConfigs): Record<string, 'off'> {
  return Object.fromEntries((['teams', 'slack'] as const).filter((name) => !configs[name]).map((name) => [name, 'off']));
}

/**
 * The channels that are configured, built on the core they call into. A chat channel's code, and
 * the SDK under it (botbuilder, Bolt), is imported only when that channel is on:
 * loading them costs most of a second and tens of megabytes that a bot without them never uses.
 */
export async function buildChannels(configs: ChannelConfigs, core: { deps: AppDeps; delivery: CardDelivery }, config: Config, logger: Logger): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (configs.teams) {
    const { createTeamsChannel } = await import('./channels/teams/index.js');
    channels.push(createTeamsChannel({ config: configs.teams, deps: core.deps, delivery: core.delivery, logger }));
  } else {
    logger.info(
      { channel: 'teams', state: 'off' },
      'Teams is off: /api/messages is not served. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID for a real tenant, or run npm run playground for a local trial (TEAMS_ANONYMOUS=1).',
    );
  }
  if (configs.slack) {
    const { createSlackChannel } = await import('./channels/slack/index.js');
    channels.push(createSlackChannel({ config: configs.slack, deps: core.deps, delivery: core.delivery, logger }));
  }
  const web = createWebChannel({ config, web: configs.web, deps: core.deps, logger });
  channels.push({
    name: 'web',
    module: web.module,
    linkSender: web.linkSender,
    linkDays: web.linkDays,
    stop: async () => web.close(),
  });
  channels.push({ name: 'plan', module: planRoutes({ app: core.deps, publicBaseUrl: config.publicBaseUrl, logger: logger.child({ channel: 'plan' }) }) });
  const base = new URL(config.publicBaseUrl);
  channels.push({ name: 'policies', module: policyPages({ https: base.protocol === 'https:', basePath: base.pathname.replace(/\/+$/, '') }) });
  channels.push({ name: 'caseload', module: caseloadModule(core.deps, config, logger) });
  return channels;
}

/** The Virtual School's caseload page (/caseload): served always, saying so when sign-in is not set up. */
function caseloadModule(deps: AppDeps, config: Config, logger: Logger) {
  return caseloadRoutes({
    signIn: config.caseloadSignIn,
    settings: config.council.caseload,
    officers: config.council.officers,
    publicBaseUrl: config.publicBaseUrl,
    loadRows: caseloadReader(deps, config.council.calendar, config.timeZone),
    clock: deps.clock,
    logger: logger.child({ channel: 'caseload' }),
    whoLooked: whoLookedReader(deps),
    subjectAccess: subjectAccessForOfficer(deps),
  });
}
