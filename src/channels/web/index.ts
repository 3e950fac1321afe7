/** The secure-link channel, for the composition root (src/main.ts). */
export type { WebChannel, WebChannelOptions } from './web-channel.js';
export { createWebChannel } from './web-channel.js';
export type { WebConfig } from './web-config.js';
export { loadWebConfig } from './web-config.js';
