import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection found alive. Left to itself it
 * picks up to 4× when allocation is fast, so under a burst of Teams clicks a bot with about 90 MB
 * live held 350 MB of heap (mostly garbage not yet collected) and its RSS passed 440 MB. At 1.5×
 * the same load ends near 260 MB, with major collections a little more often. V8 reads this flag
 * each time it sets the next limit, so setting it at start-up works without a command-line flag
 * (bench/memory-under-load.ts measures the RSS).
 */
const HEAP_GROWING_PERCENT = 50;

export function keepHeapNearLiveSize(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
