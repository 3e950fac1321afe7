import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const settingsFile = (content: string): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'council-')), 'council.json');
  writeFileSync(file, content);
  return file;
};

describe('COUNCIL_SETTINGS', () => {
  it("is England's defaults with no officers when unset", () => {
    expect(loadConfig({}).council.officers).toEqual([]);
  });

  it('reads the officers from the named file', () => {
    const file = settingsFile(JSON.stringify({ officers: [{ id: 'vs-amy', name: 'Amy Officer', email: 'Amy@Council.gov.uk', roles: ['virtual_school_officer'] }] }));
    expect(loadConfig({ COUNCIL_SETTINGS: file }).council.officers).toEqual([
      { id: 'vs-amy', name: 'Amy Officer', email: 'amy@council.gov.uk', roles: ['virtual_school_officer'] },
    ]);
  });

  it('stops start-up naming the path of a bad value in the file', () => {
    const file = settingsFile(JSON.stringify({ officers: [{ id: 'vs-amy', name: 'Amy', roles: ['mayor'] }] }));
    expect(() => loadConfig({ COUNCIL_SETTINGS: file })).toThrow(ConfigError);
    expect(() => loadConfig({ COUNCIL_SETTINGS: file })).toThrow(/COUNCIL_SETTINGS officers\.0\.roles\.0 in .*council\.json/);
  });

  it('names a missing or unreadable file', () => {
    expect(() => loadConfig({ COUNCIL_SETTINGS: '/nowhere/council.json' })).toThrow(/COUNCIL_SETTINGS must name a readable JSON file \(\/nowhere\/council\.json: no such file\)/);
    expect(() => loadConfig({ COUNCIL_SETTINGS: settingsFile('{ not json') })).toThrow(/COUNCIL_SETTINGS must name a readable JSON file/);
  });
});
