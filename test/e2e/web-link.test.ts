import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { Browser, Page, Response } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSecureLink, revokeSecureLink } from '../../src/app/secure-links.js';
import type { AdaptiveCard } from '../../src/cards/adaptive-card.js';
import { renderSlackMessage } from '../../src/cards/slack-blocks.js';
import { renderTeamsCard } from '../../src/cards/teams-card.js';
import { CARD_PAGE_CSP, cardPageAssets, renderCardPage } from '../../src/channels/web/card-page.js';
import { readEmail } from '../channels/web/support/read-email.js';
import { CHILD, MEETING_CHAT, startWebHarness } from '../channels/web/support/web-harness.js';
import type { PreparedMeeting, WebHarness } from '../channels/web/support/web-harness.js';
import { axeViolations, clippedButtons, contrastProblems, focusIsVisible } from './web-link-checks.js';

/**
 * Secure links end to end in a real Chromium: the real HTTP server with the web channel, a real
 * SQLite store, a real SMTP server on loopback. A carer opens the link from their email, answers
 * and is thanked; what they typed is stored as theirs through the web, and shows as plain text on
 * the page, on the organiser's Teams card and in Slack. Links that no longer work say so and
 * nothing else. One browser for the whole file.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const installed = existsSync(CHROMIUM);
const PHONE = { width: 390, height: 844 };
const SHOTS = join(import.meta.dirname, '..', 'artifacts', 'web');
/** What a carer might paste: markup that must stay text everywhere it is shown. */
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Bedtimes are hard';

if (!installed && !process.env.CI) {
  console.warn(`[web-link e2e] skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium).`);
}

