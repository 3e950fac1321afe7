import { pathToFileURL } from 'node:url';
import { startScheduler } from '../src/scheduler/start-scheduler.js';
import type { Figure } from './figure.js';
import { benchClock, seededStore } from './support/overdue-meetings.js';
import { SLACK_LIMITS } from './support/rate-limited-slack.js';
import { installBankHolidays } from '../src/bank-holidays.js';

installBankHolidays();

/** A PEP's worth of actions: a council's overdue actions spread over its meetings. */
const ACTIONS_PER_MEETING = 5;
const GOAL_RATIO = 12;
const GOAL_SECONDS = 20;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** Sends go at Slack's workspace pace (bench/support/rate-limited-slack.ts), as they would in production. */
const SENDS_PER_SECOND = SLACK_LIMITS.workspacePerMinute / 60;

/** A sender that hands on one nudge every 1/SENDS_PER_SECOND s, in the order asked. */
function pacedSender(onSend: () => void) {
  let free = Promise.resolve();
  return async () => {
    const turn = free.then(() => new Promise<void>((resolve) => setTimeout(resolve, 1000 / SENDS_PER_SECOND)));
    free = turn;
    await turn;
    onSend();
    return { delivered: true as const };
  };
}

interface PlanningRun {
  seconds: number;
  /** When the first nudge went, from the start of planning; undefined if none went while planning. */
  firstNudgeSeconds: number | undefined;
  jobs: number;
}

/**
 * Plans every meeting of a freshly seeded store (a real SQLite file, real Agenda on our SQLite
 * backend, production tuning) one after another, as a bot catching up would, and times it.
 * The sender stands in for a platform at its rate limit: what is measured is planning, with
 * delivery running beside it at the pace it would in production.
 */
export async function planOverdue(actions: number): Promise<PlanningRun> {
  const seeded = await seededStore(actions, ACTIONS_PER_MEETING);
  let started = 0;
  let firstNudgeAt: number | undefined;
  const scheduler = await startScheduler({
    jobs: { kind: 'sqlite', filename: seeded.filename },
    store: seeded.store,
    clock: benchClock,
    logger: quiet,
    sender: pacedSender(() => {
      firstNudgeAt ??= performance.now();
    }),
    onUndeliverable: () => undefined,
    prepareNextMeeting: async () => undefined,
  });
  try {
    started = performance.now();
    let jobs = 0;
    for (const meeting of seeded.meetings) jobs += (await scheduler.syncMeeting(meeting)).scheduled;
    const finished = performance.now();
    return { seconds: (finished - started) / 1000, firstNudgeSeconds: firstNudgeAt === undefined || firstNudgeAt > finished ? undefined : (firstNudgeAt - started) / 1000, jobs };
  } finally {
    await scheduler.stop();
    await seeded.close();
  }
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export async function run(options: { quick: boolean }): Promise<Figure[]> {
  // The goal is stated for these two sizes; the quick run is the same, as it takes well under a minute.
  const small = 1_000;
  const large = 10_000;
  void options;
  const smallRun = await planOverdue(small);
  const largeRun = await planOverdue(large);
  const ratio = largeRun.seconds / smallRun.seconds;
  const overlap = (r: PlanningRun) => (r.firstNudgeSeconds === undefined ? 'no nudge went while planning' : `first nudge went ${round(r.firstNudgeSeconds)} s in`);
  return [
    { figure: `plan nudges, ${small.toLocaleString('en-GB')} overdue actions`, pepBot: round(smallRun.seconds), unit: 's', note: `${smallRun.jobs} jobs; ${overlap(smallRun)}` },
    { figure: `plan nudges, ${large.toLocaleString('en-GB')} overdue actions`, pepBot: round(largeRun.seconds), unit: 's', note: `${largeRun.jobs} jobs; ${overlap(largeRun)}` },
    {
      figure: `plan nudges, ${large.toLocaleString('en-GB')} vs ${small.toLocaleString('en-GB')} overdue actions`,
      pepBot: round(largeRun.seconds),
      baseline: round(smallRun.seconds),
      ratio: round(ratio, 1),
      unit: 's',
      goal: `≤ ${GOAL_RATIO}×, < ${GOAL_SECONDS} s`,
      met: ratio <= GOAL_RATIO && largeRun.seconds < GOAL_SECONDS,
      note: `${ACTIONS_PER_MEETING} actions to a meeting`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await run({ quick: process.argv.includes('quick') }));
  // Agenda's lock watchdogs are timers of minutes: the figures are out, so the process ends here.
  process.exit(0);
}
