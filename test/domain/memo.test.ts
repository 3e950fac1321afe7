import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/domain/memo.js';

describe('a bounded memo', () => {
  it('works an answer out once per key, and again only after it filled up and forgot', () => {
    const memo = boundedMemo<number>(2);
    let worked = 0;
    const square = (n: number) => memo.get(String(n), () => ((worked += 1), n * n));
    expect([square(3), square(3), square(4), square(4)]).toEqual([9, 9, 16, 16]);
    expect(worked).toBe(2);
    expect(square(5)).toBe(25);
    expect(square(3)).toBe(9);
    expect(worked).toBe(4);
  });

  it('remembers nothing for a computation that throws', () => {
    const memo = boundedMemo<number>(2);
    expect(() => memo.get('bad', () => { throw new RangeError('no'); })).toThrow(RangeError);
    expect(memo.get('bad', () => 1)).toBe(1);
  });
});
