/**
 * Every Web API method this channel calls, with the bot scopes it needs. The manifest test checks
 * that manifest/slack grants exactly these (plus `commands` for /pep), and the end-to-end tests
 * check that no method outside this list is ever called, so a new call cannot ship unscoped.
 */
export const METHOD_SCOPES = {
  /** Bolt checks the bot token once at start. */
  'auth.test': [],
  /** Socket Mode only, with the app-level token, whose connections:write is not a bot scope. */
  'apps.connections.open': [],
  /** DMs go to the user id; chat:write.public lets the bot post in a public channel it was not invited to. */
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  /** The organiser's name and email for the meeting they create. */
  'users.info': ['users:read', 'users:read.email'],
  /** Participants typed on the form, matched to workspace members by email. */
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
} as const satisfies Record<string, readonly string[]>;

export type SlackMethod = keyof typeof METHOD_SCOPES;

/** Every bot event the channel subscribes to, with the scope Slack requires for it. */
export const EVENT_SCOPES = {
  app_home_opened: [],
  /** Messages typed to PEP Bot in its Messages tab. */
  'message.im': ['im:history'],
} as const satisfies Record<string, readonly string[]>;

export const BOT_SCOPES: readonly string[] = [...new Set(['commands', ...Object.values(METHOD_SCOPES).flat(), ...Object.values(EVENT_SCOPES).flat()])].sort();
