/** The Slack channel, as the composition root sees it; imported only when Slack is configured (src/channel-setup.ts). */
export type { SlackChannel, SlackChannelDeps } from './channel.js';
export { createSlackChannel, SLACK_EVENTS_PATH } from './channel.js';
export type { SlackConfig } from './config.js';
export { loadSlackConfig } from './config.js';
