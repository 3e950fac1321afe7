import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/model.js';
import { execute, installed, message } from './support/activities.js';
import type { RosterMember } from './support/connector-stub.js';
import { headingOf } from './support/connector-stub.js';
import { FORM, headingOfAnswer, linkMeetingChat } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { DANA, EVE, MEETING_CHAT, SAM, startTeamsHarness } from './support/teams-harness.js';

/**
 * Naming an action's owner in the meeting chat through the real Teams adapter, when the owner is a
 * carer the organiser invited by name only (no email): Teams knows her, the meeting only by name.
 */
const ADELE: RosterMember = { id: '29:adele', name: 'Adele Vance', aadObjectId: 'aad-adele', email: 'adele@tenant.example.org' };

let teams: TeamsHarness;
let meeting: Meeting;
beforeEach(async () => {
  teams = await startTeamsHarness();
  teams.connector.roster.set(ADELE.id, ADELE);
  const where = { serviceUrl: teams.connector.serviceUrl };
  for (const person of [SAM, DANA]) await teams.post(installed(person, where));
  const created = await teams.post(execute(SAM, where, 'meeting.create', { ...FORM, participants: `${FORM.participants}\nAdele Vance, carer` }));
  expect(headingOfAnswer(created.body)).toBe('Invitations on their way');
  await teams.settled();
  [meeting] = (await teams.store.meetingsOfParticipant({ kind: 'teamsAad', teamsAadObjectId: SAM.aadObjectId })) as [Meeting];
  await linkMeetingChat(teams);
  await teams.post(execute(SAM, { serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT }, 'agenda.lock', { meetingId: meeting.id, confirmed: true }));
  await teams.settled();
  await say('start');
});
afterEach(async () => {
  await teams.close();
});

/** A command typed in the meeting chat; what PEP Bot then said there first. */
async function say(text: string, mentions: RosterMember[] = []) {
  const before = teams.connector.calls.length;
  expect((await teams.post(message(SAM, { serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT }, text, mentions))).status).toBe(200);
  await teams.settled();
  return teams.connector.calls.slice(before).find((c) => c.conversationId === MEETING_CHAT);
}
const actions = async () => (await teams.store.getMeeting(meeting.id))!.actions;
const adeleId = () => meeting.participants.find((p) => p.name === 'Adele Vance')!.id;

describe('an action for a carer invited by name only', () => {
  it('Adele picked from the @-list owns the action; the live list shows it', async () => {
    expect(meeting.participants.find((p) => p.id === adeleId())).not.toHaveProperty('email');
    await say('action @0 read with JD for 20 minutes every evening by 21 December', [ADELE]);
    expect(await actions()).toMatchObject([{ ownerId: adeleId(), description: 'read with JD for 20 minutes every evening', dueDate: '2026-12-21' }]);
    expect(JSON.stringify(teams.connector.calls.filter((c) => c.conversationId === MEETING_CHAT).at(-1)!.activity)).toContain('read with JD for 20 minutes every evening');
  });

  it('"support with reading by 20 December" is refused in words: the missing measure, the next working day, and what was typed with her name', async () => {
    const reply = await say('action @0 support with reading by 20 December', [ADELE]);
    expect(headingOf(reply!)).toBe('Not SMART yet');
    const shown = JSON.stringify(reply!.activity);
    expect(shown).toContain('(Measurable)');
    expect(shown).toContain('Sunday 20 December 2026 is not a working day; the next working day is Monday 21 December 2026');
    expect(shown).toContain('action @Adele Vance support with reading by 20 December');
    expect(shown).not.toContain('@{0}');
    expect(await actions()).toEqual([]);
  });

  it('someone who is not in the meeting is named as they were picked, never as a placeholder', async () => {
    await teams.post(installed(EVE, { serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT }));
    const reply = await say('action @0 send the report by 21 December', [EVE]);
    const shown = JSON.stringify(reply!.activity);
    expect(shown).toContain('Eve Outsider is not a participant of this meeting.');
    expect(shown).toContain('action @Eve Outsider send the report by 21 December');
    expect(shown).not.toContain('@{0}');
  });
});
