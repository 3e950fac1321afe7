import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundArgs, playgroundCli, playgroundEnv } from '../../scripts/teams-playground.js';
import type { TeamsHarness } from '../channels/teams/support/teams-harness.js';
import { startTeamsHarness } from '../channels/teams/support/teams-harness.js';

/**
 * Scene 1 in the Microsoft 365 Agents Playground (the local Teams-like client), driven by
 * Chromium: the welcome card on install, "help", "new" and the form, and the click that replaces
 * the form in place and brings the organiser's attendance summary. The bot runs in anonymous
 * local mode on the real server and store. Screenshot: test/artifacts/teams/playground.png.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = join(import.meta.dirname, '..', 'artifacts', 'teams');
/** The Playground's signed-in user (its default configuration). */
const ALEX = '00000000-0000-0000-0000-0000000000020';

const playgroundInstalled = (() => {
  try {
    return existsSync(playgroundCli());
  } catch {
    return false;
  }
})();
const missing = [!existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install -y chromium)`, !playgroundInstalled && '@microsoft/m365agentsplayground (npm ci)'].filter(Boolean);
if (missing.length > 0 && !process.env.CI) console.warn(`[teams playground e2e] skipped: missing ${missing.join(' and ')}.`);

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

async function waitForPing(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Playground exited (${child.exitCode}): ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : 'no log'}`);
    const pong = await fetch(`${url}/_debug/ping`).then((r) => r.text(), () => '');
    if (pong === 'pong') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Playground did not answer ${url}/_debug/ping within 20 s`);
}

describe.skipIf(missing.length > 0 && !process.env.CI)('PEP Bot in the Agents Playground', () => {
  let bot: TeamsHarness;
  let playground: ChildProcess;
  let playgroundUrl: string;
  let browser: Browser;
  let workDir: string;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`CI is set and the Playground e2e needs ${missing.join(' and ')}.`);
    mkdirSync(SHOTS, { recursive: true });
    workDir = mkdtempSync(join(tmpdir(), 'pep-playground-'));
    bot = await startTeamsHarness();
    const port = await freePort();
    playgroundUrl = `http://127.0.0.1:${port}`;
    const log = join(workDir, 'playground.log');
    playground = spawn(process.execPath, playgroundArgs({ botUrl: `${bot.url}/api/messages`, port }), {
      cwd: workDir,
      env: playgroundEnv({ ...process.env, M365_AGENTS_PLAYGROUND_LOGFILE: log }),
      stdio: 'ignore',
    });
    await waitForPing(playgroundUrl, playground, log);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (playground && playground.exitCode === null) {
      playground.kill('SIGTERM');
      await once(playground, 'exit');
    }
    await bot?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function say(page: Page, text: string): Promise<void> {
    const box = page.getByRole('textbox');
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('welcomes, answers "help" and "new", and the form\'s button creates the meeting in place', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(playgroundUrl);
      const welcome = page.getByText('Hello, I’m PEP Bot');
      await welcome.first().waitFor();
      const welcomes = await welcome.count();
      await say(page, 'help');
      await expect.poll(() => welcome.count()).toBe(welcomes + 1);

      await say(page, 'new');
      await page.getByText('New PEP meeting').waitFor();
      const form = page.locator('.ac-adaptiveCard').last();
      const choose = async (label: string, option: string) => {
        await form.getByRole('button', { name: `Open ${label}` }).click();
        await page.getByRole('option', { name: option, exact: true }).click();
      };
      await form.getByLabel('PEP reference').fill('PEP-2026-0042');
      await form.getByLabel("Child's initials").fill('JD');
      await form.getByRole('combobox', { name: 'Date' }).fill('2026-12-04');
      await form.getByRole('combobox', { name: 'Date' }).press('Tab');
      await choose('Start time (UK time)', '10:00');
      await choose('Length', '60 minutes');
      await choose('Your role', 'Social worker');
      await form.getByLabel('Place (if in person)').fill('Hillside Academy');
      await form.getByLabel('Participants: one per line as name, email, role').fill('Megan Bowen, meganb@example.com, designated_teacher');
      await form.getByRole('button', { name: 'Create and send invitations' }).click();

      // Universal Actions: the invoke's answer replaces the form where it was.
      await page.getByText('Invitations sent').waitFor();
      expect(await page.getByText('New PEP meeting').count()).toBe(0);
      // Then the fan-out's proactive message: the organiser's summary, with who could not be reached.
      await page.getByText('Who is coming to the PEP meeting').waitFor();
      await page.getByText('We could not reach').waitFor();
      await page.screenshot({ path: join(SHOTS, 'playground.png'), fullPage: true });

      const [meeting] = await bot.store.meetingsOfParticipant({ kind: 'teamsAad', teamsAadObjectId: ALEX });
      expect(meeting).toMatchObject({ status: 'invited', child: { ref: 'PEP-2026-0042', initials: 'JD' }, startsAt: '2026-12-04T10:00:00Z' });
      expect(meeting!.participants.map((p) => [p.name, p.role])).toEqual([
        ['Alex Wilber', 'social_worker'],
        ['Megan Bowen', 'designated_teacher'],
      ]);
    } finally {
      await page.close();
    }
  });
});
