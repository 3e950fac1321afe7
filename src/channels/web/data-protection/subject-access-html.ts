import type { SubjectAccessExport } from '../../../app/data-protection/subject-access-schema.js';
import { escapeHtml, htmlPage } from '../html-page.js';

/** "contributions" → "Contributions", "agendaItems" → "Agenda items": headings from the export's own field names. */
const label = (key: string): string => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Any JSON value as nested lists: the page shows exactly what the JSON holds, nothing more. */
function render(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '<p><em>None held.</em></p>' : `<ol>${value.map((item) => `<li>${render(item)}</li>`).join('')}</ol>`;
  if (typeof value === 'object' && value !== null) {
    const rows = Object.entries(value).filter(([, inner]) => inner !== undefined);
    return `<dl>${rows.map(([key, inner]) => `<dt>${escapeHtml(label(key))}</dt><dd>${render(inner)}</dd>`).join('')}</dl>`;
  }
  return escapeHtml(String(value));
}

const STYLE = `<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
dt { font-weight: 600; } dd { margin: 0 0 0.5rem 1.25rem; } section { border-top: 1px solid #888; margin-top: 1.5rem; }
</style>`;

/** The export as a page a person can read (npm run data:export writes it beside the JSON). */
export function subjectAccessHtml(data: SubjectAccessExport): string {
  const who = data.subject.kind === 'child' ? `the child with PEP reference ${data.subject.ref}` : data.subject.asked;
  const sections = (['meetings', 'childRoles', 'childAudit', 'child', 'keyValues'] as const)
    .filter((key) => data[key] !== undefined)
    .map((key) => `<section><h2>${escapeHtml(label(key))}</h2>${render(data[key])}</section>`)
    .join('\n');
  return htmlPage({
    title: 'What PEP Bot holds about you',
    head: STYLE,
    body: `<main><h1>What PEP Bot holds about ${escapeHtml(who)}</h1>
<p>Exported ${escapeHtml(data.exportedAt)} (format ${escapeHtml(data.format)}). Other people appear only as the ids the records use.</p>
${sections}</main>`,
  });
}
