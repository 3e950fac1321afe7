import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardLines } from '../support/card-lines.js';
import { FORM as TEAMS_FORM } from '../channels/teams/support/meeting-setup.js';
import type { Meeting } from '../../src/domain/model.js';
import { execute, installed, message } from '../channels/teams/support/activities.js';
import type { CardContent, ConnectorCall, ConnectorStub } from '../channels/teams/support/connector-stub.js';
import { cardHeading, headingOf, startConnectorStub } from '../channels/teams/support/connector-stub.js';
import { DANA, MEETING_CHAT, SAM, personalChat } from '../channels/teams/support/teams-harness.js';
import { eventually } from '../contract/scheduler-backend-fixtures.js';
import type { FullBot } from './full-bot.js';
import { startFullBot } from './full-bot.js';

/**
 * A whole PEP as the people with no Teams or Slack account live it, on PEP Bot started as
 * `npm start` starts it with a new user's settings (no PUBLIC_BASE_URL, no SMTP, Teams anonymous).
 * Sam (organiser) and Dana (designated teacher) use Teams through /api/messages; Chris Carer
 * (invited by name only), Vic Officer (invited with an email address, but no mail server is set
 * up) and Jordan (the child) only ever get links, which Sam reads off the one "People PEP Bot
 * could not reach" card and passes on. Each of them opens their link on a phone-sized Chromium,
 * answers by touch or keyboard and sees what they should; axe-core checks every page opened.
 * Screenshots of each step: test/artifacts/scenario-web/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const installedChromium = existsSync(CHROMIUM);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SHOTS = join(import.meta.dirname, '..', 'artifacts', 'scenario-web');
const REACH_REPORT = 'People PEP Bot could not reach';
/** The organiser's usual form, with the carer invited by name only and the officer by an email no SMTP can reach. */
const FORM = {
  ...TEAMS_FORM,
  participants: ['Dana Teacher, dana@school.example.org, designated_teacher', 'Chris Carer, carer', 'Vic Officer, vic@vs.example.org, virtual_school_officer', 'Jordan, child'].join('\n'),
};
const VIC_CONTRIBUTION = 'Settled in year 7; the pupil premium plus pays for a reading tutor this term.';
const CARER_RAISES = 'Jordan would like to join the art club after school.';
const CHILD_SAYS = 'Art club and my new friends';
const DECLINE_REASON = 'I am in hospital that week, sorry. Could we meet the week after?';

