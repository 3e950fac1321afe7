import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadRow, sortRows } from '../../src/app/caseload/caseload-row.js';
import { caseloadRoutes } from '../../src/channels/web/caseload/caseload-routes.js';
import { CaseloadSettingsSchema } from '../../src/domain/oversight/caseload-settings.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { aChild } from '../support/child-fixture.js';
import { logInAtProvider, startTestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { TestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { RunningServer } from '../server/harness.js';
import { captureLog, startServer } from '../server/harness.js';
import { anAction, aMeeting } from '../support/meeting-fixture.js';
import { axeViolations, contrastProblems, keyboardProblems } from './web-link-checks.js';

/**
 * The Virtual School's caseload page, signed in through a real OpenID provider on loopback with
 * the real relying-party library, in a real Chromium: the whole authorisation-code flow with PKCE,
 * the page itself (axe, at desktop width and at 390 px), and the refusals. Screenshots go to
 * test/artifacts/web/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = join(import.meta.dirname, '..', 'artifacts', 'web');
const installed = existsSync(CHROMIUM);

const HEAD_GROUP = '6a1f2c3d-0000-4000-8000-00000000a001';
const NOW = new Date('2026-03-25T12:00:00Z');

const ROWS = sortRows([
  caseloadRow(
    {
      child: aChild({ ref: 'PEP-2026-0042', initials: 'JD', fullName: 'Jordan Doe', school: 'Northfield Academy', yearGroup: 7 }),
      meetings: [aMeeting({ status: 'concluded', startsAt: '2026-02-10T10:00:00Z', qa: { status: 'returned', rag: 'red' }, actions: [anAction({ id: 'a1', dueDate: '2026-03-01' })] })],
      statutory: { nextDue: '2026-03-20', kind: 'Termly review', breached: true },
    },
    NOW,
    '2026-03-25',
  ),
  caseloadRow(
    {
      child: aChild({ ref: 'PEP-2026-0107', initials: 'AK', fullName: 'Ava Khan', school: 'Southgate School', yearGroup: 0, socialWorkerName: 'Priya Shah' }),
      meetings: [aMeeting({ status: 'plan_distributed', startsAt: '2025-10-10T10:00:00Z', qa: { status: 'approved', rag: 'green' }, attendance: [{ participantId: 'p-carer', status: 'attended' }] })],
      statutory: { nextDue: '2026-04-24', kind: 'Termly review', breached: false },
    },
    NOW,
    '2026-03-25',
  ),
]);

describe.skipIf(!installed && !process.env.CI)('the caseload page in Chromium, signed in through a real OpenID provider', () => {
  let browser: Browser;
  let provider: TestProvider;
  let server: RunningServer;
  let store: MeetingStore;
  let dataDir: string;

  beforeAll(async () => {
    if (!installed) throw new Error(`${CHROMIUM} is missing, and CI is set: install it with apt-get install -y chromium.`);
    mkdirSync(SHOTS, { recursive: true });
    provider = await startTestProvider();
    dataDir = mkdtempSync(join(tmpdir(), 'pep-caseload-'));
    store = await openStore({ dataDir });
    await store.init();
    // The routes need the address they are served at (the redirect URI), known once listening.
    let routes: RequestHandler = (_req, res) => void res.status(503).end();
    server = await startServer({ store, mount: [{ path: '/caseload', router: (req, res, next) => routes(req, res, next) }] });
    const settings = CaseloadSettingsSchema.parse({ groupRoles: { [HEAD_GROUP]: 'virtual_school_head' } });
    routes = caseloadRoutes({
      signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
      settings,
      officers: [],
      publicBaseUrl: server.url,
      loadRows: async () => ROWS,
      clock: { now: () => new Date() },
      logger: server.logger,
    }).router;
    provider.register(`${server.url}/caseload/callback`, {
      'vs-head': { name: 'Hana Head', email: 'hana.head@council.example', groups: ['0000-other-group', HEAD_GROUP] },
      outsider: { name: 'Otto Outsider', email: 'otto@council.example', groups: ['0000-other-group'] },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.server.stop();
    await store?.close();
    await provider?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** From the caseload, through the provider's login page as `login`, back to wherever the flow ends. */
  async function signIn(context: BrowserContext, login: string, path = '/caseload'): Promise<{ page: Page; status: number | undefined }> {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    expect(page.url().startsWith(provider.issuer)).toBe(true);
    const back = page.waitForResponse((response) => response.url().startsWith(`${server.url}/caseload`) && response.status() !== 303);
    await logInAtProvider(page, login);
    const response = await back;
    await page.waitForLoadState();
    return { page, status: response.status() };
  }

  it('signs a Virtual School Head in (code flow with PKCE) and shows the caseload, axe-clean at desktop width and at 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, status } = await signIn(context, 'vs-head', '/caseload?school=Northfield%20Academy');
    expect(status).toBe(200);
    expect(page.url()).toBe(`${server.url}/caseload?school=Northfield%20Academy`);
    await page.getByRole('heading', { level: 1, name: 'Virtual School caseload' }).waitFor();
    expect(await page.getByText('Signed in as Hana Head (Virtual School Head)').count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: /Jordan Doe/ }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: /Ava Khan/ }).count()).toBe(0);
    expect(await axeViolations(page), 'axe at 1280 px').toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'caseload-1280.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/caseload`);
    expect(await page.getByRole('rowheader', { name: /Ava Khan/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'PEPs held on time, by term' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'PEPs held on time, by term' }).count()).toBe(1);
    expect(await axeViolations(page), 'axe at 390 px').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px').toBe(true);
    expect(await contrastProblems(page), 'contrast at 390 px').toEqual([]);
    expect(await keyboardProblems(page), 'keyboard at 390 px').toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'caseload-390.png'), fullPage: true });

    const cookie = (await context.cookies()).find((c) => c.name === 'pep_caseload')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/caseload', secure: false });
    expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'You have signed out of the caseload' }).waitFor();
    expect((await context.cookies()).some((c) => c.name === 'pep_caseload')).toBe(false);
    await context.close();
  });

  it('filters by the query string, and refuses a filter the page does not offer', async () => {
    const context = await browser.newContext();
    const { page } = await signIn(context, 'vs-head');
    await page.getByLabel('Year group').selectOption('Reception');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/year=0/);
    expect(await page.getByRole('rowheader', { name: /Ava Khan/ }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: /Jordan Doe/ }).count()).toBe(0);
    const refused = await page.goto(`${server.url}/caseload?year=14`);
    expect(refused?.status()).toBe(400);
    await context.close();
  });

  it('refuses a signed-in user in no mapped group with a clear 403 page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, status } = await signIn(context, 'outsider');
    expect(status).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to the caseload' }).waitFor();
    expect(await page.content()).not.toContain('Jordan');
    expect(await axeViolations(page)).toEqual([]);
    expect((await context.cookies()).some((c) => c.name === 'pep_caseload')).toBe(false);
    await context.close();
  });

  it('sends a browser with no session to sign in, and never shows the caseload', async () => {
    const response = await fetch(`${server.url}/caseload?term=2026-01-05`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/caseload/sign-in?return=%2Fcaseload%3Fterm%3D2026-01-05');
    const forged = await fetch(`${server.url}/caseload`, { redirect: 'manual', headers: { cookie: 'pep_caseload=eyJleHAiOjk5OTk5OTk5OTk5OTksInZhbHVlIjp7fX0.AAAA' } });
    expect(forged.status).toBe(303);
  });

  it('refuses a callback whose state is not the one this browser started with, and a callback used twice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/caseload`);
    expect(page.url().startsWith(provider.issuer)).toBe(true);
    const forged = await page.goto(`${server.url}/caseload/callback?code=a-code&state=not-the-state-we-sent&iss=${encodeURIComponent(provider.issuer)}`);
    expect(forged?.status()).toBe(502);
    expect((await context.cookies()).some((c) => c.name === 'pep_caseload')).toBe(false);

    const callback = page.waitForResponse((r) => r.url().startsWith(`${server.url}/caseload/callback`));
    await page.goto(`${server.url}/caseload`);
    await logInAtProvider(page, 'vs-head');
    const used = (await callback).url();
    await page.getByRole('heading', { level: 1, name: 'Virtual School caseload' }).waitFor();
    await context.clearCookies({ name: 'pep_caseload' });
    // The same callback again (a code from history, or stolen): the sign-in it belonged to is over.
    expect((await page.goto(used))?.status()).toBe(400);
    expect((await context.cookies()).some((c) => c.name === 'pep_caseload')).toBe(false);
    await context.close();
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and behind https keeps them in a Secure cookie', async () => {
    const behindHttps = caseloadRoutes({
      signIn: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret },
      settings: CaseloadSettingsSchema.parse({}),
      officers: [],
      publicBaseUrl: 'https://pep.example.org',
      loadRows: async () => ROWS,
      clock: { now: () => new Date() },
      logger: server.logger,
    });
    const https = await startServer({ store, mount: [behindHttps] });
    try {
      const response = await fetch(`${https.url}/caseload/sign-in?return=${encodeURIComponent('https://evil.example/caseload')}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      const to = new URL(response.headers.get('location')!);
      expect(to.origin).toBe(provider.issuer);
      expect(Object.fromEntries(to.searchParams)).toMatchObject({
        client_id: provider.clientId,
        redirect_uri: 'https://pep.example.org/caseload/callback',
        response_type: 'code',
        code_challenge_method: 'S256',
        scope: 'openid profile email',
      });
      for (const name of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^pep_caseload_signin=[^;]+; Max-Age=600; Path=\/caseload; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
      // The PKCE verifier and the return address stay in the signed cookie, never in the URL; a foreign return address is dropped.
      const body = JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[0]!, 'base64url').toString('utf8')) as { value: { verifier: string; returnTo: string } };
      expect(to.href).not.toContain(body.value.verifier);
      expect(body.value.returnTo).toBe('/caseload');
    } finally {
      await https.server.stop();
    }
  });

  it('as a Teams tab: framed by Teams, offers sign-in in a new window where the caseload then shows; framed by another site, refused', async () => {
    // Teams (a public site) framing a loopback address is what Chromium's local network checks stop;
    // in production the caseload is on the council's public address.
    const teamsBrowser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'] });
    const context = await teamsBrowser.newContext();
    // Teams' and another site's pages, served by the browser itself: each frames the caseload.
    const framing = (title: string) => `<!doctype html><html lang="en"><title>${title}</title><iframe title="Caseload" src="${server.url}/caseload" width="800" height="600"></iframe></html>`;
    await context.route('https://teams.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/html', body: framing('Teams') }));
    await context.route('https://elsewhere.example/**', (route) => route.fulfill({ contentType: 'text/html', body: framing('Elsewhere') }));
    const page = await context.newPage();
    await page.goto('https://teams.microsoft.com/_#/apps/pep-bot/caseload');
    const tab = page.frameLocator('iframe');
    await tab.getByRole('heading', { level: 1, name: 'Virtual School caseload' }).waitFor();
    const opened = context.waitForEvent('page');
    await tab.getByRole('link', { name: 'Sign in' }).click();
    const popup = await opened;
    await popup.waitForURL((url) => url.href.startsWith(provider.issuer));
    await logInAtProvider(popup, 'vs-head');
    await popup.getByRole('heading', { level: 1, name: 'Virtual School caseload' }).waitFor();
    expect(await popup.getByRole('rowheader', { name: /Jordan Doe/ }).count()).toBe(1);

    const elsewhere = await context.newPage();
    const refused = new Promise<string>((resolve) => elsewhere.on('console', (message) => message.text().includes('frame-ancestors') && resolve(message.text())));
    await elsewhere.goto('https://elsewhere.example/');
    expect(await refused).toContain('frame-ancestors');
    expect(await elsewhere.frameLocator('iframe').getByText('Jordan Doe').count()).toBe(0);
    await teamsBrowser.close();
  });

  it('inside a Teams tab (a frame), offers sign-in in a new window, and lets only Teams frame the page', async () => {
    const response = await fetch(`${server.url}/caseload`, { redirect: 'manual', headers: { 'sec-fetch-dest': 'iframe' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<a class="button-link" href="\/caseload\/sign-in\?return=%2Fcaseload" target="_blank" rel="noopener">Sign in<\/a>/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com");
    expect(response.headers.get('x-frame-options')).toBeNull();
  });
});

describe('the caseload page without sign-in set up', () => {
  it('says sign-in is not set up, on every caseload path, and shows nothing else', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pep-caseload-off-'));
    const store = await openStore({ dataDir });
    await store.init();
    const settings = CaseloadSettingsSchema.parse({});
    const module = caseloadRoutes({ signIn: undefined, settings, officers: [], publicBaseUrl: 'http://127.0.0.1:3978', loadRows: async () => ROWS, clock: { now: () => NOW }, logger: captureLog().logger });
    const server = await startServer({ store, mount: [module] });
    try {
      for (const path of ['/caseload', '/caseload/sign-in', '/caseload/callback?code=x&state=y']) {
        const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
        expect(response.status).toBe(503);
        const html = await response.text();
        expect(html).toContain('Sign-in is not set up');
        expect(html).not.toContain('Jordan');
      }
    } finally {
      await server.server.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
