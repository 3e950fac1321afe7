import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONGODB_SUITES } from '../support/mongodb-suites.js';

const root = join(import.meta.dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

describe('the list of MongoDB suites named when they skip', () => {
  it('holds exactly the test files that ask whether MongoDB is available', () => {
    const askingForMongo = testFiles(join(root, 'test'))
      .filter((file) => /\binject\('mongo'\)/.test(readFileSync(join(root, file), 'utf8')))
      .sort();
    expect(MONGODB_SUITES.map((suite) => suite.file).sort()).toEqual(askingForMongo);
  });
});
