import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataKeyError, KEY_FILE_NAME, keyFileKeys } from '../../src/stores/encryption/data-keys.js';

describe('the embedded store key file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pep-keyfile-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once, owner-only, with nothing left beside it, and read back the same on later starts', () => {
    const made = keyFileKeys(dir, new Date('2026-12-03T10:00:00Z'));
    expect(made).toMatchObject({ created: true, file: path.join(dir, KEY_FILE_NAME), keys: [{ id: 'k20261203' }] });
    expect(made.keys[0]!.key).toHaveLength(32);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([KEY_FILE_NAME]);
    const again = keyFileKeys(dir);
    expect(again.created).toBe(false);
    expect(again.keys).toStrictEqual(made.keys);
  });

  it('refuses a damaged file by its name, without quoting it', () => {
    writeFileSync(path.join(dir, KEY_FILE_NAME), 'k1:c2hvcnQ=\n');
    expect(() => keyFileKeys(dir)).toThrow(DataKeyError);
    expect(() => keyFileKeys(dir)).toThrow(/data-encryption\.keys must hold .*key "k1" is not 32 bytes/);
    expect(() => keyFileKeys(dir)).not.toThrow(/c2hvcnQ/);
  });
});
