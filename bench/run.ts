import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Figure } from './figure.js';
import { printFigures } from './support/print.js';

/**
 * `npm run bench [-- --quick]`: builds once, runs every bench module of the list below that is
 * here (each exports run({ quick }) → Figure[]), prints one table and writes bench/results.json.
 * Modules run one after another, never side by side, so no figure pays for another's load;
 * start-up goes first, while the machine is quietest.
 */
const MODULES = ['startup.ts', 'ack-latency.ts', 'memory-under-load.ts', 'scheduler-planning.ts', 'nudge-delivery.ts'];

interface BenchModule {
  run(options: { quick: boolean }): Promise<Figure[]>;
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const quick = process.argv.includes('--quick');
const started = Date.now();

execFileSync('npm', ['run', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
// The modules start the built bot; they need not build it again.
process.env.PEP_BENCH_BUILT = '1';

const figures: Figure[] = [];
const skipped: string[] = [];
const failed: string[] = [];
for (const file of MODULES) {
  const full = `${benchDir}${file}`;
  if (!existsSync(full)) {
    console.log(`bench/${file}: not here, skipped`);
    skipped.push(file);
    continue;
  }
  const moduleStarted = Date.now();
  console.log(`bench/${file}${quick ? ' (quick)' : ''}…`);
  try {
    const module = (await import(pathToFileURL(full).href)) as BenchModule;
    figures.push(...(await module.run({ quick })));
    console.log(`bench/${file}: ${((Date.now() - moduleStarted) / 1000).toFixed(0)} s`);
  } catch (error) {
    console.error(`bench/${file} failed:`, error);
    failed.push(file);
  }
}

const cpus = os.cpus();
const results = {
  machine: { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', node: process.version, os: `${os.type()} ${os.release()}` },
  date: new Date().toISOString(),
  quick,
  figures,
  skipped,
  failed,
};
writeFileSync(`${benchDir}results.json`, `${JSON.stringify(results, null, 2)}\n`);

printFigures(figures);
console.log(`\n${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, ${results.machine.os}; ${((Date.now() - started) / 1000).toFixed(0)} s in all; written to bench/results.json`);
if (failed.length) process.exitCode = 1;
// The scheduler benches leave Agenda's lock watchdogs (timers of minutes) behind: the figures are out.
process.exit();