if (!installedChromium && !process.env.CI) console.warn(`[web-link scenario] skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);

/** One row of the organiser's reach-report card, as Teams shows it. */
interface LinkRow {
  heading: string;
  detail: string;
  url: string;
}

/** Every line of text a card shows, in order (TextBlocks, facts and button titles). */
const textsOf = (content: unknown): string[] => cardLines(content, { buttonTitles: true });

const contentOf = (call: ConnectorCall): CardContent | undefined => call.activity.attachments?.[0]?.content;

describe.skipIf(!installedChromium && !process.env.CI)('a whole PEP for the people who only have a link, on a phone', () => {
  let bot: FullBot;
  let connector: ConnectorStub;
  let browser: Browser;
  let meeting: Meeting;
  let step = 0;
  const complaints = new Map<Page, string[]>();
  const where = () => ({ serviceUrl: connector.serviceUrl });
  const inChat = () => ({ serviceUrl: connector.serviceUrl, chat: MEETING_CHAT });

  beforeAll(async () => {
    if (!installedChromium) throw new Error(`${CHROMIUM} is missing, and CI is set: install it with apt-get install -y chromium.`);
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    bot = await startFullBot({ now: '2026-11-25T10:00:00Z' });
    connector = await startConnectorStub();
    for (const member of [SAM, DANA]) connector.roster.set(member.id, member);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await connector?.close();
  });

  /** Days pass: the bot's clock moves on, and the harness moves the waiting reminders with it. */
  const moveClockTo = (instant: string) => bot.clock.set(instant);

  /** An activity to the real /api/messages, as Teams posts it; then the work it started is waited for. */
  async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown; calls: ConnectorCall[] }> {
    const before = connector.calls.length;
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    await bot.settle();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, calls: connector.calls.slice(before) };
  }
  /** Sam types in their 1:1 chat with PEP Bot. */
  const samSays = (text: string) => post(message(SAM, where(), text));
  const toSam = () => connector.calls.filter((c) => c.conversationId === personalChat(SAM));
  /** The newest copy of a card in Sam's 1:1 chat, as Teams holds it after every send and update. */
  const samsLatest = (heading: string) => toSam().filter((c) => headingOf(c) === heading).at(-1);

  /** The links on Sam's reach-report card, as Teams received its latest copy. */
  function linksOnSamsCard(): LinkRow[] {
    const card = samsLatest(REACH_REPORT);
    if (!card) return [];
    const rows = (contentOf(card)?.body ?? []) as unknown as { type: string; items?: { text?: string }[] }[];
    return rows
      .filter((block) => block.type === 'Container' && block.items?.length === 3)
      .map((block) => {
        const [heading, detail, url] = block.items!.map((item) => item.text ?? '');
        return { heading: heading!, detail: detail!, url: url! };
      });
  }
  /** Every link Sam has passed on, by the row's heading. */
  const passedOn = new Map<string, string>();
  /** The link Sam passes on to a person for one thing: the row's heading is "<name> (<role>): <what it opens>". */
  function linkFor(heading: string): LinkRow {
    const row = linksOnSamsCard().find((r) => r.heading === heading);
    if (!row) throw new Error(`no "${heading}" on Sam's card; it has: ${linksOnSamsCard().map((r) => r.heading).join(' | ')}`);
    passedOn.set(heading, row.url);
    return row;
  }

  /** Opens a link on a phone: the page, and everything the browser complained about there. */
  async function open(url: string, expectStatus = 200): Promise<Page> {
    const page = await browser.newPage(PHONE);
    page.setDefaultTimeout(5_000);
    const said: string[] = [];
    complaints.set(page, said);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    page.on('console', (m) => {
      if (m.text().includes(`status of ${expectStatus}`)) return;
      if (m.type() === 'error' || m.type() === 'warning') said.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (error) => said.push(`page error: ${error.message}`));
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(expectStatus);
    if (expectStatus === 200 && new URL(url).pathname.startsWith('/p/')) await page.locator('#pep-card .ac-adaptiveCard').waitFor();
    return page;
  }

  /** axe-core on the page as it is now (evaluated, so the page's CSP does not stop it): no violation. */
  async function expectAccessible(page: Page, what: string): Promise<void> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    expect(violations, what).toEqual([]);
  }

  /** What a person sees on the page, and a screenshot of it kept for people to look at. */
  async function see(page: Page, name: string): Promise<string> {
    step += 1;
    await page.screenshot({ path: join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
    await expectAccessible(page, name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no horizontal scrolling at 390 px`).toBe(true);
    return page.locator('body').innerText();
  }

  async function done(page: Page): Promise<void> {
    expect(complaints.get(page)).toEqual([]);
    await page.close();
  }

  /** The titles of the card's buttons, as the card the page embeds has them. */
  const actionTitles = (page: Page) =>
    page.evaluate(() => {
      const titles: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const { type, title } = node as { type?: unknown; title?: unknown };
          if (typeof type === 'string' && type.startsWith('Action.') && typeof title === 'string') titles.push(title);
          for (const [key, child] of Object.entries(node)) if (key !== 'fallback') walk(child);
        }
      };
      walk(JSON.parse(document.getElementById('pep-card-json')!.textContent!));
      return titles;
    });

  /** Every button on the page shows its whole label: nothing clipped or cut off with an ellipsis. */
  async function buttonLabels(page: Page): Promise<{ label: string; whole: boolean; width: number; height: number }[]> {
    return page.locator('#pep-card button').evaluateAll((buttons) =>
      buttons.map((button) => {
        const parts = [button, ...button.querySelectorAll('*')];
        const whole = parts.every((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
        const box = button.getBoundingClientRect();
        return { label: (button as HTMLElement).innerText.trim(), whole: whole && box.right <= window.innerWidth, width: box.width, height: box.height };
      }),
    );
  }

  it('Sam creates the meeting in Teams: Dana is invited in Teams, and Sam gets the links for Chris, Vic and Jordan with why', async () => {
    for (const person of [SAM, DANA]) await post(installed(person, where()));
    const created = await post(execute(SAM, where(), 'meeting.create', FORM));
    expect(cardHeading((created.body as { value: CardContent }).value)).toBe('Invitations on their way');
    [meeting] = (await bot.bot.store.meetingsOfParticipant({ kind: 'teamsAad', teamsAadObjectId: SAM.aadObjectId })) as [Meeting];
    expect(meeting.participants.map((p) => [p.name, p.role])).toEqual([
      ['Sam Social', 'social_worker'],
      ['Dana Teacher', 'designated_teacher'],
      ['Chris Carer', 'carer'],
      ['Vic Officer', 'virtual_school_officer'],
      ['Jordan', 'child'],
    ]);

    expect(connector.calls.filter((c) => c.conversationId === personalChat(DANA)).map(headingOf)).toEqual(['Hello, I’m PEP Bot', 'PEP meeting invitation']);
    // One card for all three, updated in place as each link was made.
    expect(toSam().filter((c) => headingOf(c) === REACH_REPORT).map((c) => c.kind)).toEqual(['send', 'update', 'update']);
    const rows = linksOnSamsCard();
    expect(rows.map((r) => r.heading)).toEqual([
      'Chris Carer (carer): their invitation to the PEP meeting',
      'Vic Officer (virtual school officer): their invitation to the PEP meeting',
      'Jordan (child or young person): their invitation to the PEP meeting',
    ]);
    for (const row of rows) {
      expect(row.url).toMatch(new RegExp(`^${bot.url}/p/[A-Za-z0-9_-]{43}$`));
      // Vic has an email address, but with no mail server the card says so: that is why Sam has the link.
      expect(row.detail).toBe('PEP Bot has no Teams or Slack account for them, and could not email them (email is not set up). Only they should use it: it works until Wednesday 9 December 2026, once.');
    }
    const attendance = textsOf(contentOf(samsLatest('Who is coming to the PEP meeting')!));
    expect(attendance).toContain('1 of 5 people have answered.');

    // The meeting chat, where the agenda, the start and the actions are shared.
    await post(installed(SAM, inChat()));
    await post(message(SAM, inChat(), 'link PEP-2026-0042'));
    expect(connector.calls.filter((c) => c.conversationId === MEETING_CHAT).map(headingOf)).toContain('PEP meeting agenda');

    // Dana answers in Teams; her part is only what the meeting needs.
    const danaInvitation = connector.calls.find((c) => c.conversationId === personalChat(DANA) && headingOf(c) === 'PEP meeting invitation')!;
    expect(JSON.stringify(danaInvitation.activity)).toContain('Hello Dana Teacher');
    await post(execute(DANA, where(), 'rsvp', { meetingId: meeting.id, participantId: meeting.participants[1]!.id, answer: 'accept' }));
  });

  it('Chris reads his invitation on his phone, every button whole, and declines with a reason: Sam is alerted', async () => {
    const page = await open(linkFor('Chris Carer (carer): their invitation to the PEP meeting').url);
    expect(await page.title()).toBe('PEP Bot: your invitation');
    const shown = await see(page, 'chris-invitation');
    expect(shown).toContain('PEP meeting invitation');
    expect(shown).toContain('Hello Chris Carer');
    expect(shown).toContain('Friday 4 December 2026, 10:00 to 11:00');
    expect(shown).toContain('Hillside Academy');
    const buttons = await buttonLabels(page);
    expect(buttons.map((b) => b.label)).toEqual(await actionTitles(page));
    expect(buttons.map((b) => b.label)).toEqual(['Accept', 'Tentative', 'Decline', expect.stringMatching(/^Send (a )?written/)]);
    for (const button of buttons) {
      expect(button.whole, `"${button.label}" shows in full`).toBe(true);
      expect(Math.min(button.width, button.height), `"${button.label}" is a touch target`).toBeGreaterThanOrEqual(24);
    }

    await page.getByLabel('Anything the organiser should know?').fill(DECLINE_REASON);
    await page.getByRole('button', { name: 'Decline', exact: true }).tap();
    await page.locator('#pep-card').getByText('Thank you').first().waitFor();
    expect(await see(page, 'chris-declined')).toContain('Your answer is saved, and the organiser can see it.');
    await done(page);
    await bot.settle();

    const stored = (await bot.bot.store.getMeeting(meeting.id))!;
    expect(stored.participants.find((p) => p.name === 'Chris Carer')!.rsvp).toMatchObject({ answer: 'decline', note: DECLINE_REASON });
    const attendance = textsOf(contentOf(samsLatest('Who is coming to the PEP meeting')!));
    // A key person's decline reads differently from "no answer yet", with what Chris wrote.
    expect(attendance).toContain('Key people cannot come');
    expect(attendance).toContain('• Carer: Chris Carer, cannot attend');
    expect(attendance).toContain(`Chris Carer (carer): Cannot attend: “${DECLINE_REASON}”`);
    expect(attendance).toContain('The meeting should not go ahead without them. Consider rescheduling.');
  });

  it('Vic chooses to send a written contribution, then sends it through the request link', async () => {
    const page = await open(linkFor('Vic Officer (virtual school officer): their invitation to the PEP meeting').url);
    expect(await see(page, 'vic-invitation')).toContain('Hello Vic Officer');
    await page.getByRole('button', { name: /^Send (a )?written/ }).tap();
    await page.locator('#pep-card').getByText('Thank you').first().waitFor();
    await see(page, 'vic-will-write');
    await done(page);
    await bot.settle();
    expect((await bot.bot.store.getMeeting(meeting.id))!.participants.find((p) => p.name === 'Vic Officer')!.rsvp).toMatchObject({ answer: 'written_contribution' });

    const request = await eventually(() => linkFor('Vic Officer (virtual school officer): a request for their contribution'));
    const form = await open(request.url);
    expect(await form.title()).toBe('PEP Bot: your contribution');
    const shown = await see(form, 'vic-contribution-request');
    expect(shown).toContain('Information for the PEP meeting');
    await form.getByLabel('Your contribution').fill(VIC_CONTRIBUTION);
    await form.getByRole('button', { name: 'Send', exact: true }).tap();
    await form.locator('#pep-card').getByText('Thank you').first().waitFor();
    await see(form, 'vic-contribution-sent');
    await done(form);
    await bot.settle();
    const stored = (await bot.bot.store.getMeeting(meeting.id))!;
    expect(JSON.stringify(stored)).toContain(VIC_CONTRIBUTION);
  });

  it('Jordan accepts', async () => {
    const page = await open(linkFor('Jordan (child or young person): their invitation to the PEP meeting').url);
    await see(page, 'jordan-invitation');
    await page.getByRole('button', { name: /^(Accept|Yes, I will come)$/ }).tap();
    await page.locator('#pep-card').getByText('Thank you').first().waitFor();
    await see(page, 'jordan-accepted');
    await done(page);
    await bot.settle();
    expect((await bot.bot.store.getMeeting(meeting.id))!.participants.find((p) => p.name === 'Jordan')!.rsvp).toMatchObject({ answer: 'accept' });
  });

  it('Sam sends the questions now; Chris answers his by touch and Jordan theirs by keyboard; a used link says so', async () => {
    const sent = await samSays('questions now');
    const reply = sent.calls.find((c) => headingOf(c) === 'Questions on their way')!;
    expect(textsOf(contentOf(reply))).toContain('Sent to CC (carer) and JD (child or young person).');

    const carer = await open(linkFor('Chris Carer (carer): a few questions before the PEP meeting').url);
    expect(await carer.title()).toBe('PEP Bot: a few questions');
    expect(await see(carer, 'chris-questions')).toContain('How have things been at home recently?');
    await carer.getByRole('radio', { name: 'Good', exact: true }).tap();
    await carer.getByLabel('Is there anything you want to raise at the meeting?').fill(CARER_RAISES);
    await carer.getByRole('button', { name: 'Send my answers' }).tap();
    await carer.locator('#pep-card').getByText('Thank you').first().waitFor();
    expect(await see(carer, 'chris-questions-sent')).toContain('Your answers are saved.');
    await done(carer);

    const child = await open(linkFor('Jordan (child or young person): their questions before the PEP meeting').url);
    expect(await child.title()).toBe('PEP Bot: what do you think?');
    await see(child, 'jordan-questions');
    /** Tabs forward until the element matching `selector` has focus. */
    async function tabTo(selector: string): Promise<void> {
      for (let presses = 0; presses < 25; presses++) {
        await child.keyboard.press('Tab');
        if (await child.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    }
    await tabTo('input[type="radio"]');
    await child.keyboard.press('Space');
    await child.keyboard.press('ArrowDown');
    await tabTo('textarea');
    await child.keyboard.type(CHILD_SAYS);
    await tabTo('button');
    expect(await child.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe('Send my answers');
    await child.keyboard.press('Enter');
    await child.locator('#pep-card').getByText('Thank you').first().waitFor();
    await see(child, 'jordan-questions-sent');
    await done(child);
    await bot.settle();

    const stored = (await bot.bot.store.getMeeting(meeting.id))!;
    expect(stored.prompts.map((p) => p.answer)).toEqual([
      { kind: 'carer', mood: 4, toRaise: CARER_RAISES },
      { kind: 'child_voice', feeling: 4, goingWell: CHILD_SAYS },
    ]);
    // Their words reach Sam's attendance card.
    const attendance = JSON.stringify(contentOf(samsLatest('Who is coming to the PEP meeting')!));
    expect(attendance).toContain(CARER_RAISES);

    // Chris opens his invitation link again: it has done its job, and the page says so and nothing else.
    const used = await open(passedOn.get('Chris Carer (carer): their invitation to the PEP meeting')!, 410);
    await used.getByRole('heading', { name: 'This link has already been used' }).waitFor();
    const shown = await see(used, 'chris-invitation-again');
    for (const secret of ['Chris', 'JD', 'PEP-2026-0042', 'Hillside']) expect(shown).not.toContain(secret);
    await done(used);
    // Used links leave Sam's card.
    expect(linksOnSamsCard().map((r) => r.heading)).not.toContain('Chris Carer (carer): their invitation to the PEP meeting');
  });

  it('Sam locks the agenda and starts the meeting on the day, and gives Chris an action by typed name', async () => {
    await post(execute(SAM, inChat(), 'agenda.lock', { meetingId: meeting.id, confirmed: true }));
    moveClockTo('2026-12-04T10:00:00Z');
    const started = await samSays('start');
    expect(started.calls.length).toBeGreaterThan(0);
    expect((await bot.bot.store.getMeeting(meeting.id))!.status).toBe('in_progress');

    const action = await samSays('action @Chris Carer read with JD for 20 minutes every evening by 11 December');
    console.log(action.calls.map((c) => JSON.stringify(textsOf(contentOf(c))).slice(0, 800)));
    const stored = (await bot.bot.store.getMeeting(meeting.id))!;
    expect(stored.actions).toMatchObject([{ ownerId: stored.participants.find((p) => p.name === 'Chris Carer')!.id, description: 'read with JD for 20 minutes every evening', dueDate: '2026-12-11' }]);
    expect(JSON.stringify(action.calls)).toContain('read with JD for 20 minutes every evening');
  });

  it('on the due day Chris’s reminder link reaches Sam’s card; the page shows Done, more time and blocked; Chris taps Done', async () => {
    const planned = textsOf(contentOf((await samSays('reminders')).calls[0]!));
    expect(planned).toContain('Wednesday 9 December 2026 at 09:00: Reminder that an action is due soon, to CC (carer)');
    expect(planned).toContain('Friday 11 December 2026 at 09:00: Reminder that an action is due today, to CC (carer)');
    moveClockTo('2026-12-11T09:00:00Z');
    const reminder = await eventually(() => linkFor('Chris Carer (carer): a reminder about an action they own')).catch((e: unknown) => {
      console.log(JSON.stringify(bot.logs().filter((l) => l.msg !== 'request').slice(5)));
      console.log(JSON.stringify(textsOf(contentOf(samsLatest(REACH_REPORT)!))));
      throw e;
    });
    const page = await open(reminder.url);
    expect(await page.title()).toBe('PEP Bot: a reminder');
    const shown = await see(page, 'chris-reminder');
    expect(shown).toContain('read with JD for 20 minutes every evening');
    const buttons = await buttonLabels(page);
    for (const button of buttons) expect(button.whole, `"${button.label}" shows in full`).toBe(true);
    expect(buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Done', expect.stringMatching(/more time/i), expect.stringMatching(/blocked/i)]));
    await page.getByRole('button', { name: 'Done', exact: true }).tap();
    await page.locator('#pep-card').getByText('Marked as done').waitFor();
    await see(page, 'chris-reminder-done');
    await done(page);
    await bot.settle();
    expect((await bot.bot.store.getMeeting(meeting.id))!.actions[0]).toMatchObject({ status: 'done' });
  });

  it('Sam closes the meeting: Chris, Jordan and Vic each get the plan through a link and read it on the phone; Vic signs it off', async () => {
    await samSays('next review 10 March');
    const closed = await samSays('close');
    expect(closed.calls.map(headingOf)).toContain('Meeting closed');
    // Sam and Dana have it in Teams, with the full plan's http link as text.
    for (const person of [SAM, DANA]) {
      const plan = connector.calls.filter((c) => c.conversationId === personalChat(person) && headingOf(c) === 'Written plan: PEP for JD (PEP-2026-0042)');
      expect(plan).toHaveLength(1);
      expect(textsOf(contentOf(plan[0]!)).join('\n')).toMatch(new RegExp(`The full plan, with everything on it, is at ${bot.url}/plan/[A-Za-z0-9_-]{43}`));
    }

    const people = [
      { who: 'Chris Carer (carer)', shot: 'chris', signs: true },
      { who: 'Vic Officer (virtual school officer)', shot: 'vic', signs: true },
      { who: 'Jordan (child or young person)', shot: 'jordan', signs: false },
    ];
    for (const { who, shot, signs } of people) {
      const row = linkFor(`${who}: the written plan`);
      expect(row.detail).toContain('PEP Bot has no Teams or Slack account for them, and could not email them (email is not set up).');
      const page = await open(row.url);
      expect(await page.title()).toBe('PEP Bot: the written plan');
      const card = await see(page, `${shot}-plan-card`);
      expect(card).toContain('Written plan: PEP for JD (PEP-2026-0042)');
      expect(card).toContain('read with JD for 20 minutes every evening');
      expect(card).toContain('Wednesday 10 March 2027');
      expect(await page.getByRole('button', { name: 'Sign off the plan' }).count()).toBe(signs ? 1 : 0);
      if (!signs) expect(card).toContain('This copy is for your information: the key people named above sign it off.');

      await page.getByRole('link', { name: 'Open the full plan' }).tap();
      await page.waitForURL(/\/plan\/[A-Za-z0-9_-]{43}$/);
      const plan = await see(page, `${shot}-full-plan`);
      expect(plan).toContain('Personal Education Plan for JD (PEP-2026-0042)');
      expect(plan).toContain('read with JD for 20 minutes every evening');
      expect(plan).toContain(VIC_CONTRIBUTION);
      await done(page);
    }

    // Vic signs off on the page the link opens.
    const vic = await open(passedOn.get('Vic Officer (virtual school officer): the written plan')!);
    await vic.getByRole('button', { name: 'Sign off the plan' }).tap();
    await vic.locator('#pep-card').getByText('Thank you').first().waitFor();
    await see(vic, 'vic-signed');
    await done(vic);
    await bot.settle();
    const stored = (await bot.bot.store.getMeeting(meeting.id))!;
    expect(stored.plan!.signOffs.map((s) => stored.participants.find((p) => p.id === s.participantId)!.name)).toEqual(['Vic Officer']);
    // The plan link goes on working: opened again, it says Vic has signed, and Chris's copy names Vic too.
    const again = await open(passedOn.get('Vic Officer (virtual school officer): the written plan')!);
    expect(await see(again, 'vic-plan-again')).toContain('You have signed off this plan.');
    expect(await again.getByRole('button', { name: 'Sign off the plan' }).count()).toBe(0);
    await done(again);
    const chris = await open(passedOn.get('Chris Carer (carer): the written plan')!);
    expect(await see(chris, 'chris-plan-after-vic')).toMatch(/Signed off by:? Vic Officer/);
    await done(chris);
  });

  it('along the way: nothing went wrong in the log, and the shared chat knew the child only by initials and reference', async () => {
    // The shared chat saw the child only as initials and reference.
    const shared = JSON.stringify(connector.calls.filter((c) => c.conversationId === MEETING_CHAT));
    expect(shared).toContain('JD (PEP-2026-0042)');
    expect(shared).not.toContain('Jordan');
    // What Jordan was told: the people at the meeting read their answers, on the shared agenda.
    expect(shared).toContain(CHILD_SAYS);
    expect(bot.logs().filter((l) => l.level === 'error' || l.level === 'fatal' || (typeof l.level === 'number' && l.level >= 50))).toEqual([]);
    const everything = JSON.stringify(bot.logs());
    for (const personal of ['Chris Carer', 'Vic Officer', 'vic@vs.example.org', CARER_RAISES, CHILD_SAYS, DECLINE_REASON, VIC_CONTRIBUTION]) expect(everything).not.toContain(personal);
  });
});
