import { z } from 'zod';
import { ConfigError, parseEnvironment } from '../../config.js';

/** What the Slack channel needs to run; absent when Slack is not configured. */
export interface SlackConfig {
  readonly signingSecret: string;
  readonly botToken: string;
  /** Set for Socket Mode (local use): events arrive over a WebSocket instead of /slack/events. */
  readonly appToken: string | undefined;
  /** The Web API base URL, always ending with a slash (tests point it at a loopback server). */
  readonly apiUrl: string;
}

export const SLACK_API_URL = 'https://slack.com/api/';

const isHttpUrl = (value: string): boolean => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);

const SlackEnvSchema = z.object({
  SLACK_SIGNING_SECRET: z.string().regex(/^\S{8,}$/, 'the signing secret from the app\'s Basic Information page').optional(),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-\S+$/, 'a bot token starting with xoxb-').optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-\S+$/, 'an app-level token starting with xapp- (Socket Mode)').optional(),
  SLACK_API_URL: z
    .string()
    .refine(isHttpUrl, 'an http:// or https:// URL such as https://slack.com/api/')
    .transform((url) => (url.endsWith('/') ? url : `${url}/`))
    .optional(),
});

type SlackVariable = keyof typeof SlackEnvSchema.shape;
const NAMES = Object.keys(SlackEnvSchema.shape) as SlackVariable[];
/** Secrets are never echoed back, even when malformed. */
const SECRETS: ReadonlySet<SlackVariable> = new Set(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']);

/**
 * Slack runs when both the signing secret and the bot token are set, and not at all when neither
 * is. One without the other, or a malformed value, stops start-up naming the variable.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig | undefined {
  const { vars } = parseEnvironment(SlackEnvSchema, NAMES, env, SECRETS);
  if (!vars.SLACK_SIGNING_SECRET && !vars.SLACK_BOT_TOKEN) {
    if (vars.SLACK_APP_TOKEN) throw new ConfigError(['SLACK_APP_TOKEN is set, but Slack also needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN']);
    return undefined;
  }
  if (!vars.SLACK_SIGNING_SECRET) throw new ConfigError(['SLACK_SIGNING_SECRET must be set when SLACK_BOT_TOKEN is (both come from the Slack app\'s settings)']);
  if (!vars.SLACK_BOT_TOKEN) throw new ConfigError(['SLACK_BOT_TOKEN must be set when SLACK_SIGNING_SECRET is (both come from the Slack app\'s settings)']);
  return Object.freeze({
    signingSecret: vars.SLACK_SIGNING_SECRET,
    botToken: vars.SLACK_BOT_TOKEN,
    appToken: vars.SLACK_APP_TOKEN,
    apiUrl: vars.SLACK_API_URL ?? SLACK_API_URL,
  });
}
