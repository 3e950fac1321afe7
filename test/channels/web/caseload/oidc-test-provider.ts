import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Page } from 'playwright-core';

/**
 * A real OpenID provider on loopback (panva's oidc-provider, certified), standing in for the
 * council's Microsoft Entra ID: one confidential client, and accounts whose ID token carries a
 * `groups` claim as Entra sends it. Its own development login page (type any login and password)
 * signs a person in as the account named by the login. Consent is taken as given, as an
 * administrator grants it for the whole tenant in Entra ID.
 */
export interface TestAccount {
  name: string;
  email: string;
  groups: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider starts answering once it knows where the client's callback is. */
  register(redirectUri: string, accounts: Record<string, TestAccount>): void;
  stop(): Promise<void>;
}

export async function startTestProvider(host = 'localhost'): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const clientId = 'pep-bot-caseload';
  const clientSecret = 'a-client-secret-long-enough-for-hs256-0123456789';
  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri, accounts) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post', response_types: ['code'], grant_types: ['authorization_code'] }],
        claims: { openid: ['sub', 'groups'], profile: ['name'], email: ['email'] },
        // Entra ID puts the groups in the ID token itself, not only behind the userinfo endpoint.
        conformIdTokenClaims: false,
        cookies: { keys: ['test-provider-cookie-key'] },
        findAccount: (_ctx, id) => {
          const account = accounts[id];
          if (!account) return undefined;
          return { accountId: id, claims: () => ({ sub: id, name: account.name, email: account.email, groups: account.groups }) };
        },
        loadExistingGrant: async (ctx) => {
          const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid profile email');
          grant.addOIDCClaims(['groups']);
          await grant.save();
          return grant;
        },
      });
      handler = provider.callback();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** On the provider's development login page: any password does; the login names the account. */
export async function logInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}
