import type { BotFrameworkAuthentication, ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';
import { JwtTokenValidation } from 'botframework-connector';
import { LastUsed } from '../../domain/memo.js';

type OperationArguments = Parameters<ConnectorClient['sendOperationRequest']>[0];

/**
 * Each call the client makes (replies, updates, roster look-ups) carries a deadline. The client
 * waits for an answer for ever by default, so a serviceUrl that accepts and never answers held the
 * turn, and the inbound request with it, open. botbuilder offers no hook for this:
 * ConnectorFactoryImpl replaces any requestPolicyFactories it is given. The compat client does
 * honour a per-call `options.timeout`, and a call that times out is not retried by it.
 */
function timedClient(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const send = client.sendOperationRequest.bind(client);
  client.sendOperationRequest = (args: OperationArguments, spec, callback) => {
    const options = args.options as (OperationArguments['options'] & { timeout?: number }) | undefined;
    return send({ ...args, options: { ...options, timeout: options?.timeout ?? timeoutMs } as OperationArguments['options'] }, spec, callback);
  };
  return client;
}

/** Teams has a handful of regional serviceUrls; this bounds what a stream of made-up ones could fill. */
const KEPT_CLIENTS = 64;

/**
 * One client per bot, serviceUrl and audience, made once and kept, as botbuilder's older
 * BotFrameworkAdapter kept them: CloudAdapter builds a new client, with its whole HTTP pipeline
 * and credentials, for every inbound activity, which cost more than PEP Bot's own handling of a
 * click. A client holds no state of a turn, so turns share it; one that failed to be made is not kept.
 */
class KeptClients<T> {
  private readonly made = new LastUsed<Promise<T>>(KEPT_CLIENTS);

  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.made.get(key);
    if (kept) return kept;
    const making = make();
    this.made.set(key, making);
    making.catch(() => this.made.delete(key));
    return making;
  }
}

/** The bot a turn's claims are for (undefined when anonymous), as botbuilder's factories read it. */
const botOf = (claims: ClaimsIdentity | undefined): string => (claims ? (JwtTokenValidation.getAppIdFromClaims(claims.claims) ?? '') : '');

/**
 * Every connector client the adapter uses, for inbound turns (made while authenticating the
 * request) and for proactive sends (made from the claims identity), has a deadline and is kept
 * for the next turn to the same serviceUrl; so is the user-token client each turn is given.
 */
export function keepConnectorClients(auth: BotFrameworkAuthentication, timeoutMs: number): void {
  const clients = new KeptClients<ConnectorClient>();
  const keptFactory = (factory: ConnectorFactory, claims: ClaimsIdentity | undefined): ConnectorFactory => ({
    create: (serviceUrl, audience) => clients.get(`${botOf(claims)}|${audience ?? ''}|${serviceUrl}`, async () => timedClient(await factory.create(serviceUrl, audience), timeoutMs)),
  });

  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticate(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: keptFactory(result.connectorFactory, result.claimsIdentity) } : result;
  };
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => keptFactory(createFactory(claimsIdentity), claimsIdentity);

  const tokenClients = new KeptClients<UserTokenClient>();
  const createTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claimsIdentity) => tokenClients.get(botOf(claimsIdentity), () => createTokenClient(claimsIdentity));
}
