import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { CardDelivery } from '../src/app/delivery.js';
import type { AppDeps } from '../src/app/deps.js';
import { nudgeSender } from '../src/app/nudge-cards.js';
import { boltLogger } from '../src/channels/slack/bolt-logger.js';
import { SlackMessenger } from '../src/channels/slack/messenger.js';
import { createWebClient } from '../src/channels/slack/web-client.js';
import { createLogger } from '../src/observability/logger.js';
import { randomIds } from '../src/ports/ids.js';
import { startScheduler } from '../src/scheduler/start-scheduler.js';
import type { Figure } from './figure.js';
import { RateLimitedSlack, SLACK_LIMITS } from './support/rate-limited-slack.js';
import { DUE_NUDGES_PER_ACTION, benchClock, seededStore } from './support/overdue-meetings.js';
import { installBankHolidays } from '../src/bank-holidays.js';

installBankHolidays();

/** The issue's figure: at Slack's real limits it takes about 35 minutes, so only `npm run bench:nudges` sends it. */
const FULL_COUNT = 20_000;
/**
 * What `npm run bench` sends, so that the whole run stays within ten minutes: at Slack's 10 a
 * second, 500 take about 50 s, long enough for the rate, the 429s and "each exactly once" to show.
 */
const SHORT_COUNT = 500;
const ACTIONS_PER_MEETING = 5;
/** Longest a run may take beyond what the workspace limit allows, before it counts as stuck. */
const SLACK_SECONDS = 120;

/** The bot's log, as an operator would tail it: the scheduler's progress lines, on stderr. */
function progressLines() {
  return createLogger({
    level: 'info',
    destination: new Writable({
      write(line: Buffer, _encoding, done) {
        const text = line.toString();
        if (text.includes('"msg":"scheduled work:') || text.includes('"level":"error"')) process.stderr.write(text);
        done();
      },
    }),
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `count` due nudges (two for each overdue action) go from the real scheduler (SQLite store and
 * Agenda, production tuning) through the real CardDelivery, Slack messenger and WebClient to a
 * Slack on loopback that enforces chat.postMessage's limits. Planning runs first, and delivery
 * starts while it does. Each nudge must arrive exactly once.
 */
export async function deliverNudges(count: number) {
  const slack = new RateLimitedSlack();
  await slack.start();
  const seeded = await seededStore(count / DUE_NUDGES_PER_ACTION, ACTIONS_PER_MEETING);
  const logger = progressLines();
  const deps: AppDeps = { store: seeded.store, clock: benchClock, newId: randomIds, defaultTimeZone: 'Europe/London' };
  const client = createWebClient({ apiUrl: slack.apiUrl, botToken: 'xoxb-bench' }, boltLogger(logger.child({ component: 'slack' })));
  const delivery = new CardDelivery({ store: seeded.store, messengers: [new SlackMessenger(client, logger)], report: (event) => logger.warn(event, 'card not delivered'), clock: benchClock });
  const scheduler = await startScheduler({
    jobs: { kind: 'sqlite', filename: seeded.filename },
    store: seeded.store,
    clock: benchClock,
    logger: logger.child({ component: 'scheduler' }),
    sender: nudgeSender(delivery, deps),
    onUndeliverable: (nudge, reason) => logger.error({ kind: nudge.kind, reason }, 'nudge undeliverable'),
    prepareNextMeeting: async () => undefined,
  });
  try {
    const started = performance.now();
    for (const meeting of seeded.meetings) await scheduler.syncMeeting(meeting);
    const planned = performance.now();
    const deadline = started + (count / (SLACK_LIMITS.workspacePerMinute / 60) + SLACK_SECONDS) * 1000;
    while (slack.acceptedCount < count && performance.now() < deadline) await wait(200);
    // A little longer, for any second copy to show itself.
    await wait(2_000);
    const seconds = (performance.now() - started) / 1000;
    const copies = [...slack.accepted.values()];
    return {
      seconds,
      planningSeconds: (planned - started) / 1000,
      accepted: slack.acceptedCount,
      distinct: copies.length,
      duplicates: copies.filter((n) => n > 1).length,
      refused429: slack.refused429,
      refusedForChannel: slack.refusedForChannel,
    };
  } finally {
    await scheduler.stop();
    await seeded.close();
    await slack.stop();
  }
}

export async function run(options: { quick: boolean; count?: number }): Promise<Figure[]> {
  const count = options.count ?? SHORT_COUNT;
  const result = await deliverNudges(count);
  const exactlyOnce = result.distinct === count && result.accepted === count && result.duplicates === 0;
  const limitPerSecond = SLACK_LIMITS.workspacePerMinute / 60;
  const perSecond = result.accepted / result.seconds;
  const limits = `fake Slack: ${SLACK_LIMITS.perChannelPerSecond}/s per channel (bursts of ${SLACK_LIMITS.channelBurst}), ${SLACK_LIMITS.workspacePerMinute}/min per workspace, 1 in ${SLACK_LIMITS.spuriousEvery} answered 429`;
  const label = count.toLocaleString('en-GB');
  return [
    {
      figure: `deliver ${label} due nudges to Slack at its rate limits`,
      pepBot: Number(perSecond.toFixed(1)),
      baseline: limitPerSecond,
      ratio: Number((perSecond / limitPerSecond).toFixed(2)),
      unit: 'msg/s',
      goal: 'each exactly once, at the platform limit',
      met: exactlyOnce,
      note: `${result.accepted} accepted, ${result.distinct} distinct, ${result.duplicates} twice or more, ${result.refused429} answered 429 (${result.refusedForChannel} for one channel's pace); ${limits}`,
    },
    {
      figure: `deliver ${label} due nudges to Slack, total`,
      pepBot: Number(result.seconds.toFixed(1)),
      unit: 's',
      note: `planning took ${result.planningSeconds.toFixed(1)} s of it, with sending under way${count < FULL_COUNT ? `; npm run bench:nudges sends ${FULL_COUNT.toLocaleString('en-GB')} (about 35 minutes)` : ''}`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('quick') || process.argv.includes('--quick');
  console.table(await run({ quick, count: quick ? SHORT_COUNT : FULL_COUNT }));
  // Agenda's lock watchdogs are timers of minutes: the figures are out, so the process ends here.
  process.exit(0);
}
