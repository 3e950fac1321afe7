import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_INSTALLED } from '../../../src/channels/teams/teams-messenger.js';
import { execute, installation, installed, message } from './support/activities.js';
import { cardHeading, headingOf } from './support/connector-stub.js';
import { FORM, cardOf, createMeetingInTeams, idOf } from './support/meeting-setup.js';
import type { CardAnswer } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { CHRIS, DANA, EVE, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * Scene 1 through the real CloudAdapter: the organiser creates the meeting from the form in their
 * 1:1 chat, invitations go out as proactive 1:1 cards, answers refresh the card in place and the
 * organiser's summary is updated in place.
 */
let teams: TeamsHarness;
beforeEach(async () => {
  teams = await startTeamsHarness();
});
afterEach(async () => {
  await teams.close();
});

const here = () => ({ serviceUrl: teams.connector.serviceUrl });
const sentTo = (chat: string) => teams.connector.calls.filter((c) => c.conversationId === chat);

const createMeeting = () => createMeetingInTeams(teams);

describe('create and invite in Teams', () => {
  it('welcomes on install, and answers "new" in the 1:1 chat with the meeting form', async () => {
    expect((await teams.post(installed(SAM, here()))).status).toBe(200);
    expect(sentTo(personalChat(SAM)).map(headingOf)).toEqual(['Hello, I’m PEP Bot']);
    await teams.post(message(SAM, here(), 'new'));
    expect(headingOf(sentTo(personalChat(SAM)).at(-1)!)).toBe('New PEP meeting');
    await teams.post(message(SAM, here(), 'link PEP-2026-0042'));
    expect(headingOf(sentTo(personalChat(SAM)).at(-1)!)).toBe('Link the meeting from its group chat');
    expect(await teams.store.getValue('teams-person', 'email:sam@la.example.org')).toMatchObject({ aadObjectId: SAM.aadObjectId, personalConversationId: personalChat(SAM) });
  });

  it('creates the meeting, invites in 1:1 chats, and lists the people it cannot reach, with the reason', async () => {
    const meeting = await createMeeting();
    expect(meeting.participants.find((p) => p.role === 'social_worker')).toMatchObject({ name: SAM.name, teamsAadObjectId: SAM.aadObjectId, email: SAM.email });
    // Dana had installed PEP Bot: the form's email found her, and the meeting now knows her Teams account.
    expect(meeting.participants.find((p) => p.role === 'designated_teacher')).toMatchObject({ teamsAadObjectId: DANA.aadObjectId });

    const invitation = sentTo(personalChat(DANA)).find((c) => headingOf(c) === 'PEP meeting invitation')!;
    expect(invitation.kind).toBe('send');
    expect(invitation.activity.summary).toBe('You are invited to the PEP meeting for JD (PEP-2026-0042).');
    expect(invitation.activity.attachments![0]!.content.refresh).toMatchObject({ action: { verb: 'card.refresh' } });

    const summary = sentTo(personalChat(SAM)).find((c) => headingOf(c) === 'Who is coming to the PEP meeting')!;
    const shown = JSON.stringify(summary.activity.attachments![0]!.content);
    // Without PEP Bot installed, Teams cannot message them: they are for the other channels or the web link.
    expect(shown).toContain('Chris Carer (carer)');
    expect(shown).toContain('Vic Officer (virtual school officer)');
    expect(shown).toContain('Jordan (child or young person)');
    expect(shown).toContain('No Teams or Slack account is known for this person');
    expect(teams.events.filter((e) => e.kind === 'undeliverable').map((e) => e.kind === 'undeliverable' && e.participantId).sort()).toEqual(
      [idOf(meeting, 'carer'), idOf(meeting, 'virtual_school_officer'), idOf(meeting, 'child')].sort(),
    );
  });

  it('someone who removed PEP Bot is listed as unreachable, with the reason, never silently dropped', async () => {
    await teams.post(installed(DANA, here()));
    await teams.post(installation(DANA, here(), 'remove'));
    const meeting = await createMeetingInTeams(teams, [SAM]);
    const summary = sentTo(personalChat(SAM)).find((c) => headingOf(c) === 'Who is coming to the PEP meeting')!;
    expect(JSON.stringify(summary.activity)).toContain(`Dana Teacher (designated teacher)","value":"${NOT_INSTALLED.slice(0, 60)}`);
    expect(teams.events).toContainEqual(expect.objectContaining({ kind: 'undeliverable', participantId: idOf(meeting, 'designated_teacher'), reason: NOT_INSTALLED }));
    expect(sentTo(personalChat(DANA)).filter((c) => headingOf(c) === 'PEP meeting invitation')).toEqual([]);
  });

  it('an answer refreshes the card for that person and updates the organiser\'s summary in place', async () => {
    const meeting = await createMeeting();
    const summary = sentTo(personalChat(SAM)).find((c) => headingOf(c) === 'Who is coming to the PEP meeting')!;
    const answer = await teams.post(execute(DANA, here(), 'rsvp', { meetingId: meeting.id, participantId: idOf(meeting, 'designated_teacher'), answer: 'accept', note: 'Bringing the reading log' }));
    expect(answer.status).toBe(200);
    expect((answer.body as CardAnswer).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(cardOf(answer.body))).toContain('Your answer so far: Attending');
    await teams.settled();

    const stored = (await teams.store.getMeeting(meeting.id))!;
    expect(stored.participants.find((p) => p.role === 'designated_teacher')!.rsvp).toMatchObject({ answer: 'accept', note: 'Bringing the reading log' });
    const update = teams.connector.calls.at(-1)!;
    expect(update).toMatchObject({ kind: 'update', conversationId: personalChat(SAM), messageId: summary.messageId });
    expect(JSON.stringify(update.activity)).toContain('Attending: “Bringing the reading log”');
  });

  it('a double-click or a redelivered activity applies once', async () => {
    const meeting = await createMeeting();
    const click = execute(DANA, here(), 'rsvp', { meetingId: meeting.id, participantId: idOf(meeting, 'designated_teacher'), answer: 'tentative' });
    const [first, second] = await Promise.all([teams.post(click), teams.post(click)]);
    for (const answer of [first, second]) expect(JSON.stringify(cardOf(answer.body))).toContain('Your answer so far: Might attend');
    await teams.settled();
    const trail = await teams.store.auditTrail(meeting.id);
    expect(trail.filter((e) => e.type === 'recordRsvp')).toHaveLength(1);
    // The organiser's attendance summary is updated once (their card about people not reached is another message).
    expect(teams.connector.calls.filter((c) => c.kind === 'update' && c.conversationId === personalChat(SAM) && JSON.stringify(c.activity).includes('Might attend'))).toHaveLength(1);
  });

  it('nobody answers for someone else: identity comes from Teams, not from the card', async () => {
    const meeting = await createMeeting();
    const danasCard = { meetingId: meeting.id, participantId: idOf(meeting, 'designated_teacher'), answer: 'decline' };
    const bySam = await teams.post(execute(SAM, here(), 'rsvp', danasCard));
    expect(JSON.stringify(cardOf(bySam.body))).toContain('Only the person this invitation was sent to can answer it.');
    await teams.post(installed(EVE, here()));
    const byOutsider = await teams.post(execute(EVE, here(), 'rsvp', danasCard));
    expect(cardHeading(cardOf(byOutsider.body))).toBe('Only participants can do that');
    // Card data naming Dana, sent from Chris's account (not even installed), changes nothing either.
    const byChris = await teams.post(execute(CHRIS, here(), 'rsvp', { ...danasCard, participantId: idOf(meeting, 'carer') }));
    expect(JSON.stringify(cardOf(byChris.body))).toContain('Your answer so far: Cannot attend');
    await teams.settled();
    const stored = (await teams.store.getMeeting(meeting.id))!;
    expect(stored.participants.find((p) => p.role === 'designated_teacher')!.rsvp).toBeUndefined();
    expect(stored.participants.find((p) => p.role === 'carer')!.rsvp).toMatchObject({ answer: 'decline' });
  });

  it('a critical decline reaches the organiser as a new message with the reschedule option', async () => {
    const meeting = await createMeeting();
    const before = sentTo(personalChat(SAM)).length;
    await teams.post(execute(DANA, here(), 'rsvp', { meetingId: meeting.id, participantId: idOf(meeting, 'designated_teacher'), answer: 'decline' }));
    await teams.settled();
    const [alert] = sentTo(personalChat(SAM)).slice(before);
    expect(alert).toMatchObject({ kind: 'send' });
    const shown = JSON.stringify(alert!.activity.attachments![0]!.content);
    expect(shown).toContain('Key people cannot come');
    expect(shown).toContain('"verb":"meeting.reschedule"');
  });

  it('the form comes back with every problem and what was typed', async () => {
    await teams.post(installed(SAM, here()));
    const answer = await teams.post(execute(SAM, here(), 'meeting.create', { ...FORM, place: '', participants: 'Dana, dana@school.example.org, headteacher' }));
    const shown = JSON.stringify(cardOf(answer.body));
    expect(shown).toContain('is not a role');
    expect(shown).toContain('Dana, dana@school.example.org, headteacher');
    expect(await teams.store.meetingsOfParticipant({ kind: 'teamsAad', teamsAadObjectId: SAM.aadObjectId })).toEqual([]);
  });
});
