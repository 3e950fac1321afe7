import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import type { EvidenceCsvRow } from './evidence-csv-row.js';
import { EvidenceCsvRowSchema, REQUIRED_CSV_COLUMNS } from './evidence-csv-row.js';

/** A good row, with the line of the file it came from. */
export interface CsvEvidenceRow extends EvidenceCsvRow {
  line: number;
}

/** What is wrong with one line of the file, in a sentence that names it: "line 4: attendance_percent 104 is over 100". */
export interface CsvRowProblem {
  line: number;
  message: string;
}

export interface ParsedEvidenceCsv {
  rows: CsvEvidenceRow[];
  problems: CsvRowProblem[];
}

const MAX_ROWS = 5000;

/**
 * A school's evidence CSV: a header line naming the columns (in any order, any case; others are
 * ignored), then one line per child. Every bad line is named with each thing wrong with it; the
 * good lines are returned to apply. A line that cannot be read as CSV at all is named too. Pure.
 */
export function parseEvidenceCsv(text: string): ParsedEvidenceCsv {
  const problems: CsvRowProblem[] = [];
  let header: string[] = [];
  const records = parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    // An MIS often leaves out the empty cells at the end of a line.
    relax_column_count_less: true,
    columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
    info: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      const line = typeof error.lines === 'number' ? error.lines : 0;
      const cells = Array.isArray(error.record) ? error.record.length : undefined;
      const what = error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && cells ? `${cells} cells, but the header names ${header.length} columns` : error.message;
      problems.push({ line, message: `line ${line}: ${what}` });
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) return { rows: [], problems: [{ line: 1, message: `line 1: no ${missing.join(', ')} ${missing.length === 1 ? 'column' : 'columns'} in the header` }] };
  if (records.length > MAX_ROWS) return { rows: [], problems: [{ line: 1, message: `the file has ${records.length} rows; send at most ${MAX_ROWS} at a time` }] };

  const rows: CsvEvidenceRow[] = [];
  for (const { record, info } of records) {
    const parsed = EvidenceCsvRowSchema.safeParse(record);
    if (parsed.success) rows.push({ line: info.lines, ...parsed.data });
    else for (const issue of parsed.error.issues) problems.push({ line: info.lines, message: `line ${info.lines}: ${issue.path.join('.')} ${issue.message}` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}
