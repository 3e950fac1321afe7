import type { CaseloadFilter, FilterChoices } from '../../../app/caseload/caseload-filters.js';
import type { CaseloadRow, CaseloadStatus } from '../../../app/caseload/caseload-row.js';
import { CASELOAD_STATUS_LABELS, CASELOAD_STATUSES } from '../../../app/caseload/caseload-row.js';
import type { CaseloadSummary, TermTimeliness } from '../../../app/caseload/caseload-summary.js';
import { CARER_ATTENDANCE_LABELS } from '../../../cards/data/labels.js';
import type { Officer } from '../../../domain/actor.js';
import { OVERSIGHT_ROLE_LABELS } from '../../../domain/actor.js';
import { writtenDay } from '../../../domain/dates.js';
import { escapeHtml, htmlPage } from '../html-page.js';
import { styleTag } from './caseload-style.js';
import { onTimeChart } from './on-time-chart.js';

/**
 * The Virtual School's caseload: the one page where a child's full name is shown, to a signed-in
 * officer only. Server-rendered, no script; every value from a record is escaped.
 */

export interface CaseloadPageView {
  officer: Officer;
  rows: readonly CaseloadRow[];
  summary: CaseloadSummary;
  chart: readonly TermTimeliness[];
  choices: FilterChoices;
  filter: CaseloadFilter;
  /** Where the page is served, e.g. "/caseload" or "/pep/caseload" behind a proxy. */
  pagePath: string;
  /** Where "who has looked" at a child's records is asked (src/channels/web/caseload/who-looked-html.ts). */
  lookedPath?: string;
}

export const yearLabel = (year: number): string => (year === 0 ? 'Reception' : `Year ${year}`);

const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
}

function select(name: string, label: string, options: { value: string; label: string }[], chosen: string | undefined): string {
  const any = option('', 'Any', chosen === undefined);
  return `<label for="f-${name}">${escapeHtml(label)}<select id="f-${name}" name="${name}">${any}${options.map((o) => option(o.value, o.label, o.value === chosen)).join('')}</select></label>`;
}

function filters(view: CaseloadPageView): string {
  const { choices, filter } = view;
  return `<form class="filters" method="get" action="${escapeHtml(view.pagePath)}" aria-label="Filter the caseload">
${select('school', 'School', choices.schools.map((s) => ({ value: s, label: s })), filter.school)}
${select('year', 'Year group', choices.years.map((y) => ({ value: String(y), label: yearLabel(y) })), filter.year === undefined ? undefined : String(filter.year))}
${select('socialWorker', 'Social worker', choices.socialWorkers.map((s) => ({ value: s, label: s })), filter.socialWorker)}
${select('term', 'Term', choices.terms.map((t) => ({ value: t.key, label: t.label })), filter.term)}
<button type="submit">Show</button>
<a href="${escapeHtml(view.pagePath)}">Clear filters</a>
</form>`;
}

function figures(summary: CaseloadSummary): string {
  const figure = (label: string, value: string) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  return `<dl class="figures">
${figure('Children', String(summary.children))}
${figure('PEPs overdue by law', String(summary.breached))}
${figure('Children with overdue actions', String(summary.withOverdueActions))}
${figure('Children with missing contributions', String(summary.withMissingContributions))}
${figure('Carer at the latest PEP', `${summary.carerAttended.attended} of ${summary.carerAttended.held}`)}
</dl>`;
}

function dueCell(row: CaseloadRow): string {
  if (!row.statutory) return '<td>Not known</td>';
  const when = `${escapeHtml(writtenDay(row.statutory.nextDue))}<span class="ref">${escapeHtml(row.statutory.kind)}</span>`;
  return row.statutory.breached ? `<td><span class="breach">Overdue:</span> ${when}</td>` : `<td>${when}</td>`;
}

function childRow(row: CaseloadRow): string {
  const name = row.fullName ?? row.initials;
  const rag = row.rag ? `<span class="rag rag-${row.rag}">${RAG_LABELS[row.rag]}</span>` : 'Not rated';
  return `<tr>
<th scope="row">${escapeHtml(name)}<span class="ref">${escapeHtml(row.initials)} · ${escapeHtml(row.ref)}</span></th>
<td>${escapeHtml(row.school ?? 'Not recorded')}</td>
<td>${row.yearGroup === undefined ? 'Not recorded' : yearLabel(row.yearGroup)}</td>
<td>${escapeHtml(row.socialWorker ?? 'Not recorded')}</td>
${dueCell(row)}
<td>${rag}</td>
<td class="num">${row.overdueActions}</td>
<td class="num">${row.missingContributions}</td>
<td>${escapeHtml(CARER_ATTENDANCE_LABELS[row.carer])}</td>
</tr>`;
}

function statusGroup(status: CaseloadStatus, rows: readonly CaseloadRow[]): string {
  const label = CASELOAD_STATUS_LABELS[status];
  return `<h3 id="status-${status}">${escapeHtml(label)} (${rows.length})</h3>
<div class="scroll" role="region" aria-labelledby="status-${status}" tabindex="0">
<table>
<thead><tr><th scope="col">Child</th><th scope="col">School</th><th scope="col">Year</th><th scope="col">Social worker</th><th scope="col">Next PEP due</th><th scope="col">RAG</th><th scope="col" class="num">Overdue actions</th><th scope="col" class="num">Missing contributions</th><th scope="col">Carer</th></tr></thead>
<tbody>
${rows.map(childRow).join('\n')}
</tbody>
</table>
</div>`;
}

function children(rows: readonly CaseloadRow[]): string {
  if (rows.length === 0) return '<p>No child matches these filters.</p>';
  return CASELOAD_STATUSES.map((status) => [status, rows.filter((r) => r.status === status)] as const)
    .filter(([, group]) => group.length > 0)
    .map(([status, group]) => statusGroup(status, group))
    .join('\n');
}

/** The form on the caseload page that asks who has looked at one child's records. */
export const whoLookedForm = (lookedPath: string): string => `<h2>Who has looked</h2>
<form class="filters" method="get" action="${escapeHtml(lookedPath)}" aria-label="Who has looked at a child's records">
<label for="looked-ref">PEP reference<input id="looked-ref" name="ref" required></label>
<button type="submit">Show who has looked</button>
</form>`;

export function signedInBar(officer: Officer, signOutPath: string): string {
  const roles = officer.roles.map((role) => OVERSIGHT_ROLE_LABELS[role]).join(', ');
  return `<header class="bar"><p>Signed in as ${escapeHtml(officer.name)} (${escapeHtml(roles)})</p>
<form method="post" action="${escapeHtml(signOutPath)}"><button type="submit">Sign out</button></form></header>`;
}

export function renderCaseloadPage(view: CaseloadPageView): string {
  return htmlPage({
    title: 'PEP Bot: Virtual School caseload',
    head: styleTag(),
    body: `${signedInBar(view.officer, `${view.pagePath}/sign-out`)}
<main>
<h1>Virtual School caseload</h1>
<h2>Summary</h2>
${figures(view.summary)}
<h2>Filter</h2>
${filters(view)}
<h2>Children by PEP status</h2>
${children(view.rows)}
<h2>PEPs held on time, by term</h2>
${onTimeChart(view.chart)}
${view.lookedPath ? whoLookedForm(view.lookedPath) : ''}
</main>`,
  });
}
