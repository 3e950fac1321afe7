import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load-spec.js';

const GENERATOR = fileURLToPath(new URL('./generator.ts', import.meta.url));
/** Where tsx resolves from. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs one open-loop load in a generator process of its own and returns what it measured. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', GENERATOR], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(JSON.stringify(spec));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`the load generator failed (${code}): ${stderr}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
}
