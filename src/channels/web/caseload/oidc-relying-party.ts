import type * as OpenIdClient from 'openid-client';
import type { Configuration } from 'openid-client';
import type { CaseloadSignInConfig } from '../../../config.js';
import type { IdTokenClaims } from '../../../app/caseload/signed-in-officer.js';

/**
 * The caseload page as an OpenID Connect relying party: the authorisation-code flow with PKCE,
 * state and nonce, by panva's openid-client (certified). The library is imported on the first
 * sign-in, not at start-up, and the provider's metadata is discovered then too (and again after a
 * failure), so a provider that is down at start-up never stops the bot.
 */

/** What the browser keeps between leaving for the provider and coming back (in a signed cookie). */
export interface SignInTransaction {
  state: string;
  nonce: string;
  verifier: string;
  /** The caseload address (path and query) to return to. */
  returnTo: string;
}

export interface RelyingParty {
  start(returnTo: string): Promise<{ url: URL; transaction: SignInTransaction }>;
  /** The ID token's claims once the code is exchanged and state, nonce and PKCE are checked; throws otherwise. */
  finish(callbackUrl: URL, transaction: SignInTransaction): Promise<IdTokenClaims>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function relyingParty(signIn: CaseloadSignInConfig, redirectUri: string): RelyingParty {
  let discovered: Promise<{ client: typeof OpenIdClient; config: Configuration }> | undefined;
  const connect = () => {
    discovered ??= (async () => {
      const client = await import('openid-client');
      const issuer = new URL(signIn.issuer);
      // Plain http only to a provider on this machine (the tests' one); config.ts refuses it elsewhere.
      const execute = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) ? [client.allowInsecureRequests] : [];
      const config = await client.discovery(issuer, signIn.clientId, signIn.clientSecret, undefined, { execute });
      return { client, config };
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  return {
    async start(returnTo) {
      const { client, config } = await connect();
      const transaction = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), returnTo };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        state: transaction.state,
        nonce: transaction.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
        code_challenge_method: 'S256',
      });
      return { url, transaction };
    },
    async finish(callbackUrl, transaction) {
      const { client, config } = await connect();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the identity provider sent no ID token');
      return claims as IdTokenClaims;
    },
  };
}
