import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runLoad } from './load/run-load.js';
import { settle } from './support/ab.js';
import { slackActionCapture, slackCommand, teamsHelp, teamsRsvpClicks } from './support/scenarios.js';
import type { ServerProcess } from './support/server-process.js';
import type { Stage } from './support/stage.js';
import { startStage } from './support/stage.js';

/**
 * `npm run bench:cpu [-- <scenario words>]`: the CPU time each kind of request costs PEP Bot and the bare framework,
 * ack and everything after it (replies, saves), from the kernel's count for each process
 * (/proc/<pid>/stat). Unlike a latency percentile it hardly moves when other work shares the
 * machine, so it is the figure to compare a change by; latency still needs `npm run bench:ack`.
 */
const CLOCK_TICKS_PER_S = 100;

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the line; here they follow "pid (comm) " as 12 and 13.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

const SCENARIOS: { name: string; rate: number; bare: (stage: Stage) => ServerProcess; requests: (stage: Stage) => ReturnType<typeof teamsHelp> }[] = [
  { name: 'Slack /pep help', rate: 100, bare: (s) => s.bolt, requests: (s) => slackCommand(s, 'help') },
  { name: 'Slack /pep action (a write)', rate: 20, bare: (s) => s.bolt, requests: slackActionCapture },
  { name: 'Teams "help"', rate: 100, bare: (s) => s.botbuilder, requests: teamsHelp },
  { name: 'Teams RSVP click (a write)', rate: 100, bare: (s) => s.botbuilder, requests: teamsRsvpClicks },
];

async function perRequest(stage: Stage, server: ServerProcess, scenario: (typeof SCENARIOS)[number], durationMs: number): Promise<number> {
  const before = cpuMs(server.pid);
  const result = await runLoad({ origin: server.origin, rate: scenario.rate, durationMs, ...scenario.requests(stage) });
  await settle(stage);
  if (result.errors > 0) {
    throw new Error(`${server.name}: ${result.errors} errors (${result.timeouts} time-outs) in ${scenario.name}: ${result.errorSamples.slice(0, 3).join(' | ')}`);
  }
  return (cpuMs(server.pid) - before) / result.sent;
}

export async function run(durationMs: number, only = ''): Promise<void> {
  const stage = await startStage();
  try {
    for (const scenario of SCENARIOS.filter((s) => s.name.toLowerCase().includes(only.toLowerCase()))) {
      // A warm-up on each side first: the first requests load code and templates.
      await perRequest(stage, stage.pep, scenario, 1_000);
      await perRequest(stage, scenario.bare(stage), scenario, 1_000);
      const pep = await perRequest(stage, stage.pep, scenario, durationMs);
      const bare = await perRequest(stage, scenario.bare(stage), scenario, durationMs);
      console.log(`${scenario.name}: PEP Bot ${pep.toFixed(2)} ms CPU a request, bare ${bare.toFixed(2)} ms (${(pep / bare).toFixed(1)}×)`);
    }
  } finally {
    await stage.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const only = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '';
  await run(process.argv.includes('--quick') ? 3_000 : 10_000, only);
}
