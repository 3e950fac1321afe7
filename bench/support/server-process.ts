import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * A server under test in its own process, started as production starts PEP Bot (`node <file>`),
 * plus one flag on every side alike: --heapsnapshot-signal, which costs nothing until the bench
 * asks for a heap snapshot with SIGUSR2 (memory-under-load.ts does, after the load).
 */
export interface ServerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  origin: string;
  /** Resident set size now, in MB (VmRSS). */
  rssMb(): number;
  /** The largest resident set since start, in MB (VmHWM). */
  peakRssMb(): number;
  /** The last lines the process printed, for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

const statusField = (pid: number, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
};

export interface StartOptions {
  name: string;
  script: string;
  env: Record<string, string>;
  cwd: string;
  port: number;
  diagnosticDir: string;
  /** A stdout line that says the server listens. */
  ready: (line: string) => boolean;
  /** More flags for node, before the script (a profiler, say). */
  nodeArgs?: string[];
}

export async function startServerProcess({ name, script, env, cwd, port, diagnosticDir, ready, nodeArgs = [] }: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${diagnosticDir}`, ...nodeArgs, script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  const exit = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${lines.join('\n')}`)), 60_000);
    void exit.then(() => reject(new Error(`${name} exited during start-up:\n${lines.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      if (ready(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const pid = child.pid!;
  return {
    name,
    child,
    pid,
    origin: `http://127.0.0.1:${port}`,
    rssMb: () => statusField(pid, 'VmRSS'),
    peakRssMb: () => statusField(pid, 'VmHWM'),
    tail: () => lines.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The largest VmRSS seen while `work` runs, sampled every 100 ms. */
export async function sampleRss<T>(server: ServerProcess, work: Promise<T>): Promise<{ result: T; maxRssMb: number }> {
  let maxRssMb = server.rssMb();
  const timer = setInterval(() => (maxRssMb = Math.max(maxRssMb, server.rssMb())), 100);
  try {
    return { result: await work, maxRssMb: Math.max(maxRssMb, server.rssMb()) };
  } finally {
    clearInterval(timer);
  }
}
