import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CardDelivery } from '../../../src/app/delivery.js';
import { createSlackChannel } from '../../../src/channels/slack/index.js';
import type { SlackChannel } from '../../../src/channels/slack/index.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { createHttpServer } from '../../../src/server.js';
import { openStore } from '../../../src/stores/open-store.js';
import { NOW, counterIds } from '../../domain/scenario.js';
import { captureLog } from '../../server/harness.js';
import { SlackApiStub } from './slack-api-stub.js';
import { SAM, SIGNING_SECRET } from './slack-harness.js';

/**
 * Socket Mode, for local use without a public URL: with SLACK_APP_TOKEN set the channel mounts no
 * HTTP route, asks apps.connections.open for a WebSocket and takes the same requests over it.
 * Slack's end is a loopback WebSocket server (ws, already installed for other packages).
 */
interface Socket {
  send(data: string): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
}
interface SocketServer {
  on(event: 'connection', listener: (socket: Socket) => void): void;
  once(event: 'listening', listener: () => void): void;
  address(): AddressInfo;
  close(done: () => void): void;
}
const { Server } = createRequire(import.meta.url)('ws') as { Server: new (options: { port: number; host: string }) => SocketServer };

let dir: string;
let store: MeetingStore;
let stub: SlackApiStub;
let sockets: SocketServer;
let channel: SlackChannel;
const acks: Record<string, unknown>[] = [];
let connected: Promise<Socket>;

beforeEach(async () => {
  acks.length = 0;
  dir = mkdtempSync(join(tmpdir(), 'pep-slack-socket-'));
  store = await openStore({ dataDir: dir });
  await store.init();
  sockets = new Server({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => sockets.once('listening', resolve));
  connected = new Promise((resolve) => {
    sockets.on('connection', (socket) => {
      socket.on('message', (data) => acks.push(JSON.parse(data.toString()) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0PEP' } }));
      resolve(socket);
    });
  });
  stub = new SlackApiStub([SAM]);
  await stub.start();
  stub.socketUrl = `ws://127.0.0.1:${sockets.address().port}/link`;
  const deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('w'), defaultTimeZone: 'Europe/London' };
  const config = { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', appToken: 'xapp-test-token', apiUrl: stub.apiUrl };
  channel = createSlackChannel({ config, deps, delivery: new CardDelivery({ store, messengers: [], report: () => undefined }), logger: captureLog().logger });
});

afterEach(async () => {
  await channel.stop();
  await new Promise<void>((resolve) => sockets.close(resolve));
  await stub.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Socket Mode', () => {
  it('mounts nothing on the HTTP server, connects with the app token and answers /pep over the socket', async () => {
    const server = createHttpServer({ store, logger: captureLog().logger, config: { port: 0, host: '127.0.0.1', shutdownTimeoutMs: 1_000 }, mount: [channel.module] });
    const { url } = await server.listen();
    expect((await fetch(`${url}/slack/events`, { method: 'POST', body: 'payload=%7B%7D' })).status).toBe(404);
    await server.stop();

    await channel.start();
    const socket = await connected;
    expect(stub.callsOf('apps.connections.open')).toHaveLength(1);

    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: { command: '/pep', text: 'new', user_id: SAM.id, channel_id: 'D0SAM', trigger_id: 'trigger.socket', response_url: stub.responseUrl('socket'), team_id: 'T0TEAM' },
      }),
    );
    await expect.poll(() => acks.map((a) => a.envelope_id)).toEqual(['env-1']);
    await channel.idle();
    expect(stub.callsOf('views.open')[0]!.args).toMatchObject({ trigger_id: 'trigger.socket', view: { callback_id: 'meeting.create' } });
  });
});
