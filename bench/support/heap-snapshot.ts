import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ServerProcess } from './server-process.js';

/**
 * Heap snapshots of a server started with --heapsnapshot-signal=SIGUSR2 (server-process.ts): V8
 * collects garbage before it writes one, so the sum of the nodes' self sizes is the live heap,
 * and the same sum per constructor says what grew between two snapshots.
 */
export interface HeapSummary {
  totalMb: number;
  /** Bytes by constructor name (objects) or by node type in brackets ("(string)", "(code)"). */
  bytesByName: Map<string, number>;
}

interface SnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export function summarise(json: string): HeapSummary {
  const { snapshot, nodes, strings } = JSON.parse(json) as SnapshotFile;
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const bytesByName = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const size = nodes[i + sizeAt]!;
    const type = types[nodes[i + typeAt]!]!;
    const name = type === 'object' ? strings[nodes[i + nameAt]!]! : `(${type})`;
    total += size;
    bytesByName.set(name, (bytesByName.get(name) ?? 0) + size);
  }
  return { totalMb: total / 1024 / 1024, bytesByName };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks `server` for a heap snapshot and reads it once Node has finished writing it. */
export async function takeHeapSnapshot(server: ServerProcess, diagnosticDir: string): Promise<HeapSummary> {
  const ours = () => readdirSync(diagnosticDir).filter((name) => name.endsWith('.heapsnapshot') && name.includes(`.${server.pid}.`));
  const before = new Set(ours());
  server.child.kill('SIGUSR2');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    await sleep(500);
    const file = ours().find((name) => !before.has(name));
    if (!file) continue;
    const full = path.join(diagnosticDir, file);
    const size = statSync(full).size;
    await sleep(500);
    if (size === 0 || statSync(full).size !== size) continue;
    try {
      const summary = summarise(readFileSync(full, 'utf8'));
      rmSync(full);
      return summary;
    } catch {
      // Not all written yet: a pause in the writing can look like the end.
    }
  }
  throw new Error(`${server.name} wrote no heap snapshot within 120 s`);
}

/** The constructors that grew most from `first` to `second`, for the figure's note. */
export function largestGrowth(first: HeapSummary, second: HeapSummary, count = 3): string {
  return [...second.bytesByName]
    .map(([name, bytes]) => [name, bytes - (first.bytesByName.get(name) ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `${name} +${(bytes / 1024).toFixed(0)} kB`)
    .join(', ');
}
