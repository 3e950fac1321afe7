import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessesOf } from '../../src/app/data-protection/access-log.js';
import { subjectAccessForOfficer } from '../../src/app/data-protection/export-request.js';
import { caseloadRoutes } from '../../src/channels/web/caseload/caseload-routes.js';
import { CaseloadSettingsSchema } from '../../src/domain/oversight/caseload-settings.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { openStore } from '../../src/stores/open-store.js';
import { CARER, OTHERS, carerInThreeMeetings } from '../app/data-protection/carer-in-three-meetings.js';
import { logInAtProvider, startTestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { TestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { RunningServer } from '../server/harness.js';
import { startServer } from '../server/harness.js';

/**
 * A subject access export for a signed-in data protection officer, from the caseload: through a
 * real OpenID provider in a real Chromium, from the real store; anyone else is refused.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const installed = existsSync(CHROMIUM);
const DPO_GROUP = '6a1f2c3d-0000-4000-8000-00000000d001';
const OFFICER_GROUP = '6a1f2c3d-0000-4000-8000-00000000d002';

describe.skipIf(!installed && !process.env.CI)('subject access from the caseload, for a signed-in data protection officer', () => {
  let browser: Browser;
  let provider: TestProvider;
  let server: RunningServer;
  let store: StoreWithChildren;
  const opened: Array<() => Promise<unknown> | void> = [];

  beforeAll(async () => {
    if (!installed) throw new Error(`${CHROMIUM} is missing, and CI is set: install it with apt-get install -y chromium.`);
    provider = await startTestProvider();
    opened.push(() => provider.stop());
    const dataDir = mkdtempSync(join(tmpdir(), 'pep-dpo-export-'));
    opened.push(() => rmSync(dataDir, { recursive: true, force: true }));
    store = await openStore({ dataDir });
    await store.init();
    opened.push(() => store.close());
    await carerInThreeMeetings(store);

    let routes: RequestHandler = (_req, res) => void res.status(503).end();
    server = await startServer({ store, mount: [{ path: '/caseload', router: (req, res, next) => routes(req, res, next) }] });
    opened.push(() => server.server.stop());
    let n = 0;
    routes = caseloadRoutes({
      signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
      settings: CaseloadSettingsSchema.parse({ groupRoles: { [DPO_GROUP]: 'data_protection_officer', [OFFICER_GROUP]: 'virtual_school_officer' } }),
      officers: [],
      publicBaseUrl: server.url,
      loadRows: async () => [],
      clock: { now: () => new Date() },
      logger: server.logger,
      subjectAccess: subjectAccessForOfficer({ store, children: store, clock: { now: () => new Date('2026-04-01T09:00:00Z') }, newId: () => `x-${(n += 1)}` }),
    }).router;
    provider.register(`${server.url}/caseload/callback`, {
      'dpo-dee': { name: 'Dee Protection', email: 'dee@council.example', groups: [DPO_GROUP] },
      'vs-olu': { name: 'Olu Officer', email: 'olu@council.example', groups: [OFFICER_GROUP] },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    opened.push(() => browser.close());
  });

  afterAll(async () => {
    for (const close of opened.reverse()) await close();
  });

  const exportUrl = (format?: string) => `${server.url}/caseload/export?person=${encodeURIComponent(CARER.email)}${format ? `&format=${format}` : ''}`;

  it('gives the data protection officer the page and the JSON, and writes the export to each meeting\'s access log', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(exportUrl());
    await logInAtProvider(page, 'dpo-dee');
    await page.getByRole('heading', { level: 1, name: `What PEP Bot holds about ${CARER.email}` }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain(CARER.name);
    for (const foreign of OTHERS) expect(text).not.toContain(foreign);

    const json = await page.request.get(exportUrl('json'));
    expect(json.status()).toBe(200);
    expect(json.headers()['content-disposition']).toContain('subject-access.json');
    expect(((await json.json()) as { meetings: unknown[] }).meetings).toHaveLength(3);
    const accesses = await accessesOf(store, 'meeting-carer-1');
    // Once for the page, once for the JSON: by the signed-in officer's actor id, never a name.
    expect(accesses.map((entry) => entry.what)).toEqual(['export', 'export']);
    expect(accesses.every((entry) => entry.who.startsWith('officer:') && !entry.who.includes('Dee'))).toBe(true);
    await context.close();
  });

  it('refuses a Virtual School officer who is not the data protection officer, showing nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(exportUrl());
    await logInAtProvider(page, 'vs-olu');
    await page.getByRole('heading', { level: 1, name: 'Only a data protection officer can export what is held about a person' }).waitFor();
    expect(await page.content()).not.toContain(CARER.name);
    await context.close();
  });
});
