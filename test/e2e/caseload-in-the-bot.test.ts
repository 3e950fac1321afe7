import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChannelConfigs } from '../../src/channel-setup.js';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/start-bot.js';
import type { RunningBot } from '../../src/start-bot.js';
import { logInAtProvider, startTestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import type { TestProvider } from '../channels/web/caseload/oidc-test-provider.js';
import { captureLog } from '../server/harness.js';
import { aChild, aChildAuditEvent } from '../support/child-fixture.js';

/**
 * The caseload as the bot serves it (npm start's own start-up): the CASELOAD_OIDC_* variables and
 * the council's group map, the child store the clock keeps, the statutory clock's due date, and
 * sign-in through a real OpenID provider in Chromium.
 */
const CHROMIUM = '/usr/bin/chromium';
const installed = existsSync(CHROMIUM);
const GROUP = 'b7c8d9e0-0000-4000-8000-0000000000vs';

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe.skipIf(!installed && !process.env.CI)('the caseload in the running bot', () => {
  let provider: TestProvider;
  let bot: RunningBot;
  let browser: Browser;
  let dataDir: string;
  const log = captureLog();

  beforeAll(async () => {
    provider = await startTestProvider();
    dataDir = mkdtempSync(join(tmpdir(), 'pep-caseload-bot-'));
    const council = join(dataDir, 'council.json');
    writeFileSync(council, JSON.stringify({ caseload: { groupRoles: { [GROUP]: 'virtual_school_officer' } } }));
    const config = loadConfig({
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      COUNCIL_SETTINGS: council,
      CASELOAD_OIDC_ISSUER: provider.issuer,
      CASELOAD_OIDC_CLIENT_ID: provider.clientId,
      CASELOAD_OIDC_CLIENT_SECRET: provider.clientSecret,
    });
    bot = await startBot({ config, channelConfigs: loadChannelConfigs({}), logger: log.logger, clock: { now: () => new Date('2026-12-03T10:00:00Z') } });
    // Entered care on 2 November 2026 with no PEP meeting since: the first PEP was due to start by 16 November.
    const child = aChild({ fullName: 'Jordan Doe', socialWorkerName: 'Sam Patel' });
    await bot.store.createChild(child, { events: [aChildAuditEvent(child.ref)] });
    provider.register(`${config.publicBaseUrl}/caseload/callback`, { 'vs-amy': { name: 'Amy Officer', email: 'amy@council.example', groups: [GROUP] } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await provider?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows an officer, signed in, the children in the child store with the statutory clock’s due date', async () => {
    const page = await browser.newPage();
    await page.goto(`${bot.address.url}/caseload`);
    await logInAtProvider(page, 'vs-amy');
    await page.getByRole('heading', { level: 1, name: 'Virtual School caseload' }).waitFor();
    const row = page.getByRole('row', { name: /Jordan Doe/ });
    expect(await row.innerText()).toMatch(/Overdue:\s+Monday 16 November 2026\s+PEP to start \(entered care\)/);
    expect(await row.innerText()).toContain('Sam Patel');
    // The log knows the officer by id only: no name, no claim.
    const logged = JSON.stringify(log.records());
    expect(logged).toContain('caseload sign-in');
    expect(log.records().find((r) => r.msg === 'caseload viewed')).toMatchObject({ officerId: expect.stringMatching(/^sso-/), children: 1 });
    expect(logged).not.toContain('Amy Officer');
    expect(logged).not.toContain('Jordan');
    await page.close();
  });
});
