import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from 'botbuilder';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, StatusCodes } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import type { Logger } from '../../observability/logger.js';
import { withBotbuilderConsole } from './botbuilder-console.js';
import { keepConnectorClients } from './connector-clients.js';
import type { TeamsConfig } from './teams-config.js';

/**
 * Where botbuilder looks up the keys that sign inbound tokens. Production leaves these unset (the
 * public Bot Framework endpoints); tests point them at a loopback stand-in so the real JWT checks
 * run offline.
 */
export interface BotFrameworkEndpoints {
  channelOpenIdMetadataUrl?: string;
}

/** Outbound connector calls (replies, updates, roster look-ups) give up after this long. */
export const DEFAULT_CONNECTOR_TIMEOUT_MS = 5_000;

/** botframework-schema's StatusCodes stop at 502. */
const SERVICE_UNAVAILABLE = 503;

/** How long a client waits before asking again when the signing keys could not be fetched. */
export const KEYS_RETRY_AFTER_SECONDS = 30;

/**
 * The CloudAdapter that authenticates every inbound request: with an
 * app id a request without a valid Bot Framework token is refused with 401 before any of our code
 * runs; in anonymous mode botbuilder accepts unsigned requests, which is for local use only.
 */
export function createBotAdapter(
  config: TeamsConfig,
  logger: Logger,
  endpoints: BotFrameworkEndpoints = {},
  connectorTimeoutMs = DEFAULT_CONNECTOR_TIMEOUT_MS,
): CloudAdapter {
  if (config.mode === 'anonymous') return new BotAdapter({}, logger, connectorTimeoutMs);
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
  };
  return new BotAdapter(endpoints.channelOpenIdMetadataUrl ? { ...options, ...publicCloud(endpoints.channelOpenIdMetadataUrl) } : options, logger, connectorTimeoutMs);
}

/** jsonwebtoken's errors: all but an expired token (which botbuilder maps itself) escape botbuilder unmapped. */
const TOKEN_ERRORS: ReadonlySet<string> = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botframework-connector fetches the OpenID metadata and signing keys with node-fetch: a network
 * failure surfaces as its FetchError, an error status as an AuthenticationError marked 500.
 */
const keysUnavailable = (error: unknown): error is Error =>
  error instanceof Error &&
  (error.name === 'FetchError' || (error instanceof AuthenticationError && error.statusCode === StatusCodes.INTERNAL_SERVER_ERROR));

const isRefusal = (error: unknown): error is Error =>
  error instanceof AuthenticationError || (error instanceof Error && TOKEN_ERRORS.has(error.name));

/**
 * Every failed request is answered here rather than thrown: CloudAdapter prints what is thrown to
 * stderr with its stack, outside the redacting logger, and a refused request is routine (any
 * scanner posting to /api/messages). A forged or missing token is the caller's fault, so it is a
 * 401 even where botbuilder would say 500 (jsonwebtoken's errors are not its AuthenticationError).
 * When the signing keys cannot be fetched no token can be judged, forged or not: that is our
 * outage, a 503 the sender retries (messages-endpoint adds Retry-After), never a 500 or a 200.
 */
class BotAdapter extends CloudAdapter {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
    connectorTimeoutMs: number,
  ) {
    super(new ConfigurationBotFrameworkAuthentication(options));
    keepConnectorClients(this.botFrameworkAuthentication, connectorTimeoutMs);
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await withBotbuilderConsole(this.logger, () =>
        typeof auth === 'string' ? super.processActivity(auth, activity, logic) : super.processActivity(auth, activity, logic),
      );
    } catch (error) {
      if (keysUnavailable(error)) {
        this.logger.error({ reason: error.message.split('\n', 1)[0] }, 'could not fetch the Bot Framework signing keys; answered 503');
        return { status: SERVICE_UNAVAILABLE, body: { error: 'service_unavailable' } };
      }
      if (isRefusal(error)) {
        this.logger.warn({ reason: error.message.split('\n', 1)[0] }, 'refused a request without a valid Bot Framework token');
        return { status: StatusCodes.UNAUTHORIZED, body: { error: 'unauthorized' } };
      }
      this.logger.error({ err: error }, 'a Bot Framework request failed');
      return { status: StatusCodes.INTERNAL_SERVER_ERROR, body: { error: 'internal_error' } };
    }
  }
}

/**
 * botbuilder takes every endpoint as given once any one is set (unset ones become undefined, and
 * then no token passes), so an override repeats the public cloud's values for all the others.
 */
function publicCloud(channelOpenIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
