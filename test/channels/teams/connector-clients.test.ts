import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepConnectorClients } from '../../../src/channels/teams/connector-clients.js';
import type { ConnectorStub } from './support/connector-stub.js';
import { startConnectorStub } from './support/connector-stub.js';

/**
 * The clients botbuilder makes for each turn, through its real authentication (anonymous, as
 * TEAMS_ANONYMOUS=1 runs), against the loopback connector stand-in.
 */
let connector: ConnectorStub;
let other: ConnectorStub;
beforeAll(async () => {
  [connector, other] = await Promise.all([startConnectorStub(), startConnectorStub()]);
});
afterAll(async () => {
  await Promise.all([connector.close(), other.close()]);
});

const activityFrom = (serviceUrl: string): Partial<Activity> => ({ type: 'message', serviceUrl, channelId: 'msteams', conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' } });

async function turnClients(auth: ConfigurationBotFrameworkAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activityFrom(serviceUrl) as Activity, '');
  return {
    connector: await result.connectorFactory!.create(serviceUrl, result.audience),
    userToken: await auth.createUserTokenClient(result.claimsIdentity),
  };
}

describe('connector clients, kept between turns', () => {
  it('gives turns to the same serviceUrl one client, another serviceUrl its own, and proactive sends the same', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    keepConnectorClients(auth, 5_000);
    const first = await turnClients(auth, connector.serviceUrl);
    const second = await turnClients(auth, connector.serviceUrl);
    const elsewhere = await turnClients(auth, other.serviceUrl);
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
    expect(elsewhere.connector).not.toBe(first.connector);
    const result = await auth.authenticateRequest(activityFrom(connector.serviceUrl) as Activity, '');
    expect(await auth.createConnectorFactory(result.claimsIdentity).create(connector.serviceUrl, result.audience)).toBe(first.connector);
  });

  it('sends through a kept client to the serviceUrl it was made for', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    keepConnectorClients(auth, 5_000);
    await turnClients(auth, other.serviceUrl);
    const { connector: client } = await turnClients(auth, connector.serviceUrl);
    await client.conversations.sendToConversation('a:1', { type: 'message', text: 'hello' } as Activity);
    expect(connector.calls.map((call) => call.activity.text)).toEqual(['hello']);
    expect(other.calls).toEqual([]);
  });
});
