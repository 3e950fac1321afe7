import { createHash } from 'node:crypto';

/**
 * The caseload pages' one style sheet, inline and allowed by its hash: the pages load nothing
 * else and run no script. Colours meet WCAG AA contrast on their backgrounds, and no status is
 * told by colour alone (each has its words).
 */
export const CASELOAD_CSS = `
:root { color-scheme: light; font-family: system-ui, "Segoe UI", Arial, sans-serif; line-height: 1.45; color: #1b1b1b; background: #f4f4f4; }
body { margin: 0; }
.bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; padding: 0.6rem 1rem; background: #1d4f91; color: #fff; }
.bar p { margin: 0; }
.bar button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid #fff; border-radius: 4px; background: transparent; color: #fff; cursor: pointer; }
main { max-width: 75rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; color: #1d4f91; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
a { color: #1d4f91; }
a:focus-visible, button:focus-visible, select:focus-visible, .scroll:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.6rem; margin: 0; }
.figures div { background: #fff; border-radius: 6px; padding: 0.6rem 0.8rem; }
.figures dt { font-size: 0.9rem; }
.figures dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
.filters { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: flex-end; background: #fff; padding: 0.8rem; border-radius: 6px; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; gap: 0.2rem; }
.filters select, .filters button { font: inherit; padding: 0.3rem; min-width: 10rem; }
.filters button { background: #1d4f91; color: #fff; border: 0; border-radius: 4px; padding: 0.4rem 1rem; min-width: 0; cursor: pointer; }
.scroll { overflow-x: auto; background: #fff; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid #d0d0d0; }
thead th { background: #e8eef6; }
td.num, th.num { text-align: right; }
.ref { display: block; font-size: 0.85rem; color: #4a4a4a; }
.breach { font-weight: 700; color: #a4262c; }
.rag { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-weight: 600; }
.rag-red { background: #fde7e9; color: #a4262c; }
.rag-amber { background: #fff4ce; color: #6b4500; }
.rag-green { background: #dff6dd; color: #0b5a0b; }
.chart { background: #fff; border-radius: 6px; padding: 0.8rem; margin: 0; }
.chart svg { width: 100%; max-width: 48rem; height: auto; display: block; }
.notice { max-width: 40rem; margin: 2rem auto; background: #fff; padding: 1.2rem 1.5rem; border-radius: 6px; }
.button-link { display: inline-block; padding: 0.5rem 1rem; background: #1d4f91; color: #fff; border-radius: 4px; text-decoration: none; }
.button-link:focus-visible { color: #fff; }
@media (max-width: 40rem) { main { padding: 0.5rem 0.5rem 2rem; } h1 { font-size: 1.3rem; } }
`;

const STYLE_HASH = `sha256-${createHash('sha256').update(CASELOAD_CSS, 'utf8').digest('base64')}`;

/**
 * Teams shows a personal tab in a frame from its own sites (the classic and the new client), so
 * this route alone lets them frame it; every other PEP Bot page refuses any frame.
 */
export const TEAMS_FRAME_ANCESTORS = ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://teams.cloud.microsoft'];

export const CASELOAD_CSP = `default-src 'none'; style-src '${STYLE_HASH}'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`;

export const styleTag = (): string => `<style>${CASELOAD_CSS}</style>`;
