import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/model.js';
import { readText } from './slack-api-stub.js';
import type { SlackHarness } from './slack-harness.js';
import { ADELE, SAM, startSlack } from './slack-harness.js';
import { FORM, linkLockAndStart, openMeetingForm, shownOnlyTo, submitForm, type } from './slack-scenes.js';

/**
 * /pep action through the real Bolt receiver, for a carer the organiser invited by name only:
 * Slack's mention carries her user id, which the meeting has never seen, so her profile name decides.
 */
const CHAT = 'C0PEPCHAT';
let h: SlackHarness;
let meeting: Meeting;

beforeEach(async () => {
  h = await startSlack();
  await submitForm(h, await openMeetingForm(h), { ...FORM, participants: `${FORM.participants}\nAdele Vance, carer` });
  await h.settle();
  [meeting] = (await h.store.meetingsOfParticipant({ kind: 'slack', slackUserId: SAM.id })) as [Meeting];
  await linkLockAndStart(h, CHAT);
});
afterEach(async () => {
  await h.close();
});

async function typeAndRead(text: string): Promise<string[]> {
  const typed = await type(h, SAM, CHAT, text);
  expect(typed.answer.status).toBe(200);
  await h.settle();
  return shownOnlyTo(h, typed.responseId).map(({ blocks }) => readText(blocks));
}
const adeleId = () => meeting.participants.find((p) => p.name === ADELE.name)!.id;

describe('/pep action for a carer invited by name only', () => {
  it('an @mention of her Slack account makes her the owner', async () => {
    expect(meeting.participants.find((p) => p.id === adeleId())).not.toHaveProperty('slackUserId');
    expect(await typeAndRead(`action <@${ADELE.id}> read with JD for 20 minutes every evening by 21 December`)).toEqual([]);
    expect((await h.store.getMeeting(meeting.id))!.actions).toMatchObject([{ ownerId: adeleId(), description: 'read with JD for 20 minutes every evening', dueDate: '2026-12-21' }]);
  });

  it('a vague action due on a Sunday is refused naming what is missing, with her name; a clear one comes back ready for the next working day', async () => {
    const [vague] = await typeAndRead(`action <@${ADELE.id}|adele> support with reading by 20 December`);
    expect(vague).toContain('(Measurable)');
    expect(vague).toContain('the next working day is Monday 21 December 2026');
    expect(vague).toContain('action @Adele Vance support with reading by 20 December');
    expect(vague).not.toContain('@{0}');
    const [sunday] = await typeAndRead(`action <@${ADELE.id}|adele> send the reading log by 20 December`);
    expect(sunday).toContain('/pep action @Adele Vance send the reading log by Monday 21 December 2026');
    expect((await h.store.getMeeting(meeting.id))!.actions).toEqual([]);
  });
});
