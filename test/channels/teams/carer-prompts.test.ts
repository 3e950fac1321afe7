import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/app/execute-command.js';
import { execute, installed } from './support/activities.js';
import type { RosterMember } from './support/connector-stub.js';
import { createMeetingInTeams, headingOfAnswer, idOf } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { startTeamsHarness } from './support/teams-harness.js';

/**
 * Scene 6: a foster carer who is a guest in the tenant. Teams' roster gives a guest a UPN that is
 * not an address (…#EXT#@…), so the carer is found by the email the organiser typed.
 */
const GUEST_CARER: RosterMember = {
  id: '29:chris-guest',
  name: 'Chris Carer',
  aadObjectId: 'aad-chris-guest',
  email: 'chris@home.example.org',
  userPrincipalName: 'chris_home.example.org#EXT#@council.onmicrosoft.com',
};

let teams: TeamsHarness;
beforeEach(async () => {
  teams = await startTeamsHarness();
  teams.connector.roster.set(GUEST_CARER.id, GUEST_CARER);
});
afterEach(async () => {
  await teams.close();
});

describe('carer prompts in Teams', () => {
  it('reach a guest carer in their 1:1 chat, and the answer is saved as theirs', async () => {
    const here = { serviceUrl: teams.connector.serviceUrl };
    await teams.post(installed(GUEST_CARER, here));
    expect(await teams.store.getValue('teams-person', `aad:${GUEST_CARER.aadObjectId}`)).toMatchObject({ emails: ['chris@home.example.org'] });
    const meeting = await createMeetingInTeams(teams);

    const sent = await executeCommand(teams.deps, {
      meetingId: meeting.id,
      command: { type: 'sendPrompt', participantId: idOf(meeting, 'carer'), kind: 'carer' },
      actorId: meeting.organiserId,
      channel: 'teams',
    });
    await teams.settled();
    const prompt = teams.connector.calls.at(-1)!;
    expect(prompt).toMatchObject({ kind: 'send', conversationId: `a:${GUEST_CARER.aadObjectId}` });
    expect(prompt.activity.summary).toBe('A few questions before the PEP meeting for JD (PEP-2026-0042).');

    const promptId = sent.meeting.prompts[0]!.id;
    const answer = await teams.post(execute(GUEST_CARER, here, 'prompt.answer', { meetingId: meeting.id, promptId, kind: 'carer', mood: '4', toRaise: 'Homework club', freeText: '' }));
    expect(headingOfAnswer(answer.body)).toBe('Thank you');
    const stored = (await teams.store.getMeeting(meeting.id))!;
    expect(stored.prompts[0]!.answer).toMatchObject({ kind: 'carer', mood: 4, toRaise: 'Homework club' });
  });
});
