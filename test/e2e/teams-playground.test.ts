import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_BOT_ENV, playgroundArgs, playgroundCli, playgroundEnv } from '../../scripts/teams-playground.js';
import type { FullBot } from '../scenario/full-bot.js';
import { startFullBot } from '../scenario/full-bot.js';
import { wordsBrokenAcrossLines } from './words-on-lines.js';

/**
 * A whole PEP in the Microsoft 365 Agents Playground (the local Teams-like client), driven by
 * Chromium, step for step as docs/teams-playground.md tells a new user to do it. PEP Bot runs as
 * `npm run playground` runs it with a new user's settings (no PUBLIC_BASE_URL, no SMTP, no app id,
 * and the Playground's TEAMS_ANONYMOUS=1); only its clock is the test's, moved to the meeting's
 * start before `start` and to its end before `close`, where a person following the guide simply
 * starts early. The organiser is the
 * Playground's signed-in user; the meeting chat is its group chat, where the bot and the carer are
 * picked from the @ list. The carer and the child have no account and answer on a phone-sized page
 * from the links the organiser is given. One screenshot per step in test/artifacts/teams/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = join(import.meta.dirname, '..', 'artifacts', 'teams');
const PHONE = { width: 390, height: 844 };
/** Monday 16 November 2026, 09:00 UK time; the meeting is ten days later. */
const TODAY = '2026-11-16T09:00:00Z';
const MEETING_STARTS = '2026-11-26T10:00:00Z';
const MEETING_ENDS = '2026-11-26T10:50:00Z';
const LINK = /http:\/\/127\.0\.0\.1:\d+\/p\/[\w-]+/g;

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

