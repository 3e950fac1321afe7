import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardDelivery } from '../../../src/app/delivery.js';
import type { DeliveryEvent } from '../../../src/app/delivery.js';
import { attachOutbox } from '../../../src/app/outbox/attach-outbox.js';
import type { AppDeps } from '../../../src/app/deps.js';
import type { Officer } from '../../../src/domain/actor.js';
import { createSlackChannel, SLACK_EVENTS_PATH } from '../../../src/channels/slack/index.js';
import type { SlackChannel } from '../../../src/channels/slack/index.js';
import type { RespondRetry } from '../../../src/channels/slack/response-url.js';
import type { Messenger } from '../../../src/ports/messenger.js';
import type { MeetingStore } from '../../../src/ports/store.js';
import { openStore } from '../../../src/stores/open-store.js';
import { NOW, counterIds } from '../../domain/scenario.js';
import { METHOD_SCOPES } from '../../../src/channels/slack/scopes.js';
import { createHttpServer } from '../../../src/server.js';
import type { HttpModule } from '../../../src/server.js';
import { blockKitViolations } from '../../cards/block-kit-limits.js';
import { captureLog } from '../../server/harness.js';
import { SlackApiStub } from './slack-api-stub.js';
import type { SlackUser } from './slack-api-stub.js';
import { SlackSender } from './signed-requests.js';

/**
 * What Slack would refuse among the calls made: a method the manifest grants no scope for, or
 * blocks over a Block Kit limit (checked by the independent test/cards/block-kit-limits.ts).
 */
export function slackRulesBroken(stub: SlackApiStub): string[] {
  const responses = stub.responses.flatMap((r) => blockKitViolations((r.body.blocks as Record<string, unknown>[] | undefined) ?? []).map((v) => `response_url: ${v}`));
  return responses.concat(stub.calls.flatMap((call) => {
    const unscoped = Object.hasOwn(METHOD_SCOPES, call.method) ? [] : [`${call.method}: not in METHOD_SCOPES, so the manifest may not grant it`];
    const view = call.args.view as { blocks: Record<string, unknown>[]; title?: { text: string }; submit?: { text: string } } | undefined;
    const blocks = (call.args.blocks as Record<string, unknown>[] | undefined) ?? view?.blocks ?? [];
    const names = [view?.title?.text, view?.submit?.text].filter((t): t is string => t !== undefined && t.length > 24);
    return [
      ...unscoped,
      ...blockKitViolations(blocks, view ? 'modal' : 'message').map((v) => `${call.method}: ${v}`),
      ...names.map((t) => `${call.method}: "${t}" is over the 24 characters of a modal title or button`),
    ];
  }));
}

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** The workspace: the organiser, a designated teacher, a carer, and someone from another team. */
export const SAM: SlackUser = { id: 'U0SAM', name: 'Sam Social', email: 'sam@la.example.org' };
export const DANA: SlackUser = { id: 'U0DANA', name: 'Dana Teacher', email: 'dana@school.example.org' };
export const CHRIS: SlackUser = { id: 'U0CHRIS', name: 'Chris Carer', email: 'chris@home.example.org' };
export const OLLY: SlackUser = { id: 'U0OLLY', name: 'Olly Outsider', email: 'olly@elsewhere.example.org' };
/** In the workspace, but a carer the organiser may invite by name only, with no email. */
export const ADELE: SlackUser = { id: 'U0ADELE', name: 'Adele Vance', email: 'adele@fostering.example.org' };

export interface SlowStore {
  store: MeetingStore;
  /** Store calls that have finished since the store was made. */
  completed(): number;
  /** The methods of the calls that have finished, in the order they finished. */
  finished(): string[];
  /** How long each call sleeps before it runs, from now on. */
  setDelay(ms: number): void;
}

/**
 * The store the app sees, with every call held for a delay first: a slow database, so a test can
 * show the ack does not wait for it.
 */
export function slowed(store: MeetingStore): SlowStore {
  let delayMs = 0;
  const finished: string[] = [];
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'kind') return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          finished.push(String(property));
        }
      };
    },
  });
  return {
    store: wrapped,
    completed: () => finished.length,
    finished: () => [...finished],
    setDelay: (ms) => {
      delayMs = ms;
    },
  };
}

