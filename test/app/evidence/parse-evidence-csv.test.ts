import { describe, expect, it } from 'vitest';
import { parseEvidenceCsv } from '../../../src/app/evidence/parse-evidence-csv.js';

const HEADER = 'pep_ref,term,attendance_percent,suspension_days,permanently_excluded,english,maths,science';

describe('parseEvidenceCsv', () => {
  it('reads good rows with their lines, in any column order and case, with blanks meaning none', () => {
    const csv = ['Maths,PEP_REF,Term,Attendance_Percent,English', 'Below,pep-2026-0042,2026-27 Autumn,93.5%,well below', ',PEP-2026-0043,2026-27 spring,100,'].join('\r\n');
    expect(parseEvidenceCsv(`\uFEFF${csv}`)).toEqual({
      rows: [
        {
          line: 2,
          pepRef: 'PEP-2026-0042',
          figures: { term: '2026-27 autumn', attendancePercent: 93.5, suspensionDays: 0, permanentlyExcluded: false, attainment: [{ subject: 'english', level: 'well_below' }, { subject: 'maths', level: 'below' }] },
        },
        { line: 3, pepRef: 'PEP-2026-0043', figures: { term: '2026-27 spring', attendancePercent: 100, suspensionDays: 0, permanentlyExcluded: false, attainment: [] } },
      ],
      problems: [],
    });
  });

  it('names every bad row by its line and each thing wrong with it, and keeps the good ones', () => {
    const csv = [
      HEADER,
      'PEP-2026-0042,2026-27 autumn,95,0,no,expected,expected,above',
      'PEP-2026-0043,2026-27 autumn,91,1.5,yes,below,,',
      'PEP-2026-0044,2026-27 autumn,104,0,no,expected,expected,expected',
      'PEP 44,autumn term,,-1,maybe,good,expected,expected',
      'PEP-2026-0045,2026-27 autumn,"9o",0,no',
    ].join('\n');
    const parsed = parseEvidenceCsv(csv);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rows[1]?.figures).toMatchObject({ suspensionDays: 1.5, permanentlyExcluded: true, attainment: [{ subject: 'english', level: 'below' }] });
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'line 4: attendance_percent 104 is over 100',
      'line 5: pep_ref "PEP 44" is not a PEP reference like PEP-2026-0042',
      'line 5: term "autumn term" is not a term like 2026-27 autumn',
      'line 5: attendance_percent is empty',
      'line 5: suspension_days -1 is below 0',
      'line 5: permanently_excluded "maybe" is not yes or no',
      'line 5: english "good" is not one of well below, below, expected, above',
      'line 6: attendance_percent "9o" is not a number',
    ]);
  });

  it('names a line that is not CSV, and a header without the columns it needs', () => {
    const broken = parseEvidenceCsv([HEADER, 'PEP-2026-0042,2026-27 autumn,95,0,no,expected,expected,above,extra', 'PEP-2026-0043,2026-27 autumn,95'].join('\n'));
    expect(broken.rows.map((r) => r.line)).toEqual([3]);
    expect(broken.problems).toEqual([{ line: 2, message: 'line 2: 9 cells, but the header names 8 columns' }]);
    expect(parseEvidenceCsv(`${HEADER}\n"PEP-2026-0042,2026-27 autumn,95`).problems[0]?.message).toMatch(/^line 2: Quote Not Closed/);
    expect(parseEvidenceCsv('ref,term\nPEP-2026-0042,2026-27 autumn').problems).toEqual([{ line: 1, message: 'line 1: no pep_ref, attendance_percent columns in the header' }]);
  });
});
