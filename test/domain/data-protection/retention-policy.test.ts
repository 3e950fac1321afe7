import { describe, expect, it } from 'vitest';
import { RETENTION_SOURCES, sourceName } from '../../../src/domain/data-protection/held-records.js';
import { expiredRecords, hasExpired, retentionCutoff } from '../../../src/domain/data-protection/retention-policy.js';
import { RETENTION_KINDS, RETENTION_KIND_NAMES, RetentionSettingsSchema } from '../../../src/domain/data-protection/retention-settings.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('the retention policy', () => {
  it('keeps a child record two years and a job that gave up thirty days by default, each period documented', () => {
    const settings = RetentionSettingsSchema.parse({});
    expect(settings).toMatchObject({ children: 730, failedJobs: 30 });
    for (const name of RETENTION_KIND_NAMES) {
      expect(settings[name]).toBe(RETENTION_KINDS[name].defaultDays);
      expect(RETENTION_KINDS[name].why.length, name).toBeGreaterThan(80);
    }
    expect(RETENTION_KINDS.children.why).toMatch(/75th birthday/);
    expect(RETENTION_KINDS.failedJobs.why).toMatch(/personal data/);
  });

  it('lets a council set its own periods, never a negative one', () => {
    expect(RetentionSettingsSchema.parse({ children: 365, failedJobs: 7 })).toMatchObject({ children: 365, failedJobs: 7 });
    expect(RetentionSettingsSchema.safeParse({ failedJobs: -1 }).success).toBe(false);
    expect(RetentionSettingsSchema.safeParse({ children: 1.5 }).success).toBe(false);
  });

  it('counts each period back from now, in whole days', () => {
    const settings = RetentionSettingsSchema.parse({ children: 730, failedJobs: 30 });
    expect(retentionCutoff('children', settings, now).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(retentionCutoff('failedJobs', settings, now).toISOString()).toBe('2025-12-02T00:00:00.000Z');
  });

  it('has expired only strictly before the cutoff, comparing instants across offsets', () => {
    const settings = RetentionSettingsSchema.parse({ failedJobs: 30 });
    expect(hasExpired({ key: 'j', at: '2025-12-01T23:59:59Z' }, 'failedJobs', settings, now)).toBe(true);
    expect(hasExpired({ key: 'j', at: '2025-12-02T00:00:00Z' }, 'failedJobs', settings, now)).toBe(false);
    // 04:00+05:00 is 23:00Z the day before the cutoff.
    expect(hasExpired({ key: 'j', at: '2025-12-02T04:00:00+05:00' }, 'failedJobs', settings, now)).toBe(true);
    const listed = [
      { key: 'PEP-1', at: '2023-12-31T00:00:00Z' },
      { key: 'PEP-2', at: '2024-06-01T00:00:00Z' },
    ];
    expect(expiredRecords(listed, 'children', settings, now)).toEqual([listed[0]]);
  });

  it('looks at children under their own period; failed jobs are not in the store, so not among its sources', () => {
    expect(RETENTION_SOURCES.filter(({ kind }) => kind === 'children').map(({ source }) => sourceName(source))).toEqual(['child']);
    expect(RETENTION_SOURCES.some(({ kind }) => kind === 'failedJobs')).toBe(false);
  });
});