export interface SlackHarness {
  stub: SlackApiStub;
  /** The real store, for assertions (the app may be given a slowed view of it). */
  store: MeetingStore;
  deps: AppDeps;
  delivery: CardDelivery;
  channel: SlackChannel;
  slack: SlackSender;
  logs: () => Array<Record<string, unknown>>;
  /** What the delivery layer reported: undeliverable DMs, failed group posts. */
  reports: DeliveryEvent[];
  /** Waits for the work each request started after its ack, and for what it queued to be sent. */
  settle(): Promise<void>;
  /** Stops everything; fails if Slack would refuse a call, or if errors other than `expectedErrors` were logged. */
  close(expectedErrors?: string[]): Promise<void>;
}

/**
 * The Slack channel as production wires it: a real SQLite store in a temp dir, the shared HTTP
 * server with the channel's module mounted, and Slack's Web API on loopback.
 */
export async function startSlack(
  options: {
    storeDelayMs?: number;
    appStore?: (store: MeetingStore) => MeetingStore;
    /** The channel's module as it is mounted. */
    mountAs?: (module: HttpModule) => HttpModule;
    /** Waits between attempts at a response URL (production's are seconds). */
    respondRetry?: RespondRetry;
    /** What an earlier run left in the store, written before the channel starts (as after a restart). */
    before?: (store: MeetingStore, stub: SlackApiStub) => Promise<void>;
    /** The council's Virtual School officers (config.council.officers). */
    officers?: Officer[];
  } = {},
): Promise<SlackHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-slack-'));
  const store = await openStore({ dataDir: dir });
  await store.init();
  const appStore = options.appStore ? options.appStore(store) : store;
  const stub = new SlackApiStub([SAM, DANA, CHRIS, OLLY, ADELE]);
  await stub.start();
  await options.before?.(store, stub);

  const deps: AppDeps = { store: appStore, clock: { now: () => new Date(NOW) }, newId: counterIds('s'), defaultTimeZone: 'Europe/London', officers: options.officers };
  const reports: DeliveryEvent[] = [];
  // The delivery reads its messengers when it sends, so the channel's own can join after.
  const messengers: Messenger[] = [];
  const delivery = new CardDelivery({ store: appStore, messengers, report: (event) => reports.push(event) });
  const log = captureLog();
  const config = { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', appToken: undefined, apiUrl: stub.apiUrl };
  const channel = createSlackChannel({ config, deps, delivery, logger: log.logger, respondRetry: options.respondRetry });
  messengers.push(channel.messenger);
  await channel.start();
  const server = createHttpServer({
    store,
    logger: log.logger,
    config: { port: 0, host: '127.0.0.1', shutdownTimeoutMs: 10_000 },
    mount: [options.mountAs ? options.mountAs(channel.module) : channel.module],
  });
  const { url } = await server.listen();
  const outbox = attachOutbox(deps, { delivery, logger: log.logger, publicBaseUrl: url });

  return {
    stub,
    store,
    deps,
    delivery,
    channel,
    logs: log.records,
    slack: new SlackSender(`${url}${SLACK_EVENTS_PATH}`, SIGNING_SECRET),
    reports,
    settle: async () => {
      await channel.idle();
      await outbox.drain();
    },
    close: async (expectedErrors = []) => {
      await server.stop();
      await channel.stop();
      await outbox.stop();
      await stub.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      const broken = slackRulesBroken(stub);
      if (broken.length > 0) throw new Error(`Slack would refuse some calls:\n${broken.join('\n')}`);
      // Work after the ack fails only into the log: a test that passed with such a failure did not.
      const failures = log.records().filter((r) => r.level === 'error' || r.level === 'fatal');
      const unexpected = failures.filter((f) => !expectedErrors.includes(String(f.msg)));
      if (unexpected.length > 0 || failures.length < expectedErrors.length) {
        throw new Error(`logged errors, expected ${JSON.stringify(expectedErrors)}:\n${failures.map((f) => JSON.stringify(f)).join('\n')}`);
      }
    },
  };
}
