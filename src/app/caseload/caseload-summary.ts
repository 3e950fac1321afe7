import type { CaseloadRow, CaseloadStatus } from './caseload-row.js';
import { CASELOAD_STATUSES } from './caseload-row.js';
import type { SchoolTerm } from '../../domain/school-term.js';

/**
 * The figures the Virtual School Head reads first, on the page and in the weekly digest: how many
 * children are at each stage, how many PEPs are overdue by law, and where the gaps are.
 */
export interface CaseloadSummary {
  children: number;
  byStatus: { status: CaseloadStatus; children: number }[];
  breached: number;
  withOverdueActions: number;
  withMissingContributions: number;
  /** Of the children whose current PEP has been held: how many had a carer there. */
  carerAttended: { attended: number; held: number };
}

export function summarise(rows: readonly CaseloadRow[]): CaseloadSummary {
  const held = rows.filter((r) => r.status !== 'no_pep' && r.status !== 'scheduled' && r.status !== 'in_progress');
  return {
    children: rows.length,
    byStatus: CASELOAD_STATUSES.map((status) => ({ status, children: rows.filter((r) => r.status === status).length })).filter((s) => s.children > 0),
    breached: rows.filter((r) => r.statutory?.breached).length,
    withOverdueActions: rows.filter((r) => r.overdueActions > 0).length,
    withMissingContributions: rows.filter((r) => r.missingContributions > 0).length,
    carerAttended: { attended: held.filter((r) => r.carer === 'attended').length, held: held.length },
  };
}

/** One bar of the on-time chart: PEPs held in the term, by the review date set at the one before. */
export interface TermTimeliness {
  term: SchoolTerm;
  onTime: number;
  late: number;
  /** A first PEP, or one whose previous meeting set no review date: neither on time nor late. */
  unknown: number;
}

export function onTimeByTerm(rows: readonly CaseloadRow[]): TermTimeliness[] {
  const terms = new Map<string, TermTimeliness>();
  for (const pep of rows.flatMap((r) => r.held)) {
    const bar = terms.get(pep.term.key) ?? { term: pep.term, onTime: 0, late: 0, unknown: 0 };
    if (pep.timeliness === 'on_time') bar.onTime += 1;
    else if (pep.timeliness === 'late') bar.late += 1;
    else bar.unknown += 1;
    terms.set(pep.term.key, bar);
  }
  return [...terms.values()].sort((a, b) => a.term.key.localeCompare(b.term.key));
}
