import type { CardData } from '../../cards/catalogue.js';
import { MAX_DIGEST_BREACHES } from '../../cards/data/caseload-digest.js';
import type { CaseloadRow } from './caseload-row.js';
import { CASELOAD_STATUS_LABELS } from './caseload-row.js';
import { summarise } from './caseload-summary.js';

/**
 * The weekly digest card's data from the caseload rows: the page's summary, and the breaches by
 * initials and PEP reference, the longest overdue first. Only those two fields of a child are read
 * here, so nothing else about them can reach a chat.
 */
export function caseloadDigest(rows: readonly CaseloadRow[], today: string, caseloadUrl: string): CardData<'caseload-digest'> {
  const summary = summarise(rows);
  const breaches = rows
    .flatMap((row) => (row.statutory?.breached ? [{ child: { ref: row.ref, initials: row.initials }, due: row.statutory.nextDue, what: row.statutory.kind }] : []))
    .sort((a, b) => a.due.localeCompare(b.due) || a.child.ref.localeCompare(b.child.ref));
  return {
    on: today,
    children: summary.children,
    byStatus: summary.byStatus.map((s) => ({ label: CASELOAD_STATUS_LABELS[s.status], children: s.children })),
    breached: summary.breached,
    withOverdueActions: summary.withOverdueActions,
    withMissingContributions: summary.withMissingContributions,
    carerAttended: summary.carerAttended,
    breaches: breaches.slice(0, MAX_DIGEST_BREACHES),
    moreBreaches: Math.max(0, breaches.length - MAX_DIGEST_BREACHES),
    caseloadUrl,
  };
}
