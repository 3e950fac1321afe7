import { describe, expect, it } from 'vitest';
import { millis } from '../../src/domain/dates.js';
import { DomainError } from '../../src/domain/errors.js';
import { instantMillis } from '../../src/stores/query-rules.js';

/** The milliseconds both stores index and compare instants by (src/stores/query-rules.ts). */
describe('instantMillis', () => {
  it.each([
    '2026-03-10T10:00:00Z',
    '2026-03-10T10:00:00.1+01:00',
    '2026-03-10T10:00:00.123456Z',
    '2026-03-10T10:00:00.1234+14:00',
    '2024-02-29T23:59:59.999-05:30',
    '2026-12-31T23:59:59.9999999Z',
    '0001-01-01T00:00:00Z',
  ])('reads %s as the domain does', (instant) => {
    expect(instantMillis(instant)).toBe(millis(instant));
  });

  it.each(['2026-03-10T10:00Z', '2026-03-10T10:00:00+0100', '2026-02-29T10:00:00Z', '2026-03-10T10:00:00', 'yesterday'])('refuses %s', (text) => {
    expect(() => instantMillis(text)).toThrow(DomainError);
  });
});
