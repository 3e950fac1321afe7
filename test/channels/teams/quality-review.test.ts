import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../../src/domain/actor.js';
import type { Meeting } from '../../../src/domain/model.js';
import { holdAndClose } from '../../support/plan-ready-for-review.js';
import { execute, installed, message } from './support/activities.js';
import type { RosterMember } from './support/connector-stub.js';
import { headingOf } from './support/connector-stub.js';
import { createMeetingInTeams } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { personalChat, SAM, startTeamsHarness } from './support/teams-harness.js';

/**
 * The Virtual School officer in Teams, through the real CloudAdapter: not a meeting participant,
 * known from the council settings by their Entra object id, reached in their 1:1 chat with PEP Bot
 * once they have installed it, and acting as the officer when they press Approve.
 */
const OLGA: RosterMember = { id: '29:olga', name: 'Olga Officer', aadObjectId: 'aad-olga', email: 'olga@vs.example.org' };
const OLGA_OFFICER: Officer = { id: 'vs-olga', name: 'Olga Officer', teamsAadObjectId: 'aad-olga', roles: ['virtual_school_officer'] };
/** In the settings, but has never installed PEP Bot: a warning names her, and the organiser hears. */
const NINA_OFFICER: Officer = { id: 'vs-nina', name: 'Nina Officer', teamsAadObjectId: 'aad-nina', roles: ['virtual_school_officer'] };

let teams: TeamsHarness;
let meeting: Meeting;
const here = () => ({ serviceUrl: teams.connector.serviceUrl });
const sentTo = (chat: string) => teams.connector.calls.filter((c) => c.conversationId === chat);

beforeEach(async () => {
  teams = await startTeamsHarness({ officers: [OLGA_OFFICER, NINA_OFFICER] });
  teams.connector.roster.set(OLGA.id, OLGA);
  await teams.post(installed(OLGA, here()));
  meeting = await createMeetingInTeams(teams);
  await holdAndClose(teams.deps, meeting.id, 'teams');
  await teams.settled();
});
afterEach(async () => {
  await teams.close();
});

describe('quality review in Teams', () => {
  it('the officer gets the plan in their 1:1 chat and approves it from the card', async () => {
    await teams.post(message(SAM, here(), 'submit'));
    await teams.settled();
    expect((await teams.store.getMeeting(meeting.id))!.qa?.status).toBe('submitted');
    const review = sentTo(personalChat(OLGA)).find((c) => headingOf(c) === 'Quality review: PEP for JD (PEP-2026-0042)');
    expect(review?.kind).toBe('send');

    const answer = await teams.post(execute(OLGA, here(), 'qa.approve', { meetingId: meeting.id, rag: 'green', feedback: 'Clear targets' }));
    expect(answer.status).toBe(200);
    await teams.settled();
    const approved = (await teams.store.getMeeting(meeting.id))!;
    expect(approved.qa).toMatchObject({ status: 'approved', rag: 'green', feedback: 'Clear targets' });
    expect((await teams.store.auditTrail(meeting.id)).find((e) => e.type === 'approvePlan')?.actorId).toBe('officer:vs-olga');
    expect(sentTo(personalChat(SAM)).map(headingOf)).toContain('Plan approved by the Virtual School');
  });

  it('an officer who has not installed PEP Bot is named in a warning and on the organiser’s list', async () => {
    await teams.post(message(SAM, here(), 'submit'));
    await teams.settled();
    expect(teams.logs().find((r) => r.msg === 'virtual school officer not reachable')).toMatchObject({ officerId: 'vs-nina' });
    expect(teams.events).toContainEqual(expect.objectContaining({ kind: 'officer_unreachable', officerId: 'vs-nina', card: 'qa-review' }));
    // The organiser's could-not-reach card names her (updated in place, so its latest copy).
    expect(JSON.stringify(sentTo(personalChat(SAM)).at(-1)!.activity)).toContain('Virtual School officer vs-nina');
  });

  it('someone who is neither an officer nor the organiser cannot approve', async () => {
    await teams.post(message(SAM, here(), 'submit'));
    await teams.settled();
    await teams.post(execute(SAM, here(), 'qa.approve', { meetingId: meeting.id, rag: 'green' }));
    await teams.settled();
    expect((await teams.store.getMeeting(meeting.id))!.qa?.status).toBe('submitted');
  });
});
