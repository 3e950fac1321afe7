import { createHash } from 'node:crypto';
import type { PlanEntry, PlanFact, PlanSection, PlanView } from '../../../app/plan/plan-view-types.js';
import { escapeHtml, htmlPage } from '../html-page.js';
import type { LinkProblem } from '../link-notice.js';
import { LINK_PROBLEMS } from '../link-notice.js';

/**
 * The written plan as a printable HTML page: no script at all, one inline style sheet allowed by
 * its hash, every piece of text escaped. A plan quotes what people typed, so a typed "<script>"
 * must arrive as text on the page and never as markup.
 */

const PLAN_CSS = `
:root { color-scheme: light; font-family: system-ui, "Segoe UI", Arial, sans-serif; line-height: 1.45; color: #1b1b1b; }
body { margin: 0; background: #f4f4f4; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1d4f91; color: #1d4f91; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
dl { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.2rem 1rem; margin: 0.3rem 0; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
p, li { white-space: pre-wrap; overflow-wrap: anywhere; }
.greeting { font-size: 1.1rem; }
.summary { padding: 0.8rem 1rem; background: #eef3fa; border-radius: 4px; }
.empty { color: #555; font-style: italic; }
.tools { margin: 1rem 0 0; }
a { color: #1d4f91; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
footer { margin-top: 2.5rem; font-size: 0.85rem; color: #555; }
@page { size: A4; margin: 16mm; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .tools { display: none; }
  h2, h3 { break-after: avoid; }
  article, dl { break-inside: avoid; }
}
`;

const STYLE_HASH = `sha256-${createHash('sha256').update(PLAN_CSS, 'utf8').digest('base64')}`;

/** Stricter than the card pages: this page loads nothing at all and allows only its own style. */
export const PLAN_PAGE_CSP = `default-src 'none'; style-src '${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const factList = (facts: PlanFact[], className?: string) =>
  facts.length === 0 ? '' : `<dl${className ? ` class="${className}"` : ''}>${facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;

function entryHtml(entry: PlanEntry): string {
  return [
    '<article>',
    entry.title ? `<h3>${escapeHtml(entry.title)}</h3>` : '',
    entry.text ? `<p>${escapeHtml(entry.text)}</p>` : '',
    entry.items && entry.items.length > 0 ? `<ul>${entry.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '',
    factList(entry.facts),
    '</article>',
  ].join('');
}

const sectionHtml = (section: PlanSection) =>
  `<section><h2>${escapeHtml(section.heading)}</h2>${
    section.entries.length > 0 ? section.entries.map(entryHtml).join('\n') : `<p class="empty">${escapeHtml(section.empty)}</p>`
  }</section>`;

function page(title: string, body: string): string {
  return htmlPage({ title, head: `<style>${PLAN_CSS}</style>`, body: `<main>
${body}
</main>` });
}

/** `pdfHref`: where the same plan downloads as a PDF, relative to the page. */
export function renderPlanHtml(view: PlanView, options: { pdfHref: string }): string {
  return page(
    view.title,
    [
      `<header><h1>${escapeHtml(view.title)}</h1>`,
      view.greeting ? `<p class="greeting">${escapeHtml(view.greeting)}</p>` : '',
      factList(view.summary, 'summary'),
      `<p class="tools"><a href="${escapeHtml(options.pdfHref)}">Download this plan as a PDF</a>. To print it, use your browser's Print.</p></header>`,
      ...view.sections.map(sectionHtml),
      '<footer>Written plan produced by PEP Bot from the meeting record. Please do not forward it: the link is for you alone.</footer>',
    ].join('\n'),
  );
}

/** A plan link that does not work: the same words as the card links', on this page's own style. */
export function renderPlanNoticeHtml(problem: LinkProblem): string {
  const words = LINK_PROBLEMS[problem];
  return page(`PEP Bot: ${words.title.toLowerCase()}`, `<h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.explanation)}</p><p>${escapeHtml(words.next)}</p>`);
}
