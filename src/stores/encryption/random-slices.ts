import { randomBytes } from 'node:crypto';

/**
 * Random values of `size` bytes cut from a buffer filled `perDraw` at a time: one randomBytes call
 * per sealed field or audit salt cost more than the sealing itself. Each slice is handed out once,
 * so the values are as random and as unique as ones drawn one by one.
 */
export function randomSlices(size: number, perDraw: number): () => Buffer {
  let pool = Buffer.alloc(0);
  let next = 0;
  return () => {
    if (next === pool.length) {
      pool = randomBytes(size * perDraw);
      next = 0;
    }
    next += size;
    return pool.subarray(next - size, next);
  };
}
