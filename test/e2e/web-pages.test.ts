import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSecureLink } from '../../src/app/secure-links.js';
import { linkRoutes } from '../../src/channels/web/link-routes.js';
import { planRoutes } from '../../src/channels/web/plan/plan-routes.js';
import { policyPages } from '../../src/channels/web/policy-pages.js';
import type { Meeting } from '../../src/domain/model.js';
import { idOf, meetingReadyToClose, planWorld, PUBLIC_BASE_URL } from '../plan/support.js';
import type { PlanWorld } from '../plan/support.js';
import type { RunningServer } from '../server/harness.js';
import { captureLog, startServer } from '../server/harness.js';
import { axeViolations, keyboardProblems } from './web-link-checks.js';

/**
 * The web pages that are not a card: the written plan, the privacy notice and terms, and the
 * page a good link shows once its meeting has moved on. Each passes axe (WCAG 2.2 AA), reflows
 * at 320 px with no sideways scrolling, and works with the keyboard alone, in a real Chromium
 * under each page's own Content-Security-Policy. Screenshots go to test/artifacts/web/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = join(import.meta.dirname, '..', 'artifacts', 'web');
const installed = existsSync(CHROMIUM);

describe.skipIf(!installed && !process.env.CI)('web pages in Chromium', () => {
  let browser: Browser;
  let world: PlanWorld;
  let server: RunningServer;
  let meeting: Meeting;

  beforeAll(async () => {
    if (!installed) throw new Error(`${CHROMIUM} is missing, and CI is set: install it with apt-get install -y chromium.`);
    mkdirSync(SHOTS, { recursive: true });
    world = await planWorld();
    server = await startServer({
      store: world.store,
      mount: [
        planRoutes({ app: world.deps, publicBaseUrl: PUBLIC_BASE_URL, logger: captureLog().logger }),
        policyPages({ https: false, basePath: '' }),
        { path: '/', router: linkRoutes({ app: world.deps, basePath: '', https: false, logger: captureLog().logger }) },
      ],
    });
    const ready = await meetingReadyToClose(world);
    world.clock.set('2026-12-04T11:00:00Z');
    await world.run(ready, ready.organiserId, { type: 'concludeMeeting' });
    meeting = (await world.store.getMeeting(ready.id))!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.server.stop();
    await world?.close();
  });

  /** A link for one person, as the organiser would issue it, opened on this server. */
  async function linkFor(role: string, purpose: 'plan' | 'invitation' | 'child-voice-prompt', itemId?: string): Promise<string> {
    const { token } = await issueSecureLink(world.deps, { meetingId: meeting.id, participantId: idOf(meeting, role), purpose, itemId, actorId: meeting.organiserId });
    return token;
  }

  /** Opens a page at a width, failing on any console error, page error or CSP violation. */
  async function open(path: string, width: number, expectStatus = 200): Promise<{ page: Page; said: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const said: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    page.on('console', (message) => {
      // Chromium logs every 4xx answer, and the notice pages answer 404 or 410 on purpose.
      if (expectStatus !== 200 && message.text().includes(`status of ${expectStatus}`)) return;
      if (message.type() === 'error' || message.type() === 'warning') said.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => said.push(`page error: ${error.message}`));
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(expectStatus);
    return { page, said };
  }

  async function expectAccessible(path: string, shot: string, expectStatus = 200): Promise<Page> {
    for (const width of [320, 390, 1000]) {
      const { page, said } = await open(path, width, expectStatus);
      expect(await axeViolations(page), `axe at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling at ${width} px`).toBe(true);
      expect(await keyboardProblems(page), `keyboard at ${width} px`).toEqual([]);
      if (width === 390) await page.screenshot({ path: join(SHOTS, `${shot}-390.png`), fullPage: true });
      expect(said).toEqual([]);
      if (width !== 390) await page.close();
      else return page;
    }
    throw new Error('unreachable');
  }

  it('the written plan', async () => {
    const page = await expectAccessible(`/plan/${await linkFor('carer', 'plan')}`, 'plan');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.close();
  });

  it('the written plan’s page for a link that does not work', async () => {
    const page = await expectAccessible(`/plan/${'A'.repeat(43)}`, 'plan-unknown', 404);
    await page.close();
  });

  it.each(['privacy', 'terms'])('/%s', async (name) => {
    const page = await expectAccessible(`/${name}`, name);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.close();
  });

  it('the carer’s invitation once the meeting is over: what happened and who to contact, no form', async () => {
    const page = await expectAccessible(`/p/${await linkFor('carer', 'invitation')}`, 'closed-carer');
    await page.getByRole('heading', { level: 1, name: 'The meeting has finished' }).waitFor();
    expect(await page.locator('input, textarea, button, script').count()).toBe(0);
    await page.close();
  });

  it('the child’s questions once the meeting is over, in the child’s words', async () => {
    const promptId = meeting.prompts.find((p) => p.kind === 'child_voice')!.id;
    const page = await expectAccessible(`/p/${await linkFor('child', 'child-voice-prompt', promptId)}`, 'closed-child');
    await page.getByRole('heading', { level: 1, name: 'Your meeting has finished' }).waitFor();
    expect(await page.locator('input, textarea, button, script').count()).toBe(0);
    await page.close();
  });
});