describe.skipIf(!installed && !process.env.CI)('secure links in Chromium', () => {
  let browser: Browser;
  let h: WebHarness;
  let prepared: PreparedMeeting;
  /** Console errors, page errors, dialogs and CSP violations, per page: any of them fails a test. */
  const complaints = new Map<Page, string[]>();

  beforeAll(async () => {
    if (!installed) throw new Error(`${CHROMIUM} is missing, and CI is set: install it with apt-get install -y chromium.`);
    mkdirSync(SHOTS, { recursive: true });
    h = await startWebHarness();
    prepared = await h.prepare();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function open(url: string, options: { expectStatus?: number } = {}): Promise<{ page: Page; response: Response }> {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const said: string[] = [];
    complaints.set(page, said);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    page.on('console', (message) => {
      // The friendly pages answer 404/410 on purpose; Chromium logs every such answer.
      if (options.expectStatus && message.text().includes(`status of ${options.expectStatus}`)) return;
      if (message.text().includes('status of 422')) return;
      if (message.type() === 'error' || message.type() === 'warning') said.push(`${message.type()}: ${message.text()} ${message.location().url}`);
    });
    page.on('pageerror', (error) => said.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      said.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(url);
    if (!response) throw new Error(`no response for ${url}`);
    return { page, response };
  }

  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  const carerPrompt = () => prepared.meeting.prompts.find((p) => p.kind === 'carer')!;
  const linkFromEmail = (body: string) => /http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];

  /** A fresh link to the carer's prompt, as the organiser would issue one. */
  async function carerPromptLink(days?: number) {
    const issued = await issueSecureLink(h.deps, { meetingId: prepared.meeting.id, participantId: prepared.carer.id, purpose: 'carer-prompt', itemId: carerPrompt().id, actorId: prepared.organiser.id, days });
    return { url: `${h.url}/p/${issued.token}`, linkId: issued.link.id };
  }

  let usedLink: string;

  it('the carer opens the link from their email, answers on a phone, and is thanked', async () => {
    const email = await readEmail(h.smtp.received.filter((e) => e.to.includes(prepared.carer.email!)).at(-1)!.raw);
    for (const secret of [CHILD.initials, CHILD.ref, CHILD.fullName, CHILD.school]) expect(email.everything).not.toContain(secret);
    usedLink = linkFromEmail(email.text)!;
    expect(usedLink).toBeDefined();

    const { page, response } = await open(usedLink);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toBe(CARD_PAGE_CSP);
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    expect(await page.title()).toBe('PEP Bot: a few questions');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await contrastProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    await page.getByLabel('Is there anything you want to raise at the meeting?').fill(HOSTILE);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.locator('#pep-card').getByText('Thank you').waitFor();
    await expect.poll(() => page.locator('#pep-card').textContent()).toContain('This link has now done its job');
    expect(await axeViolations(page), 'the thank-you card').toEqual([]);

    const stored = (await h.store.getMeeting(prepared.meeting.id))!;
    expect(stored.prompts.find((p) => p.id === carerPrompt().id)!.answer).toEqual({ kind: 'carer', mood: 4, toRaise: HOSTILE });
    const audit = await h.store.auditTrail(prepared.meeting.id);
    expect(audit.find((e) => e.type === 'answerPrompt')).toMatchObject({ actorId: prepared.carer.id, channel: 'web' });
    expect(await pwned(page)).toBeUndefined();
    expect(complaints.get(page)).toEqual([]);
    await page.close();
  });

  it('the carer’s invitation on a phone tells Accept from Decline: every button shows its whole label', async () => {
    const { page } = await open(h.noticedLinks(prepared.carer.name)[0]!);
    await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    expect(await page.title()).toBe('PEP Bot: your invitation');
    for (const title of ['Accept', 'Tentative', 'Decline', 'Send written views instead']) {
      expect(await page.getByRole('button', { name: title, exact: true }).innerText()).toBe(title);
    }
    expect(await clippedButtons(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'carer-invitation-390.png'), fullPage: true });
    expect(complaints.get(page)).toEqual([]);
    await page.close();
  });

  it('the child’s invitation speaks to them in plain words, says who sees the answer, and shows every button whole', async () => {
    const { page } = await open(h.noticedLinks(prepared.child.name)[0]!);
    await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    await page.getByRole('heading', { name: 'You are invited to your PEP meeting' }).waitFor();
    const text = await page.locator('#pep-card').innerText();
    expect(text).toContain('Hi Jordan!');
    expect(text).toContain(`${prepared.organiser.name} will see your answer`);
    for (const adultWords of [CHILD.initials, CHILD.ref, 'the child', 'Purpose', 'Child or young person']) expect(text).not.toContain(adultWords);
    for (const title of ['Yes, I will come', 'Maybe', 'No, I can’t come', 'I will write instead']) {
      expect(await page.getByRole('button', { name: title, exact: true }).innerText()).toBe(title);
    }
    expect(await clippedButtons(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'child-invitation-390.png'), fullPage: true });
    expect(complaints.get(page)).toEqual([]);
    await page.close();
  });

  it('shows what the carer typed as text on the page, when a new link opens their answers again', async () => {
    const { page } = await open((await carerPromptLink()).url);
    await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    expect(await page.getByLabel('Is there anything you want to raise at the meeting?').inputValue()).toBe(HOSTILE);
    expect(await page.locator('#pep-card script, #pep-card img').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(complaints.get(page)).toEqual([]);
    await page.close();
  });

  it('a link already used in another tab refuses the answer above the form, which keeps what was typed', async () => {
    const { url } = await carerPromptLink();
    const [first, second] = [(await open(url)).page, (await open(url, { expectStatus: 410 })).page];
    for (const page of [first, second]) await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    await first.getByRole('radio', { name: 'Okay', exact: true }).check();
    await first.getByRole('button', { name: 'Send my answers' }).click();
    await first.locator('#pep-card').getByText('Thank you').waitFor();

    await second.getByRole('radio', { name: 'Difficult', exact: true }).check();
    const typed = second.getByLabel('Anything else you want to tell us?');
    await typed.fill('Written in the second tab');
    await second.getByRole('button', { name: 'Send my answers' }).click();
    await second.locator('#pep-reply').getByText('This link has already been used').waitFor();
    expect(await typed.inputValue()).toBe('Written in the second tab');
    expect(await contrastProblems(second)).toEqual([]);
    expect(await axeViolations(second), 'the refusal above the form').toEqual([]);
    // Announced: the refusal lands in a live region and takes the focus.
    expect(await second.evaluate(() => document.activeElement?.id)).toBe('pep-reply');
    expect(await second.locator('#pep-reply').getAttribute('aria-live')).toBe('polite');
    expect((await h.store.getMeeting(prepared.meeting.id))!.prompts.find((p) => p.id === carerPrompt().id)!.answer).toMatchObject({ mood: 3 });
    for (const page of [first, second]) {
      expect(complaints.get(page)).toEqual([]);
      await page.close();
    }
  });

  describe('the organiser’s attendance card with the carer’s answer', () => {
    let server: Server;
    let base: string;
    const summaryData = () => h.teams.latest('attendance-summary')!.data as never;

    beforeAll(async () => {
      await h.settle();
      // The Teams card as the bot sends it, drawn by the same library Teams uses, under the same CSP.
      const app = express();
      for (const asset of cardPageAssets()) app.get(`/assets/${asset.name}`, (_req, res) => void res.type(asset.contentType).sendFile(asset.filePath));
      app.get('/favicon.ico', (_req, res) => void res.status(204).end());
      app.get('/teams', (_req, res) => {
        const card = renderTeamsCard('attendance-summary', summaryData()).content as unknown as AdaptiveCard;
        res.set('Content-Security-Policy', CARD_PAGE_CSP).type('html').send(renderCardPage({ card, title: 'Teams preview', postUrl: '', assetBaseUrl: '/assets' }));
      });
      server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => new Promise<void>((resolve) => server?.close(() => resolve())));

    it('reaches the organiser, in place, with the answer', () => {
      expect(h.teams.sent.filter((s) => s.card.name === 'attendance-summary').at(-1)).toMatchObject({ kind: 'update', to: prepared.organiser.id });
      expect(JSON.stringify(summaryData())).toContain('Bedtimes are hard');
    });

    it('as rendered for Teams, shows the markup literally and runs nothing', async () => {
      const { page } = await open(`${base}/teams`);
      await page.locator('#pep-card .ac-adaptiveCard').waitFor();
      await expect.poll(() => page.locator('#pep-card').textContent()).toContain(HOSTILE);
      expect(await page.locator('#pep-card script, #pep-card img').count()).toBe(0);
      expect(await pwned(page)).toBeUndefined();
      expect(complaints.get(page)).toEqual([]);
      await page.close();
    });

    it('as Block Kit for Slack, shows the markup literally, escaped so Slack reads no markup', () => {
      const texts = renderSlackMessage('attendance-summary', summaryData()).blocks.flatMap((block) => {
        const { text, fields } = block as { text?: { text: string }; fields?: { text: string }[] };
        return [text?.text, ...(fields ?? []).map((f) => f.text)].filter((t): t is string => t !== undefined);
      });
      const shown = texts.find((t) => t.includes('Bedtimes are hard'))!;
      expect(shown).not.toContain('<script');
      expect(shown).not.toContain('<img');
      // What a person reads once Slack turns its three escapes back into characters.
      expect(shown.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toContain(HOSTILE);
    });
  });

  it('the child answers with the keyboard alone, and their words reach the agenda by initials', async () => {
    const { page } = await open(h.noticedLinks(prepared.child.name).at(-1)!);
    await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    expect(await page.title()).toBe('PEP Bot: what do you think?');
    expect(await contrastProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'child-questions-390.png'), fullPage: true });

    /** Tabs forward until the element matching `selector` has focus, checking every stop shows it. */
    async function tabTo(selector: string): Promise<void> {
      for (let presses = 0; presses < 25; presses++) {
        await page.keyboard.press('Tab');
        expect(await focusIsVisible(page), `focus ring after ${presses + 1} Tab presses`).toBe(true);
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    }
    await tabTo('input[type="radio"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await tabTo('textarea');
    await page.keyboard.type('Art club');
    await tabTo('button[aria-label="Send my answers"], button[title="Send my answers"], .ac-pushButton');
    await page.keyboard.press('Enter');
    await page.locator('#pep-card').getByText('Thank you').waitFor();
    await expect.poll(() => page.locator('#pep-card').textContent()).toContain(`tell ${prepared.organiser.name} or a grown-up you trust`);
    expect(await axeViolations(page), 'the thank-you card').toEqual([]);

    const stored = (await h.store.getMeeting(prepared.meeting.id))!;
    expect(stored.prompts.find((p) => p.kind === 'child_voice')!.answer).toEqual({ kind: 'child_voice', feeling: 4, goingWell: 'Art club' });
    await h.settle();
    const agenda = h.teams.sent.filter((s) => s.to === MEETING_CHAT && s.card.name === 'agenda').at(-1)!;
    expect(agenda.card.data).toMatchObject({ childVoice: { feeling: 4, goingWell: 'Art club' } });
    expect(JSON.stringify(agenda.card.data)).not.toContain(CHILD.fullName);
    expect(complaints.get(page)).toEqual([]);
    await page.close();
  });

  describe('a link that no longer opens gets a page that says what to do, and nothing about the child', () => {
    async function expectNotice(url: string, status: number, heading: string): Promise<void> {
      const { page, response } = await open(url, { expectStatus: status });
      expect(response.status()).toBe(status);
      expect(response.headers()['content-security-policy']).toBe(CARD_PAGE_CSP);
      await page.getByRole('heading', { name: heading }).waitFor();
      const html = await page.content();
      for (const secret of [CHILD.initials, CHILD.ref, CHILD.fullName, CHILD.school, 'Jordan', prepared.carer.name, prepared.organiser.name, prepared.meeting.id]) expect(html).not.toContain(secret);
      expect(await page.locator('script').count()).toBe(0);
      expect(await contrastProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(complaints.get(page)).toEqual([]);
      await page.close();
    }

    it('used: a single-use link opened a second time', async () => {
      await expectNotice(usedLink, 410, 'This link has already been used');
    });

    it('tampered: one character changed', async () => {
      const { url } = await carerPromptLink();
      await expectNotice(url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 404, 'This link does not work');
    });

    it('expired', async () => {
      const { url } = await carerPromptLink(1);
      h.clock.set('2026-11-26T10:00:01Z');
      try {
        await expectNotice(url, 410, 'This link has expired');
      } finally {
        h.clock.set('2026-11-25T10:00:00Z');
      }
    });

    it('revoked by the organiser', async () => {
      const { url, linkId } = await carerPromptLink();
      await revokeSecureLink(h.deps, { meetingId: prepared.meeting.id, linkId, actorId: prepared.organiser.id, channel: 'teams' });
      await expectNotice(url, 410, 'This link has been switched off');
    });
  });
});
