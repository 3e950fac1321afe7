import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/channel.js';
import { DIRECT_MESSAGE_EVENT } from '../../../src/channels/slack/direct-messages.js';
import { HOME_OPENED_EVENT } from '../../../src/channels/slack/home-opened.js';
import { BOT_SCOPES, EVENT_SCOPES, METHOD_SCOPES } from '../../../src/channels/slack/scopes.js';
import { SLASH_COMMAND } from '../../../src/channels/slack/slash-command.js';

/**
 * manifest/slack/manifest.json against what the code registers: the slash command, the events,
 * interactivity (card buttons and the meeting form modal), the App Home tab and the scopes of
 * every Web API method the channel calls. Either side changing alone fails here.
 */
const RequestUrl = z.url().refine((url) => new URL(url).pathname === SLACK_EVENTS_PATH, `must end with ${SLACK_EVENTS_PATH}`);
const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean() }),
    bot_user: z.object({ display_name: z.string().min(1).max(80) }),
    slash_commands: z.array(z.object({ command: z.string(), url: RequestUrl, description: z.string().max(100), usage_hint: z.string().max(1000), should_escape: z.boolean() })),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: RequestUrl, bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: RequestUrl }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifest = ManifestSchema.parse(JSON.parse(readFileSync(new URL('../../../manifest/slack/manifest.json', import.meta.url), 'utf8')));

describe('the Slack app manifest', () => {
  it('declares /pep, escaped so mentions arrive as user ids, at /slack/events', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: SLASH_COMMAND, should_escape: true })]);
  });

  it('subscribes to the events the channel listens to, and enables interactivity and the Home tab', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([HOME_OPENED_EVENT, DIRECT_MESSAGE_EVENT]);
    expect(Object.keys(EVENT_SCOPES)).toEqual(manifest.settings.event_subscriptions.bot_events);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    // A message typed in the Messages tab is answered (direct-messages.ts), so the tab is open for typing.
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    // Installed on a server by default; Socket Mode (SLACK_APP_TOKEN) is for local use.
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('grants exactly the scopes of the methods the channel calls, and the slash command', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(BOT_SCOPES);
    expect(BOT_SCOPES).toEqual(expect.arrayContaining(['commands', ...Object.values(METHOD_SCOPES).flat(), ...Object.values(EVENT_SCOPES).flat()]));
    expect(BOT_SCOPES).toContain('im:history');
  });
});
