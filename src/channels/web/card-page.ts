import { join } from 'node:path';
import type { AdaptiveCard } from '../../cards/adaptive-card.js';
import { PACKAGE_ROOT, packageRequire } from '../../package-root.js';
import { escapeHtml, htmlPage } from './html-page.js';

/**
 * The web rendering of a card: an HTML page that shows the card with the adaptivecards library
 * in the browser (Teams' own renderer) and posts each button press back as JSON. Express-free on
 * purpose: the secure-link routes mount the HTML and the asset files wherever they like.
 *
 * The page protocol: a press sends POST postUrl { verb, data, inputs } (inputs as strings, as
 * the chat clients send them). The server answers JSON { card }: with a 2xx status the card (a
 * confirmation) replaces the form; with any other status it (the error card) is shown above the
 * form, which keeps what was typed.
 */

export interface CardPageReply {
  card: AdaptiveCard;
}

export interface CardPageOptions {
  card: AdaptiveCard;
  /** The page's heading and title, e.g. "PEP meeting for JD". No personal data: it shows in tabs and history. */
  title: string;
  /** Where presses are posted. "" makes a preview page that shows the payload instead. */
  postUrl: string;
  /** URL prefix the assets are served under, e.g. "/web/assets" (no trailing slash). */
  assetBaseUrl: string;
  /** A page of its own the card leads to, linked under it: the full written plan. */
  more?: { href: string; text: string };
}

export interface CardPageAsset {
  /** File name to serve under assetBaseUrl. */
  name: string;
  filePath: string;
  contentType: string;
}

/** The policy the page is built for: nothing inline, nothing from elsewhere. */
export const CARD_PAGE_CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

/** Served from the sources for the bundle too: the build copies no assets. */
const ASSETS_DIR = join(PACKAGE_ROOT, 'src', 'channels', 'web', 'assets');

export function cardPageAssets(): CardPageAsset[] {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return [
    { name: 'adaptivecards.min.js', filePath: packageRequire.resolve('adaptivecards/dist/adaptivecards.min.js'), contentType: js },
    { name: 'adaptivecards.css', filePath: packageRequire.resolve('adaptivecards/dist/adaptivecards.css'), contentType: css },
    { name: 'card-page.js', filePath: join(ASSETS_DIR, 'card-page.js'), contentType: js },
    { name: 'card-page.css', filePath: join(ASSETS_DIR, 'card-page.css'), contentType: css },
  ];
}

/**
 * JSON inside <script type="application/json">: "<" is escaped so no "</script>" or "<!--" can end
 * the element early, and U+2028/2029 for older parsers. JSON.parse reads the escapes back.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function renderCardPage(options: CardPageOptions): string {
  const asset = (name: string) => escapeHtml(`${options.assetBaseUrl}/${name}`);
  const title = escapeHtml(options.title);
  return htmlPage({
    title: options.title,
    head: `<link rel="stylesheet" href="${asset('adaptivecards.css')}">
<link rel="stylesheet" href="${asset('card-page.css')}">
<script src="${asset('adaptivecards.min.js')}" defer></script>
<script src="${asset('card-page.js')}" defer></script>`,
    body: `<main class="pep-page">
<h1>${title}</h1>
<div id="pep-reply" tabindex="-1" aria-live="polite"></div>
<div id="pep-card" tabindex="-1"></div>
${options.more ? `<p class="pep-more"><a href="${escapeHtml(options.more.href)}">${escapeHtml(options.more.text)}</a></p>\n` : ''}<noscript><p>This page needs JavaScript switched on to show the form.</p></noscript>
</main>
<script type="application/json" id="pep-card-json">${jsonForScript(options.card)}</script>
<script type="application/json" id="pep-page-config">${jsonForScript({ postUrl: options.postUrl })}</script>`,
  });
}
