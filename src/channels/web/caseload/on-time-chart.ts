import type { TermTimeliness } from '../../../app/caseload/caseload-summary.js';
import { SEASON_LABELS } from '../../../domain/school-term.js';
import { escapeHtml } from '../html-page.js';

/**
 * PEPs held on time per term, drawn on the server as SVG (no script, nothing to load), with the
 * same figures in a table under it: the chart is a picture with a one-line summary for screen
 * readers, and the table is what they read in detail.
 */

const BAR_WIDTH = 56;
const GAP = 28;
const HEIGHT = 180;
const TOP = 16;
const BOTTOM = 60;
const LEFT = 36;
/** SVG presentation attributes, not style: the page's CSP allows only its own hashed style sheet. */
const ON_TIME = '#0b6a0b';
const LATE = '#a4262c';
const UNKNOWN = '#8a8886';

/** On-time share of the PEPs whose due date is known; "–" when none is. */
export function onTimePercent(term: TermTimeliness): string {
  const judged = term.onTime + term.late;
  return judged === 0 ? '–' : `${Math.round((term.onTime / judged) * 100)}%`;
}

function bars(terms: readonly TermTimeliness[]): string {
  const most = Math.max(1, ...terms.map((t) => t.onTime + t.late + t.unknown));
  const scale = (n: number) => (n / most) * HEIGHT;
  return terms
    .map((term, i) => {
      const x = LEFT + GAP + i * (BAR_WIDTH + GAP);
      let y = TOP + HEIGHT;
      const part = (count: number, fill: string) => {
        if (count === 0) return '';
        const h = scale(count);
        y -= h;
        return `<rect fill="${fill}" x="${x}" y="${y.toFixed(1)}" width="${BAR_WIDTH}" height="${h.toFixed(1)}"/>`;
      };
      // Season over academic year: "Autumn 2026-27" on one line is wider than a bar and its gap.
      return `${part(term.onTime, ON_TIME)}${part(term.late, LATE)}${part(term.unknown, UNKNOWN)}
<text x="${x + BAR_WIDTH / 2}" y="${TOP + HEIGHT + 18}" text-anchor="middle">${SEASON_LABELS[term.term.season]}</text>
<text x="${x + BAR_WIDTH / 2}" y="${TOP + HEIGHT + 34}" text-anchor="middle">${term.term.academicYear}</text>
<text x="${x + BAR_WIDTH / 2}" y="${TOP + HEIGHT + 52}" text-anchor="middle">${onTimePercent(term)}</text>`;
    })
    .join('\n');
}

export function onTimeChart(terms: readonly TermTimeliness[]): string {
  if (terms.length === 0) return '<p>No PEP meeting has been held yet for the children shown.</p>';
  const width = LEFT + GAP + terms.length * (BAR_WIDTH + GAP);
  const latest = terms.at(-1)!;
  const summary = `${latest.term.label}: ${latest.onTime} of ${latest.onTime + latest.late + latest.unknown} PEPs held on time (${onTimePercent(latest)}). The table below has every term.`;
  const rows = terms
    .map((t) => `<tr><th scope="row">${escapeHtml(t.term.label)}</th><td class="num">${t.onTime}</td><td class="num">${t.late}</td><td class="num">${t.unknown}</td><td class="num">${onTimePercent(t)}</td></tr>`)
    .join('\n');
  return `<figure class="chart">
<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${TOP + HEIGHT + BOTTOM}" xmlns="http://www.w3.org/2000/svg" font-size="12" fill="#1b1b1b">
<title id="chart-title">PEPs held on time, by term</title>
<desc id="chart-desc">${escapeHtml(summary)}</desc>
<line x1="${LEFT}" y1="${TOP + HEIGHT}" x2="${width}" y2="${TOP + HEIGHT}" stroke="#1b1b1b"/>
<g>
${bars(terms)}
</g>
</svg>
<figcaption>Dark green: held on time. Red: held late. Grey: no due date known (a first PEP, or no review date set at the one before). Under each bar, the share held on time.</figcaption>
</figure>
<div class="scroll" role="region" aria-label="PEPs held on time, by term, as a table" tabindex="0">
<table>
<caption>PEPs held on time, by term</caption>
<thead><tr><th scope="col">Term</th><th scope="col" class="num">On time</th><th scope="col" class="num">Late</th><th scope="col" class="num">Due date not known</th><th scope="col" class="num">On time (of those known)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}
