import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText } from '../channels/slack/slack-api-stub.js';
import type { SlackApiStub, SlackUser } from '../channels/slack/slack-api-stub.js';
import { openMeetingForm, samsMeetingForm, shownOnlyTo, submitForm, type } from '../channels/slack/slack-scenes.js';
import type { SlackSide } from '../channels/slack/slack-scenes.js';
import type { FullBot } from './full-bot.js';
import { startSlackFullBot } from './slack-full-bot.js';
import type { SlackFullBot } from './slack-full-bot.js';

/**
 * The statutory clock from Slack, as `npm start` runs with a new user's settings: the organiser
 * records a school move with /pep, is answered in the same place (a mistake comes back with what
 * was typed), and days later the clock's nudge reaches them as a direct message.
 */
const SAM: SlackUser = { id: 'U0SAM', name: 'Sam Social', email: 'sam@la.example.org' };
const DANA: SlackUser = { id: 'U0DANA', name: 'Dana Teacher', email: 'dana@school.example.org' };

let running: SlackFullBot | undefined;
let bot: FullBot;
let stub: SlackApiStub;
let h: SlackSide;

beforeAll(async () => {
  running = await startSlackFullBot([SAM, DANA]);
  ({ bot, stub, h } = running);
});
afterAll(async () => {
  await running?.close();
});

/** /pep typed by someone in their DM with the bot; what they alone were shown, as text. */
async function types(user: SlackUser, text: string): Promise<string> {
  const typed = await type(h, user, `D0${user.id.slice(2)}`, text);
  expect(typed.answer.status).toBe(200);
  await h.settle();
  return shownOnlyTo(h, typed.responseId).map(({ blocks }) => readText(blocks)).join('\n');
}

const samsDirectMessages = (): string[] => stub.messages().filter((m) => m.channel === 'D0SAM').map((m) => readText(m.blocks));

describe('the statutory clock through Slack', () => {
  it('Sam organises JD’s PEP', async () => {
    const form = await openMeetingForm(h, SAM);
    await submitForm(h, form, samsMeetingForm([`${DANA.name}, ${DANA.email}, designated_teacher`]));
    await h.settle();
    expect(await types(SAM, 'child PEP-2026-0042')).toContain('Nothing due yet');
  });

  it('a school move typed without the teacher’s email comes back saying so, with what was typed', async () => {
    const shown = await types(SAM, 'child PEP-2026-0042 moved school Southfield Academy on 30 November');
    expect(shown).toContain("the new designated teacher's email");
    expect(shown).toContain('child PEP-2026-0042 moved school Southfield Academy on 30 November');
  });

  it('Dana, who does not organise it, cannot record one', async () => {
    const shown = await types(DANA, 'child PEP-2026-0042 entered care 2 November');
    expect(shown).toContain('Only the organiser can do that');
    expect(shown).toContain('child PEP-2026-0042 entered care 2 November');
  });

  it('Sam records the move, is told when the new PEP is due and offered the handover to the new designated teacher', async () => {
    const shown = await types(SAM, 'child PEP-2026-0042 moved school Southfield Academy on 30 November teacher dt@southfield.sch.uk');
    expect(shown).toContain('JD (PEP-2026-0042) has moved to Southfield Academy');
    expect(shown).toContain('Due by Monday 14 December 2026: a new PEP after the change of school (14 days left).');
    expect(shown).toContain('Invite them to the next PEP');
  });

  it('five working days before, the nudge reaches Sam as a direct message', async () => {
    bot.clock.set('2026-12-07T09:30:00Z');
    await expect.poll(() => samsDirectMessages().find((text) => text.includes('PEP due soon for PEP-2026-0042')), { timeout: 10_000 }).toContain('A new PEP after the change of school is due by Monday 14 December 2026.');
  });
});
