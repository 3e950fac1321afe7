import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ENGLAND_DEFAULT_TERMS } from '../../src/domain/child/calendar-settings.js';

const settingsFile = (content: unknown): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'council-')), 'council.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('COUNCIL_SETTINGS calendar', () => {
  it("is England's default terms and figures when unset", () => {
    expect(loadConfig({}).council.calendar).toEqual({ terms: ENGLAND_DEFAULT_TERMS, schoolMoveSchoolDays: 10, nudgeLeadWorkingDays: 5, maxReviewIntervalDays: 122 });
  });

  it("takes the council's own terms and window", () => {
    const terms = [{ name: 'Autumn 2026', start: '2026-09-02', halfTermStart: '2026-10-19', halfTermEnd: '2026-10-30', end: '2026-12-18' }];
    expect(loadConfig({ COUNCIL_SETTINGS: settingsFile({ calendar: { terms, schoolMoveSchoolDays: 15 } }) }).council.calendar).toMatchObject({ terms, schoolMoveSchoolDays: 15, nudgeLeadWorkingDays: 5 });
  });

  it('stops start-up naming a school-move window outside 10 to 20 school days', () => {
    const file = settingsFile({ calendar: { schoolMoveSchoolDays: 25 } });
    expect(() => loadConfig({ COUNCIL_SETTINGS: file })).toThrow(ConfigError);
    expect(() => loadConfig({ COUNCIL_SETTINGS: file })).toThrow(/COUNCIL_SETTINGS calendar\.schoolMoveSchoolDays in .*council\.json/);
  });

  it('stops start-up naming a term out of order and a half-term outside its term', () => {
    const autumn = { name: 'Autumn 2026', start: '2026-09-02', halfTermStart: '2026-10-19', halfTermEnd: '2026-10-30', end: '2026-12-18' };
    const overlapping = settingsFile({ calendar: { terms: [autumn, { ...autumn, name: 'Again' }] } });
    expect(() => loadConfig({ COUNCIL_SETTINGS: overlapping })).toThrow(/COUNCIL_SETTINGS calendar\.terms\.1\.start in .*: Terms are in date order/);
    const inverted = settingsFile({ calendar: { terms: [{ ...autumn, halfTermStart: '2026-12-21' }] } });
    expect(() => loadConfig({ COUNCIL_SETTINGS: inverted })).toThrow(/COUNCIL_SETTINGS calendar\.terms\.0 in .*: A term runs start < halfTermStart/);
  });
});
