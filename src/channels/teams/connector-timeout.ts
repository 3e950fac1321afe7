import type { BotFrameworkAuthentication, ConnectorClient, ConnectorFactory } from 'botframework-connector';

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

const timedFactory = (factory: ConnectorFactory, timeoutMs: number): ConnectorFactory => ({
  create: async (serviceUrl, audience) => timedClient(await factory.create(serviceUrl, audience), timeoutMs),
});

/**
 * Gives every connector client the adapter makes a deadline: those for inbound turns (made while
 * authenticating the request) and those for proactive sends (made from the claims identity).
 */
export function timeConnectorCalls(auth: BotFrameworkAuthentication, timeoutMs: number): void {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticate(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: timedFactory(result.connectorFactory, timeoutMs) } : result;
  };
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claimsIdentity) => timedFactory(createFactory(claimsIdentity), timeoutMs);
}
