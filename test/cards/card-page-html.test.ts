import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render-card.js';
import { cardSample } from '../../src/cards/samples.js';
import { CARD_PAGE_CSP, cardPageAssets, jsonForScript, renderCardPage } from '../../src/channels/web/card-page.js';

const hostile = '</script><script>alert(1)</script><!-- \u2028 & "quotes"';
const card = renderCard('error', { ...cardSample('error'), kept: [{ label: 'Specific', value: hostile }] });
const html = renderCardPage({ card, title: 'PEP <b>meeting</b> for JD', postUrl: '/web/abc/actions?x=1&y=2', assetBaseUrl: '/web/assets' });

describe('renderCardPage', () => {
  it('has no inline script: every script is a file of ours or inert JSON', () => {
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(4);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/web\/assets\/[a-z.-]+\.js"|type="application\/json"/);
    expect(html).not.toMatch(/ on[a-z]+=|javascript:/i);
  });

  it('embeds the card so no text in it can end the script element, and reads back exactly', () => {
    const embedded = /<script type="application\/json" id="pep-card-json">([^<]*)<\/script>/.exec(html)?.[1];
    expect(embedded).toBeDefined();
    expect(embedded).not.toContain('</');
    expect(JSON.parse(embedded ?? '')).toEqual(card);
    expect(jsonForScript({ text: hostile })).not.toMatch(/[<>&\u2028]/);
  });

  it('escapes the title and the URLs it writes into HTML', () => {
    expect(html).toContain('<title>PEP &lt;b&gt;meeting&lt;/b&gt; for JD</title>');
    expect(html).toContain('"postUrl":"/web/abc/actions?x=1\\u0026y=2"');
  });

  it('loads the adaptivecards library and its styles from our own server, never a CDN', () => {
    expect(html).toContain('<script src="/web/assets/adaptivecards.min.js" defer></script>');
    const loaded = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(loaded).toEqual(['/web/assets/adaptivecards.css', '/web/assets/card-page.css', '/web/assets/adaptivecards.min.js', '/web/assets/card-page.js']);
  });

  it('names asset files that exist, the library straight from node_modules', () => {
    const assets = cardPageAssets();
    expect(assets.map((a) => a.name)).toEqual(['adaptivecards.min.js', 'adaptivecards.css', 'card-page.js', 'card-page.css']);
    for (const asset of assets) expect(existsSync(asset.filePath), asset.filePath).toBe(true);
    expect(assets[0]?.filePath).toMatch(/node_modules\/adaptivecards\/dist\/adaptivecards\.min\.js$/);
  });

  it('is built for a strict Content-Security-Policy', () => {
    expect(CARD_PAGE_CSP).toMatch(/^default-src 'self';/);
    expect(CARD_PAGE_CSP).not.toContain('unsafe');
  });
});
