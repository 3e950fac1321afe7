import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { largestGrowth, summarise } from '../../bench/support/heap-snapshot.js';

/** The bench's reading of V8 heap snapshots: live bytes by constructor, and what grew between two. */
class BenchMarker {
  constructor(readonly n: number) {}
}

async function snapshot(): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  return chunks.join('');
}

describe('heap snapshot summaries', () => {
  it('count the live objects of a constructor, and name it as what grew', async () => {
    const before = summarise(await snapshot());
    const kept = Array.from({ length: 20_000 }, (_, n) => new BenchMarker(n));
    const after = summarise(await snapshot());
    expect(before.bytesByName.get('BenchMarker') ?? 0).toBe(0);
    // Each instance holds at least a map pointer and one field.
    expect(after.bytesByName.get('BenchMarker')).toBeGreaterThanOrEqual(kept.length * 12);
    expect(after.totalMb).toBeGreaterThan(before.totalMb);
    expect(largestGrowth(before, after, 3)).toContain('BenchMarker +');
  });
});
