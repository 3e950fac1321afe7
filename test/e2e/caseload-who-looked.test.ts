import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAccess, recordExport } from '../../src/app/data-protection/access-log.js';
import { whoLookedReader } from '../../src/app/data-protection/who-looked.js';
import { caseloadRoutes } from '../../src/channels/web/caseload/caseload-routes.js';
import { CaseloadSettingsSchema } from '../../src/domain/oversight/caseload-settings.js';
import type { StoreWithChildren } from '../../src/ports/child-store.js';
import { openStore } from '../../src/stores/open-store.js';
import { logInAtProvider, startTestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { TestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { RunningServer } from '../server/harness.js';
import { startServer } from '../server/harness.js';
import { aMeeting } from '../support/meeting-fixture.js';
import { axeViolations } from './web-link-checks.js';

/**
 * The Virtual School sees who has looked at a child's plans and cards: signed in on the caseload
 * through a real OpenID provider, in a real Chromium, reading the access log from the real store.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const installed = existsSync(CHROMIUM);
const OFFICER_GROUP = '6a1f2c3d-0000-4000-8000-00000000b002';

describe.skipIf(!installed && !process.env.CI)('who has looked, on the caseload, for a signed-in officer', () => {
  let browser: Browser;
  let provider: TestProvider;
  let server: RunningServer;
  let store: StoreWithChildren;
  /** What beforeAll opened, closed in reverse order: whatever it got to before a failure. */
  const opened: Array<() => Promise<unknown> | void> = [];
  const meeting = aMeeting({ status: 'concluded', startsAt: '2026-02-10T10:00:00Z' });

  beforeAll(async () => {
    if (!installed) throw new Error(`${CHROMIUM} is missing, and CI is set: install it with apt-get install -y chromium.`);
    provider = await startTestProvider();
    opened.push(() => provider.stop());
    const dataDir = mkdtempSync(join(tmpdir(), 'pep-looked-'));
    opened.push(() => rmSync(dataDir, { recursive: true, force: true }));
    store = await openStore({ dataDir });
    await store.init();
    opened.push(() => store.close());
    await store.createMeeting(meeting, { events: [] });
    let n = 0;
    const at = (iso: string) => ({ store, clock: { now: () => new Date(iso) }, newId: () => `acc-${(n += 1)}` });
    await recordAccess(at('2026-03-01T09:30:00Z'), { meetingId: meeting.id, who: 'p-carer', linkId: 'l-1', what: 'plan_page', channel: 'web' });
    await recordAccess(at('2026-03-02T14:00:00Z'), { meetingId: meeting.id, who: 'p-teacher', linkId: 'l-2', what: 'plan_pdf', channel: 'web' });
    await recordExport(at('2026-03-03T08:00:00Z'), { who: 'officer:dpo-1', channel: 'system', meetingIds: [meeting.id] });

    let routes: RequestHandler = (_req, res) => void res.status(503).end();
    server = await startServer({ store, mount: [{ path: '/caseload', router: (req, res, next) => routes(req, res, next) }] });
    opened.push(() => server.server.stop());
    const officers = [{ id: 'dpo-1', name: 'Dee Protection', roles: ['data_protection_officer' as const] }];
    routes = caseloadRoutes({
      signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
      settings: CaseloadSettingsSchema.parse({ groupRoles: { [OFFICER_GROUP]: 'virtual_school_officer' } }),
      officers: [],
      publicBaseUrl: server.url,
      loadRows: async () => [],
      clock: { now: () => new Date() },
      logger: server.logger,
      whoLooked: whoLookedReader({ store, officers }),
    }).router;
    provider.register(`${server.url}/caseload/callback`, { 'vs-officer': { name: 'Olu Officer', email: 'olu@council.example', groups: [OFFICER_GROUP] } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    opened.push(() => browser.close());
  });

  afterAll(async () => {
    for (const close of opened.reverse()) await close();
  });

  it('asks for a PEP reference on the caseload and lists who opened what, newest first, axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/caseload`);
    await logInAtProvider(page, 'vs-officer');
    await page.getByRole('heading', { level: 1, name: 'Virtual School caseload' }).waitFor();
    await page.getByLabel('PEP reference').fill('PEP-2026-0042');
    await page.getByRole('button', { name: 'Show who has looked' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who has looked at PEP-2026-0042' }).waitFor();
    const lines = await page.getByRole('listitem').allTextContents();
    expect(lines).toEqual([
      '3 Mar 2026, 08:00: Dee Protection (Virtual School) exported the records (PEP Bot)',
      '2 Mar 2026, 14:00: Alex Morgan downloaded the written plan (PDF) (web link)',
      '1 Mar 2026, 09:30: Chris Jones opened the written plan (web link)',
    ]);
    expect(await page.getByRole('heading', { level: 2, name: 'PEP meeting of Tuesday 10 February 2026' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows nothing to someone not signed in: it sends them to sign in', async () => {
    const response = await fetch(`${server.url}/caseload/looked?ref=PEP-2026-0042`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/caseload/sign-in');
    expect(await response.text()).not.toContain('Chris Jones');
  });
});
