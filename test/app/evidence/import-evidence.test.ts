import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../../src/app/create-meeting.js';
import { importEvidenceCsv } from '../../../src/app/evidence/import-evidence.js';
import type { Meeting } from '../../../src/domain/model.js';
import { openStore } from '../../../src/stores/open-store.js';
import { counterIds } from '../../domain/scenario.js';
import { MEETING_INPUT, planWorld, type PlanWorld } from '../../plan/support.js';
import { runInRepo } from '../../scripts/run-script.js';

const CSV = [
  'pep_ref,term,attendance_percent,suspension_days,permanently_excluded,english,maths,science',
  'PEP-2026-0042,2026-27 autumn,85,0,no,expected,below,expected',
  'PEP-2026-0043,2026-27 autumn,97,0,no,expected,expected,expected',
  'PEP-2026-0044,2026-27 autumn,97,0,no,,,',
  'PEP-2026-0045,2026-27 autumn,104,0,no,,,',
  'pep-2026-0042,2026-27 autumn,99,0,no,,,',
].join('\n');

let world: PlanWorld;
let open: Meeting;

beforeEach(async () => {
  world = await planWorld();
  open = await createMeeting(world.deps, { command: MEETING_INPUT, channel: 'teams' });
  open = await world.run(open, open.organiserId, { type: 'sendInvitations' });
  const other = await createMeeting(world.deps, { command: { ...MEETING_INPUT, child: { ref: 'PEP-2026-0043', initials: 'AB' } }, channel: 'teams' });
  await world.run(other, other.organiserId, { type: 'cancelMeeting', reason: 'Child moved out of area' });
});
afterEach(() => world.close());

describe('importEvidenceCsv into a real SQLite store', () => {
  it("applies good lines to the child's open meeting as the system with source csv, audited, and names every other line", async () => {
    const report = await importEvidenceCsv(world.deps, CSV);
    expect(report.imported).toEqual([{ line: 2, pepRef: 'PEP-2026-0042', meetingId: open.id, applied: true, flags: ['Attendance 85% is below 90%'] }]);
    expect(report.problems.map((p) => p.message)).toEqual([
      'line 3: PEP-2026-0043 has no meeting open for evidence (the latest, on Friday 4 December 2026, is "Cancelled"): create the next PEP first',
      'line 4: no PEP meeting has the reference PEP-2026-0044',
      'line 5: attendance_percent 104 is over 100',
      'line 6: PEP-2026-0042 is already on line 2; send one line per child',
    ]);
    const saved = await world.store.getMeeting(open.id);
    expect(saved?.evidence).toMatchObject({ term: '2026-27 autumn', attendancePercent: 85, recordedBy: 'system', source: 'csv' });
    const audit = (await world.store.auditTrail(open.id)).filter((e) => e.type === 'recordEvidence');
    expect(audit).toEqual([expect.objectContaining({ actorId: 'system', channel: 'system', summary: 'Evidence for the Autumn term 2026-27 recorded from a CSV import (1 flagged)', data: expect.objectContaining({ source: 'csv' }) as unknown })]);
  });

  it("reads the term from the PEP's date: a file may leave it out, and a line naming another term is refused", async () => {
    const wrong = await importEvidenceCsv(world.deps, 'pep_ref,term,attendance_percent\nPEP-2026-0042,2026-27 spring,95');
    expect(wrong.problems.map((p) => p.message)).toEqual(['line 2: These figures are for 2026-27 spring, but this PEP is in the Autumn term 2026-27 (2026-27 autumn).']);
    const untermed = await importEvidenceCsv(world.deps, 'pep_ref,attendance_percent\nPEP-2026-0042,95');
    expect(untermed.imported).toEqual([expect.objectContaining({ line: 2, applied: true })]);
    expect((await world.store.getMeeting(open.id))?.evidence).toMatchObject({ term: '2026-27 autumn', attendancePercent: 95 });
  });

  it('applies the same file once, however often it is imported; a corrected file applies again', async () => {
    await importEvidenceCsv(world.deps, CSV);
    const again = await importEvidenceCsv(world.deps, CSV);
    expect(again.imported).toEqual([expect.objectContaining({ line: 2, applied: false })]);
    const corrected = await importEvidenceCsv(world.deps, CSV.replace(',85,', ',95,'));
    expect(corrected.imported).toEqual([expect.objectContaining({ line: 2, applied: true, flags: [] })]);
    expect((await world.store.auditTrail(open.id)).filter((e) => e.type === 'recordEvidence')).toHaveLength(2);
    expect((await world.store.getMeeting(open.id))?.evidence?.attendancePercent).toBe(95);
  });
});

describe('npm run evidence:import', () => {
  it('imports a file into the store DATA_DIR names, prints each line applied or not, and exits 1 when any was not', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pep-import-'));
    const store = await openStore({ dataDir });
    await store.init();
    const meeting = await createMeeting({ store, clock: world.clock, newId: counterIds('s'), defaultTimeZone: 'Europe/London' }, { command: MEETING_INPUT, channel: 'teams' });
    await store.close();
    const file = join(dataDir, 'evidence.csv');
    writeFileSync(file, CSV);
    const run = await runInRepo('npm', ['run', '--silent', 'evidence:import', '--', file], { DATA_DIR: dataDir });
    expect(run.stdout).toContain('line 2: PEP-2026-0042 applied — flagged: Attendance 85% is below 90%');
    expect(run.stdout).toContain('line 5: attendance_percent 104 is over 100');
    expect(run.stdout).toContain('1 applied, 4 not applied.');
    expect(run.code).toBe(1);
    const reopened = await openStore({ dataDir });
    await reopened.init();
    expect((await reopened.getMeeting(meeting.id))?.evidence?.source).toBe('csv');
    await reopened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
