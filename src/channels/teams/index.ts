/** The Teams channel, for the composition root, which imports it only when Teams is configured (src/channel-setup.ts). */
export type { TeamsChannel, TeamsChannelDeps } from './teams-channel.js';
export { createTeamsChannel } from './teams-channel.js';
export type { TeamsConfig } from './teams-config.js';
export { loadTeamsAppId, loadTeamsConfig } from './teams-config.js';
