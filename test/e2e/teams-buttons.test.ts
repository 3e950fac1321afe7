import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_NAMES } from '../../src/cards/catalogue.js';
import { cardSample } from '../../src/cards/samples.js';
import { renderTeamsCard } from '../../src/cards/teams-card.js';
import { CARD_PAGE_CSP, cardPageAssets } from '../../src/channels/web/card-page.js';
import { htmlPage } from '../../src/channels/web/html-page.js';

/**
 * The cards as Teams draws them: Teams never wraps a button's title, it cuts it short with "…".
 * Each card's Teams JSON is drawn by the same library under Teams-like settings (buttons in one
 * row on the desktop, stacked on a phone, titles never wrapping, at most six) in a real Chromium,
 * and every title must fit. The widths are assumptions about Teams, not figures Microsoft
 * publishes: a desktop chat card about 450 px wide, and a 320 px phone.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const installed = existsSync(CHROMIUM);
const LAYOUTS = [
  { name: 'desktop', width: 450, orientation: 'horizontal' },
  { name: 'phone', width: 320, orientation: 'vertical' },
] as const;

describe.skipIf(!installed && !process.env.CI)('card buttons as Teams draws them', () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    for (const asset of cardPageAssets()) app.get(`/assets/${asset.name}`, (_req, res) => void res.type(asset.contentType).sendFile(asset.filePath));
    app.get('/favicon.ico', (_req, res) => void res.status(204).end());
    app.get('/teams', (_req, res) => {
      res.set('Content-Security-Policy', CARD_PAGE_CSP).type('html').send(htmlPage({ title: 'Teams layout', head: '<link rel="stylesheet" href="/assets/adaptivecards.css"><script src="/assets/adaptivecards.min.js"></script>', body: '<main id="host"></main>' }));
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  const cases = CARD_NAMES.flatMap((name) => LAYOUTS.map((layout) => [name, layout.name, layout] as const));

  it.each(cases)('%s on a Teams %s: every button title fits', async (name, _layout, layout) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${base}/teams`);
    const card = JSON.stringify(renderTeamsCard(name, cardSample(name)).content);
    const clipped = await page.evaluate(
      ({ json, width, orientation }) => {
        type AC = { AdaptiveCard: new () => { hostConfig: unknown; parse(j: unknown): void; render(): HTMLElement }; HostConfig: new (c: unknown) => unknown };
        const lib = (window as unknown as { AdaptiveCards: AC }).AdaptiveCards;
        const host = document.getElementById('host')!;
        host.style.width = `${width}px`;
        const rendered = new lib.AdaptiveCard();
        rendered.hostConfig = new lib.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif', actions: { actionsOrientation: orientation, actionAlignment: orientation === 'vertical' ? 'stretch' : 'left', buttonSpacing: 8, maxActions: 6, allowTitleToWrap: false } });
        rendered.parse(JSON.parse(json));
        host.replaceChildren(rendered.render());
        // Show cards open too: their buttons are Teams buttons as well.
        for (const button of host.querySelectorAll<HTMLElement>('.ac-pushButton.expandable')) button.click();
        return [...host.querySelectorAll<HTMLElement>('.ac-pushButton')]
          .filter((button) => button.getClientRects().length > 0)
          .flatMap((button) => [...button.querySelectorAll<HTMLElement>('div')].filter((title) => title.scrollWidth > title.clientWidth).map(() => button.getAttribute('aria-label') ?? ''));
      },
      { json: card, width: layout.width, orientation: layout.orientation },
    );
    expect(clipped).toEqual([]);
    await page.close();
  });
});