describe.skipIf(missing.length > 0 && !process.env.CI)('a whole PEP in the Agents Playground', () => {
  let pep: FullBot;
  let playground: ChildProcess;
  let playgroundUrl: string;
  let browser: Browser;
  let workDir: string;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`CI is set and the Playground e2e needs ${missing.join(' and ')}.`);
    mkdirSync(SHOTS, { recursive: true });
    workDir = mkdtempSync(join(tmpdir(), 'pep-playground-'));
    pep = await startFullBot({ now: TODAY, env: { ...PLAYGROUND_BOT_ENV } });
    const port = await freePort();
    playgroundUrl = `http://127.0.0.1:${port}`;
    const log = join(workDir, 'playground.log');
    playground = spawn(process.execPath, playgroundArgs({ botUrl: `${pep.url}/api/messages`, port }), {
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
    await pep?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('runs from the welcome card to the written plan, as docs/teams-playground.md walks it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(15_000);
    let shot = 0;
    const snap = async (what: string, on: Page = page) => {
      shot += 1;
      await on.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, '0')}-${what}.png`), fullPage: on !== page });
    };
    /** The newest card whose text includes `text` (and not `without`), once it is on screen. */
    const card = async (text: string | RegExp, { without }: { without?: string } = {}): Promise<Locator> => {
      const found = page.locator('.ac-adaptiveCard').filter({ hasText: text }).filter(without ? { hasNotText: without } : {}).last();
      await found.waitFor();
      await found.scrollIntoViewIfNeeded();
      return found;
    };
    const type = async (text: string) => {
      await page.getByRole('textbox').click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    try {
      await page.goto(playgroundUrl);

      // 1. The welcome card, and "help" for it again.
      const welcome = page.getByText('Hello, I’m PEP Bot');
      await welcome.first().waitFor();
      const welcomes = await welcome.count();
      await type('help');
      await expect.poll(() => welcome.count(), { timeout: 15_000 }).toBe(welcomes + 1);
      await snap('welcome-and-help');

      // 2. "new" and the form: a teacher with an email, the carer and the child by name only.
      await type('new');
      const form = await card('New PEP meeting');
      const choose = async (label: string, option: string) => {
        await form.getByRole('button', { name: `Open ${label}` }).click();
        await page.getByRole('option', { name: option, exact: true }).click();
      };
      await form.getByLabel('PEP reference').fill('PEP-2026-0042');
      await form.getByLabel("Child's initials").fill('JD');
      await form.getByRole('combobox', { name: 'Date' }).fill('2026-11-26');
      await form.getByRole('combobox', { name: 'Date' }).press('Tab');
      await choose('Start time (UK time)', '10:00');
      await choose('Length', '60 minutes');
      await choose('Your role', 'Social worker');
      await form.getByLabel('Place (if in person)').fill('Hillside Academy');
      await form.getByLabel('Participants: one per line as name, email, role').fill(['Megan Bowen, meganb@example.com, designated_teacher', 'Adele Vance, carer', 'Jordan, child'].join('\n'));
      await snap('new-meeting-form');
      await form.getByRole('button', { name: 'Create and send invitations' }).click();

      // 3. The form becomes "Invitations on their way"; the attendance summary and the links to pass on follow.
      await card('Invitations on their way');
      expect(await page.getByText('New PEP meeting').count()).toBe(0);
      await card('Who is coming to the PEP meeting');
      const reach = await card('People PEP Bot could not reach');
      await reach.getByText('Adele Vance').first().waitFor();
      await reach.getByText('Jordan').first().waitFor();
      await snap('invitations-sent-and-links');
      const linkOf = async (who: string, opens: string): Promise<string> => {
        // The card is updated in place after the reply that caused it: wait for the person's row.
        const text = await (await card(`${who}: ${opens}`)).innerText();
        const entry = text.split(/\n\s*\n/).findIndex((line) => line.startsWith(who) && line.includes(opens));
        const url = text.split(/\n\s*\n/).slice(entry).join('\n').match(LINK)?.[0];
        if (entry < 0 || !url) throw new Error(`no link for ${who} (${opens}) in:\n${text}`);
        return url;
      };

      // 4. Adele opens her link on her phone and declines, saying why; the organiser hears at once.
      const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
      phone.setDefaultTimeout(15_000);
      await phone.goto(await linkOf('Adele Vance (carer)', 'their invitation to the PEP meeting'));
      await phone.getByRole('button', { name: 'Decline' }).waitFor();
      await snap('carer-invitation-on-phone', phone);
      await phone.getByLabel('Anything the organiser should know? (optional)').fill('I am at the hospital with my mum that morning');
      await phone.getByRole('button', { name: 'Decline' }).click();
      await phone.getByText(/thank/i).first().waitFor();
      await snap('carer-declined-on-phone', phone);
      await (await card('I am at the hospital with my mum that morning')).getByText('Carer: Adele Vance, cannot attend').waitFor();
      await snap('organiser-hears-carer-declined');

      // 5. The carer's and the child's questions go now rather than on their day: new links to pass on.
      await type('questions now');
      await (await card('Questions on their way')).getByText('Sent to AV (carer) and JD (child or young person).').waitFor();
      await snap('questions-now');
      await phone.goto(await linkOf('Adele Vance (carer)', 'a few questions before the PEP meeting'));
      await phone.getByRole('radio', { name: 'Good', exact: true }).check();
      await phone.getByLabel('Is there anything you want to raise at the meeting?').fill('Homework club has helped a lot');
      await snap('carer-questions-on-phone', phone);
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      await phone.getByText(/thank/i).first().waitFor();
      await phone.goto(await linkOf('Jordan (child or young person)', 'their questions before the PEP meeting'));
      await phone.getByRole('radio', { name: /Good$/ }).check();
      await phone.getByRole('textbox').first().fill('Art and football at lunch');
      await snap('child-questions-on-phone', phone);
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      await phone.getByText(/thank/i).first().waitFor();
      await (await card('Homework club has helped a lot')).getByText('Carers’ answers before the meeting').waitFor();
      await snap('organiser-sees-carer-answers');

      // 6. The meeting chat: the group chat with Megan and Adele, where the bot reads only what @mentions it.
      await page.getByText('Group Chat', { exact: true }).click();
      const mention = async (name: string) => {
        await page.keyboard.type(`@${name.slice(0, 3)}`);
        await page.getByRole('menuitem', { name }).click();
      };
      const tell = async (text: string, { owner }: { owner?: string } = {}) => {
        await page.getByRole('textbox').click();
        await mention('Test Bot');
        const [before, after] = owner ? text.split(`@${owner}`) : [text, undefined];
        await page.keyboard.type(` ${before}`);
        if (owner) {
          await mention(owner);
          await page.keyboard.type(after ?? '');
        }
        await page.keyboard.press('Enter');
      };
      await tell('link PEP-2026-0042');
      const agenda = await card('PEP meeting agenda');
      await agenda.getByText('Art and football at lunch').waitFor();
      await snap('meeting-chat-linked-agenda');
      await agenda.getByRole('button', { name: 'Suggest an item' }).click();
      await agenda.getByLabel('Your suggested item').fill('Homework club');
      await agenda.getByRole('button', { name: 'Suggest this item' }).click();
      const suggested = await card('Suggested items');
      await snap('agenda-suggestion');
      await suggested.getByRole('button', { name: 'Accept' }).click();
      await (await card('Homework club', { without: 'Suggested items' })).getByRole('button', { name: 'Sign off', exact: true }).click();
      await (await card('Signed off by: Alex Wilber')).getByRole('button', { name: 'Lock agenda', exact: true }).click();
      const askFirst = await card('Lock the agenda now?');
      await snap('lock-asks-first');
      await askFirst.getByRole('button', { name: 'Lock the agenda anyway' }).click();
      await card('The organiser has locked the agenda');
      await snap('agenda-locked');

      // 7. On the day: start, and an action for the carer, named from the @ list.
      pep.clock.set(MEETING_STARTS);
      await tell('start');
      await (await card('The PEP meeting is starting')).getByText('Apologies: Adele Vance (carer)').waitFor();
      await snap('meeting-started');
      await tell('action @Adele Vance read with JD for 20 minutes, five evenings a week by 11 December', { owner: 'Adele Vance' });
      const actions = await card('Actions agreed');
      await actions.getByText('read with JD for 20 minutes, five evenings a week').waitFor();
      await actions.getByText(/Adele Vance \(carer\) · due Friday 11 December 2026 · Not acknowledged yet/).waitFor();
      await snap('action-for-the-carer');

      // 8. Back in the personal chat: every reminder the meeting will send, then each one now, as a preview.
      await page.getByText('Personal Chat', { exact: true }).click();
      await type('reminders');
      await card('Reminders for JD (PEP-2026-0042)');
      await snap('reminders');
      await type('reminders preview');
      await card('Reminder previews sent to you');
      const carerPreview = await card('Preview — this is what AV (carer) will get on');
      await carerPreview.getByText('read with JD for 20 minutes, five evenings a week').first().waitFor();
      await snap('reminders-preview');

      // 9. Next review and close, in the meeting chat; the written plan arrives in the personal chat.
      await page.getByText('Group Chat', { exact: true }).click();
      await tell('next review 10 March');
      await card('Next review date set');
      pep.clock.set(MEETING_ENDS);
      await tell('close');
      await card('Meeting closed');
      await snap('meeting-closed');
      await page.getByText('Personal Chat', { exact: true }).click();
      const plan = await card('Written plan: PEP for JD (PEP-2026-0042)');
      await plan.getByText('Meeting held Thursday 26 November 2026, 10:00 to 10:50').waitFor();
      await snap('plan-received');
      const planUrl = (await plan.innerText()).match(/http:\/\/127\.0\.0\.1:\d+\/plan\/[\w-]+/)?.[0];
      expect(planUrl).toBeDefined();
      await plan.getByRole('button', { name: 'Sign off the plan' }).click();
      await (await card('Written plan: PEP for JD (PEP-2026-0042)')).getByText('You have signed off this plan.').waitFor();
      await snap('plan-signed-off');

      // 10. The full plan, on a phone; the others' copies are links to pass on.
      await phone.goto(planUrl!);
      await phone.getByText('read with JD for 20 minutes, five evenings a week').first().waitFor();
      expect(await wordsBrokenAcrossLines(phone)).toEqual([]);
      await snap('full-plan-on-phone', phone);
      const adelesPlan = await linkOf('Adele Vance (carer)', 'the written plan');
      await snap('plan-links-to-pass-on');
      await phone.goto(adelesPlan);
      await phone.getByText('read with JD for 20 minutes, five evenings a week').first().waitFor();
      await snap('carer-plan-on-phone', phone);
      // Adele and Megan sign from their links; once everyone asked has, the organiser is told.
      await phone.getByRole('button', { name: 'Sign off the plan' }).click();
      await phone.getByText(/thank/i).first().waitFor();
      await phone.goto(await linkOf('Megan Bowen (designated teacher)', 'the written plan'));
      await phone.getByRole('button', { name: 'Sign off the plan' }).click();
      await phone.getByText(/thank/i).first().waitFor();
      await (await card('Written plan signed off')).getByText('Signed Thursday 26 November 2026, 10:50').first().waitFor();
      await snap('plan-signed-by-everyone');
    } finally {
      await page.close();
    }
    // A walk of some forty steps; each waits on what appears, never on a clock.
  }, 180_000);
});
