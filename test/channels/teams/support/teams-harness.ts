import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardDelivery } from '../../../../src/app/delivery.js';
import type { DeliveryEvent } from '../../../../src/app/delivery.js';
import type { AppDeps } from '../../../../src/app/deps.js';
import type { Officer } from '../../../../src/domain/actor.js';
import { attachOutbox } from '../../../../src/app/outbox/attach-outbox.js';
import type { BotFrameworkEndpoints } from '../../../../src/channels/teams/bot-adapter.js';
import type { TeamsChannel, TeamsChannelDeps } from '../../../../src/channels/teams/index.js';
import { createTeamsChannel } from '../../../../src/channels/teams/index.js';
import type { TeamsConfig } from '../../../../src/channels/teams/teams-config.js';
import type { Messenger } from '../../../../src/ports/messenger.js';
import type { MeetingStore } from '../../../../src/ports/store.js';
import type { HttpModule } from '../../../../src/server.js';
import { openStore } from '../../../../src/stores/open-store.js';
import type { RunningServer } from '../../../server/harness.js';
import { captureLog, startServer } from '../../../server/harness.js';
import { NOW, counterIds } from '../../../domain/scenario.js';
import type { ConnectorStub, RosterMember } from './connector-stub.js';
import { startConnectorStub } from './connector-stub.js';

export const BOT = { id: '28:pep-bot', name: 'PEP Bot' };
export const TENANT = '00000000-0000-4000-8000-0000000000aa';

/** People in the test tenant: each has a 1:1 chat with the bot once they install it. */
export const SAM: RosterMember = { id: '29:sam', name: 'Sam Social', aadObjectId: 'aad-sam', email: 'sam@la.example.org', userPrincipalName: 'sam@la.example.org' };
export const DANA: RosterMember = { id: '29:dana', name: 'Dana Teacher', aadObjectId: 'aad-dana', email: 'Dana@School.example.org', userPrincipalName: 'dana.teacher@school.example.org' };
export const CHRIS: RosterMember = { id: '29:chris', name: 'Chris Carer', aadObjectId: 'aad-chris', email: 'chris@home.example.org' };
export const EVE: RosterMember = { id: '29:eve', name: 'Eve Outsider', aadObjectId: 'aad-eve', email: 'eve@elsewhere.example.org' };
export const personalChat = (member: RosterMember) => `a:${member.aadObjectId}`;
export const MEETING_CHAT = '19:meeting_pep@thread.v2';

export interface TeamsHarness {
  url: string;
  store: MeetingStore;
  deps: AppDeps;
  connector: ConnectorStub;
  channel: TeamsChannel;
  delivery: CardDelivery;
  events: DeliveryEvent[];
  server: RunningServer;
  /** What the Teams channel logged, parsed. */
  logs(): Array<Record<string, unknown>>;
  /** POSTs an activity to /api/messages as Teams would. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Waits until what the requests so far queued has been sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real thing, end to end on loopback: the HTTP server with the Teams module, the real
 * CloudAdapter and PEP Bot's turn router, a SQLite store in a temp dir, and the connector stub.
 */
export async function startTeamsHarness(
  options: {
    config?: TeamsConfig;
    endpoints?: BotFrameworkEndpoints;
    timeouts?: TeamsChannelDeps['timeouts'];
    /** The store the app sees, made from the real one (a counting view, say). */
    appStore?: (store: MeetingStore) => MeetingStore;
    /** The channel's module as it is mounted. */
    mountAs?: (module: HttpModule) => HttpModule;
    /** The council's Virtual School officers (config.council.officers). */
    officers?: Officer[];
  } = {},
): Promise<TeamsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-teams-'));
  const real = await openStore({ dataDir: dir });
  await real.init();
  const store = options.appStore ? options.appStore(real) : real;
  const connector = await startConnectorStub();
  for (const member of [SAM, DANA, CHRIS, EVE]) connector.roster.set(member.id, member);
  const deps: AppDeps = { store, children: real, clock: { now: () => new Date(NOW) }, newId: counterIds('t'), defaultTimeZone: 'Europe/London', officers: options.officers };
  const events: DeliveryEvent[] = [];
  const log = captureLog();
  // As the composition root does it: the delivery first, the channel's messenger added to it after.
  const messengers: Messenger[] = [];
  const delivery = new CardDelivery({ store, messengers, report: (event) => events.push(event) });
  const channel = createTeamsChannel({ config: options.config ?? { mode: 'anonymous' }, deps, delivery, logger: log.logger, endpoints: options.endpoints, timeouts: options.timeouts });
  messengers.push(channel.messenger);
  await channel.start();
  const server = await startServer({ store, mount: [options.mountAs ? options.mountAs(channel.module) : channel.module] });
  const outbox = attachOutbox(deps, { delivery, logger: log.logger, publicBaseUrl: server.url });
  return {
    url: server.url,
    store,
    deps,
    connector,
    channel,
    delivery,
    events,
    server,
    logs: log.records,
    async post(activity, headers = {}) {
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const json = response.headers.get('content-type')?.includes('json');
      return { status: response.status, body: json ? ((await response.json()) as unknown) : await response.text() };
    },
    settled: () => outbox.drain(),
    async close() {
      await server.server.stop();
      await outbox.stop();
      await channel.stop();
      await connector.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
