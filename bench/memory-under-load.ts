import { pathToFileURL } from 'node:url';
import type { Figure } from './figure.js';
import type { LoadResult } from './load/load-spec.js';
import { runLoad } from './load/run-load.js';
import { settle } from './support/ab.js';
import { largestGrowth, takeHeapSnapshot } from './support/heap-snapshot.js';
import { printFigures } from './support/print.js';
import { slackCommand, teamsRsvpClicks } from './support/scenarios.js';
import type { ServerProcess } from './support/server-process.js';
import { sampleRss } from './support/server-process.js';
import { startStage } from './support/stage.js';
import type { Stage } from './support/stage.js';

/**
 * PEP Bot's memory, idle and under load, beside bare Bolt, and whether its heap grows from one
 * load run to the next.
 *
 * Method. RSS is read from /proc/<pid>/status (VmRSS), every 100 ms during a run; "idle" is after
 * start-up has settled and before any request. PEP Bot's load is Slack `/pep help` at 100 req/s
 * and Teams RSVP clicks (writes) at 100 req/s together; bare Bolt gets the Slack half, which is all
 * it can answer. Five runs give the RSS figures. Then growth: a heap snapshot (Node's
 * --heapsnapshot-signal, SIGUSR2; V8 collects garbage before writing one, so it holds only live
 * objects), five more runs, a second snapshot, and the live heap of the two compared. The
 * snapshots come after the RSS runs because writing one inflates RSS for a while.
 */
const RUNS = 5;
const RATE = 100;

const mb = (value: number) => Math.round(value);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  results: LoadResult[];
  maxRssMb: number;
  endRssMb: number;
}

async function loadRun(server: ServerProcess, stage: Stage, withTeams: boolean, durationMs: number): Promise<Run> {
  const slack = runLoad({ origin: server.origin, rate: RATE, durationMs, ...slackCommand(stage, 'help') });
  const teams = withTeams ? [runLoad({ origin: server.origin, rate: RATE, durationMs, ...teamsRsvpClicks(stage) })] : [];
  const { result, maxRssMb } = await sampleRss(server, Promise.all([slack, ...teams]));
  return { results: result, maxRssMb, endRssMb: server.rssMb() };
}

const errorsOf = (runs: Run[]) => runs.flatMap((r) => r.results).reduce((total, r) => total + r.errors, 0);

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const durationMs = quick ? 2_000 : 4_000;
  const stage = await startStage();
  try {
    await sleep(3_000);
    const idle = { pep: stage.pep.rssMb(), bolt: stage.bolt.rssMb() };

    const pepRuns: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      pepRuns.push(await loadRun(stage.pep, stage, true, durationMs));
      await settle(stage);
    }
    const boltRun = await loadRun(stage.bolt, stage, false, durationMs);
    const pepPeak = Math.max(...pepRuns.map((r) => r.maxRssMb));
    const pepEnd = pepRuns.at(-1)!.endRssMb;

    const first = await takeHeapSnapshot(stage.pep, stage.diagnosticDir);
    const growthRuns: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      growthRuns.push(await loadRun(stage.pep, stage, true, durationMs));
      await settle(stage);
    }
    const second = await takeHeapSnapshot(stage.pep, stage.diagnosticDir);

    const rssNote = `PEP Bot RSS at the end of each run ${pepRuns.map((r) => mb(r.endRssMb)).join('/')} MB, ${errorsOf(pepRuns)} errors; bare Bolt ${errorsOf([boltRun])} errors`;
    const growth = second.totalMb - first.totalMb;
    return [
      { figure: 'RSS idle', pepBot: mb(idle.pep), baseline: mb(idle.bolt), ratio: round(idle.pep / idle.bolt), unit: 'MB', goal: '≤ 150 MB', met: idle.pep <= 150, note: 'baseline: bare Bolt' },
      {
        figure: `RSS at end of load (Slack ${RATE} + Teams ${RATE} req/s)`,
        pepBot: mb(pepEnd),
        baseline: mb(boltRun.endRssMb),
        ratio: round(pepEnd / boltRun.endRssMb),
        unit: 'MB',
        goal: '≤ 250 MB',
        met: pepEnd <= 250,
        note: `baseline: bare Bolt under the Slack half; ${rssNote}`,
      },
      {
        figure: 'RSS peak under load',
        pepBot: mb(pepPeak),
        baseline: mb(boltRun.maxRssMb),
        ratio: round(pepPeak / boltRun.maxRssMb),
        unit: 'MB',
        goal: '≤ 250 MB',
        met: pepPeak <= 250,
        note: 'largest VmRSS sampled every 100 ms over five runs; baseline: bare Bolt',
      },
      {
        figure: `Live heap after ${RUNS} more load runs (heap snapshots)`,
        pepBot: round(second.totalMb),
        baseline: round(first.totalMb),
        ratio: round(second.totalMb / first.totalMb),
        unit: 'MB',
        goal: '≤ 1.05× (no growth)',
        met: second.totalMb <= first.totalMb * 1.05,
        note: `baseline: PEP Bot's own live heap before those runs; grew ${round(growth)} MB, most in ${largestGrowth(first, second)}; ${errorsOf(growthRuns)} errors`,
      },
    ];
  } finally {
    await stage.close();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printFigures(await run({ quick: process.argv.includes('--quick') }));
