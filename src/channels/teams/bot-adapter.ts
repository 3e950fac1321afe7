import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from 'botbuilder';
import { CallerIdConstants, StatusCodes } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { TeamsConfig } from './teams-config.js';

/**
 * Where botbuilder looks up the keys that sign inbound tokens. Production leaves these unset (the
 * public Bot Framework endpoints); tests point them at a loopback stand-in so the real JWT checks
 * run offline.
 */
export interface BotFrameworkEndpoints {
  channelOpenIdMetadataUrl?: string;
}

/**
 * The CloudAdapter (as teams-ai's TeamsAdapter) that authenticates every inbound request: with an
 * app id a request without a valid Bot Framework token is refused with 401 before any of our code
 * runs; in anonymous mode botbuilder accepts unsigned requests, which is for local use only.
 */
export function createBotAdapter(config: TeamsConfig, endpoints: BotFrameworkEndpoints = {}): TeamsAdapter {
  if (config.mode === 'anonymous') return new BotAdapter({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
  };
  return new BotAdapter(endpoints.channelOpenIdMetadataUrl ? { ...options, ...publicCloud(endpoints.channelOpenIdMetadataUrl) } : options);
}

/** jsonwebtoken's errors: all but an expired token (which botbuilder maps itself) escape botbuilder unmapped. */
const TOKEN_ERRORS: ReadonlySet<string> = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder answers a token with a bad signature with 500 (jsonwebtoken's error is not its
 * AuthenticationError); a forged token is the caller's fault, so it becomes the 401 it should be.
 */
class BotAdapter extends TeamsAdapter {
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return typeof auth === 'string' ? await super.processActivity(auth, activity, logic) : await super.processActivity(auth, activity, logic);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      throw error;
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
