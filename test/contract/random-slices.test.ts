import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createFieldCipher } from '../../src/stores/encryption/field-cipher.js';
import { randomSlices } from '../../src/stores/encryption/random-slices.js';

describe('random values cut from a pooled buffer', () => {
  it('hands out slices of the size asked, never the same bytes twice, across refills', () => {
    const next = randomSlices(12, 8);
    const slices = Array.from({ length: 100 }, () => next());
    expect(slices.every((slice) => slice.length === 12)).toBe(true);
    expect(new Set(slices.map((slice) => slice.toString('hex'))).size).toBe(100);
  });

  it('gives every sealed value its own IV, so the same text seals differently each time', () => {
    const cipher = createFieldCipher([{ id: 'k1', key: randomBytes(32) }]);
    const sealed = Array.from({ length: 600 }, () => cipher.encrypt('Agreed to refer to CAMHS'));
    const ivs = sealed.map((value) => value.split(':')[3]);
    expect(new Set(ivs).size).toBe(sealed.length);
    expect(sealed.map((value) => cipher.decrypt(value))).toStrictEqual(sealed.map(() => 'Agreed to refer to CAMHS'));
  });
});
