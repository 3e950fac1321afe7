import type { Figure } from '../figure.js';
import type { LoadResult } from '../load/load-spec.js';
import { runLoad } from '../load/run-load.js';
import type { ServerProcess } from './server-process.js';
import type { Stage } from './stage.js';

/**
 * Run lengths: the full run is what the README's table reports, --quick only checks it all works.
 * Three rounds of 6 s a side (600 to 1,200 requests each, enough for a p99) keep the six
 * latency figures near five minutes, so the whole `npm run bench` stays under ten here.
 */
export interface Timing {
  rounds: number;
  warmUpMs: number;
  runMs: number;
}
export const timing = (quick: boolean): Timing => (quick ? { rounds: 1, warmUpMs: 1_000, runMs: 3_000 } : { rounds: 3, warmUpMs: 2_000, runMs: 6_000 });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => Math.round(value * 10) / 10;

/**
 * Waits until PEP Bot has finished what the last run left it to do after its acks (replies to
 * response URLs, connector sends): nothing new reached the fakes for a second. So the next run,
 * on either side, starts on a quiet machine rather than in PEP Bot's backlog. It waits 10 s at
 * most, so a bot that never catches up cannot stretch the run past its ten minutes; the note
 * then shows 10 s.
 */
export async function settle(stage: Stage, limitMs = 10_000): Promise<number> {
  const started = Date.now();
  const seen = () => stage.slackApi.responses.length + stage.slackApi.calls.length + stage.connector.calls.length;
  let last = seen();
  let quietSince = Date.now();
  while (Date.now() - quietSince < 1_000 && Date.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = seen();
    if (now !== last) quietSince = Date.now();
    last = now;
  }
  // The time until the last thing PEP Bot sent, or the whole wait when it never fell quiet.
  return Date.now() - quietSince >= 1_000 ? quietSince - started : limitMs;
}

export interface Comparison {
  figure: string;
  rate: number;
  bare: ServerProcess;
  requests: (stage: Stage) => Pick<Parameters<typeof runLoad>[0], 'path' | 'requests'>;
}

export interface Sides {
  pep: LoadResult[];
  bare: LoadResult[];
  /** Every run on PEP Bot, warm-up included: what it acknowledged, it should have done. */
  pepAll: LoadResult[];
  /** How long PEP Bot kept working after each of its runs. */
  settleMs: number[];
}

/**
 * The same open-loop load on the bare app and on PEP Bot, alternated (bare, PEP, PEP, bare,
 * bare, PEP …) after a warm-up of each, so that whatever else the machine does falls on both
 * sides alike.
 */
export async function alternate(stage: Stage, comparison: Comparison, { rounds, warmUpMs, runMs }: Timing): Promise<Sides> {
  const requests = comparison.requests(stage);
  const load = (server: ServerProcess, durationMs: number) => runLoad({ origin: server.origin, rate: comparison.rate, durationMs, ...requests });
  await load(comparison.bare, warmUpMs);
  const sides: Sides = { pep: [], bare: [], pepAll: [await load(stage.pep, warmUpMs)], settleMs: [] };
  await settle(stage);
  for (let round = 0; round < rounds; round += 1) {
    // Who goes first swaps every round, so a machine getting busier or quieter favours neither.
    for (const side of round % 2 === 0 ? (['bare', 'pep'] as const) : (['pep', 'bare'] as const)) {
      if (side === 'bare') {
        sides.bare.push(await load(comparison.bare, runMs));
        continue;
      }
      const pep = await load(stage.pep, runMs);
      sides.pep.push(pep);
      sides.pepAll.push(pep);
      sides.settleMs.push(await settle(stage));
    }
  }
  return sides;
}

const describe = (results: LoadResult[]) => {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const samples = [...new Set(results.flatMap((r) => r.errorSamples))].slice(0, 2);
  return (
    `p99 ${results.map((r) => ms(r.p99)).join('/')} ms, p50 ${ms(median(results.map((r) => r.p50)))} ms, max ${ms(Math.max(...results.map((r) => r.max)))} ms, ` +
    `${sum((r) => r.errors)} errors (${sum((r) => r.timeouts)} time-outs) of ${sum((r) => r.sent)}` +
    (samples.length ? ` [${samples.join(' | ')}]` : '')
  );
};

/** The median round's p99 of each side; met when PEP Bot is within 1.5× of bare with no errors. */
export function latencyFigure(comparison: Comparison, sides: Sides): Figure {
  const pepBot = ms(median(sides.pep.map((r) => r.p99)));
  const baseline = ms(median(sides.bare.map((r) => r.p99)));
  const ratio = Math.round((pepBot / baseline) * 100) / 100;
  const errors = sides.pep.reduce((total, r) => total + r.errors, 0);
  const lag = Math.max(...sides.pep.map((r) => r.maxSendLagMs), ...sides.bare.map((r) => r.maxSendLagMs));
  return {
    figure: comparison.figure,
    pepBot,
    baseline,
    ratio,
    unit: 'ms',
    goal: '≤ 1.5× bare, no errors',
    met: ratio <= 1.5 && errors === 0,
    note:
      `PEP Bot ${describe(sides.pep)}; ${comparison.bare.name} ${describe(sides.bare)}; ` +
      `PEP Bot busy ${sides.settleMs.map((s) => (s / 1000).toFixed(1)).join('/')} s after its runs; generator send lag ≤ ${ms(lag)} ms`,
  };
}
