import { createHash } from 'node:crypto';
import { writtenDay, localDate } from '../../domain/dates.js';
import { SYSTEM_ACTOR } from '../../domain/context.js';
import { isDomainError } from '../../domain/errors.js';
import type { EvidenceFlag } from '../../domain/evidence/evidence-flags.js';
import { flagInWords } from '../../domain/evidence/evidence-words.js';
import { EVIDENCE_OPEN } from '../../domain/evidence/record-evidence.js';
import { STATUS_LABELS } from '../../domain/lifecycle.js';
import type { Meeting } from '../../domain/model.js';
import type { AppDeps } from '../deps.js';
import { executeCommand } from '../execute-command.js';
import type { CsvEvidenceRow, CsvRowProblem } from './parse-evidence-csv.js';
import { parseEvidenceCsv } from './parse-evidence-csv.js';

export interface ImportedRow {
  line: number;
  pepRef: string;
  meetingId: string;
  /** False when this very file's line was imported before: nothing changed now. */
  applied: boolean;
  /** Why the child is flagged, in words (empty when nothing is). */
  flags: string[];
}

export interface EvidenceImportReport {
  imported: ImportedRow[];
  problems: CsvRowProblem[];
}

type Target = { ok: true; meeting: Meeting } | { ok: false; reason: string };

/** The child's current meeting: the latest not yet closed. Evidence for a closed PEP would change what it decided on. */
function currentMeeting(ref: string, meetings: readonly Meeting[]): Target {
  if (meetings.length === 0) return { ok: false, reason: `no PEP meeting has the reference ${ref}` };
  const byStart = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const open = byStart.filter((m) => EVIDENCE_OPEN.includes(m.status)).at(-1);
  if (open) return { ok: true, meeting: open };
  const last = byStart.at(-1)!;
  const day = writtenDay(localDate(last.startsAt, last.timeZone));
  return { ok: false, reason: `${ref} has no meeting open for evidence (the latest, on ${day}, is "${STATUS_LABELS[last.status]}"): create the next PEP first` };
}

async function importRow(deps: AppDeps, row: CsvEvidenceRow, fileHash: string): Promise<ImportedRow | CsvRowProblem> {
  const problem = (reason: string): CsvRowProblem => ({ line: row.line, message: `line ${row.line}: ${reason}` });
  const target = currentMeeting(row.pepRef, await deps.store.meetingsOfChild(row.pepRef));
  if (!target.ok) return problem(target.reason);
  try {
    const result = await executeCommand(deps, {
      meetingId: target.meeting.id,
      command: { type: 'recordEvidence', ...row.figures, source: 'csv' },
      actorId: SYSTEM_ACTOR,
      channel: 'system',
      // The same file imported twice applies once; a corrected file is a new import.
      idempotencyKey: `evidence-csv:${fileHash}:${row.line}`,
      loaded: target.meeting,
    });
    const flags = result.alerts.flatMap((a): EvidenceFlag[] => (a.kind === 'evidence_flagged' ? a.flags : []));
    return { line: row.line, pepRef: row.pepRef, meetingId: target.meeting.id, applied: !result.replayed, flags: flags.map(flagInWords) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return problem(error.message);
  }
}

/**
 * A school's evidence CSV applied to each child's current meeting as the system, with source csv,
 * audited like any change, the flags queued to the organiser and the Virtual School like a card's.
 * Every line that cannot be applied is named with why; the others are applied all the same. The
 * caseload page can offer this as an upload; `npm run evidence:import` runs it from a file.
 */
export async function importEvidenceCsv(deps: AppDeps, csv: string): Promise<EvidenceImportReport> {
  const parsed = parseEvidenceCsv(csv);
  const problems = [...parsed.problems];
  const imported: ImportedRow[] = [];
  const fileHash = createHash('sha256').update(csv).digest('hex').slice(0, 16);
  const firstLine = new Map<string, number>();
  for (const row of parsed.rows) {
    const earlier = firstLine.get(row.pepRef);
    if (earlier !== undefined) {
      problems.push({ line: row.line, message: `line ${row.line}: ${row.pepRef} is already on line ${earlier}; send one line per child` });
      continue;
    }
    firstLine.set(row.pepRef, row.line);
    const outcome = await importRow(deps, row, fileHash);
    if ('message' in outcome) problems.push(outcome);
    else imported.push(outcome);
  }
  problems.sort((a, b) => a.line - b.line);
  return { imported, problems };
}
