import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADD_ACTION_COMMAND } from '../../../src/channels/teams/add-action-dialog.js';
import { NOT_INSTALLED } from '../../../src/channels/teams/teams-messenger.js';
import type { Meeting } from '../../../src/domain/model.js';
import { execute, installation, invoke, meetingEvent, message } from './support/activities.js';
import { cardHeading, headingOf } from './support/connector-stub.js';
import type { CardContent } from './support/connector-stub.js';
import { createMeetingInTeams, idOf, linkMeetingChat } from './support/meeting-setup.js';
import type { TeamsHarness } from './support/teams-harness.js';
import { DANA, MEETING_CHAT, SAM, personalChat, startTeamsHarness } from './support/teams-harness.js';

/**
 * The Teams-only ways in: the meeting's own start and end events, the "Add PEP action" dialog
 * from the compose box, the Action.Submit fallback of older clients, and removal of the app.
 */
let teams: TeamsHarness;
let meeting: Meeting;
beforeEach(async () => {
  teams = await startTeamsHarness();
  meeting = await createMeetingInTeams(teams);
  await linkMeetingChat(teams);
  await teams.post(execute(SAM, inChat(), 'agenda.lock', { meetingId: meeting.id, confirmed: true }));
  await teams.settled();
});
afterEach(async () => {
  await teams.close();
});

const inChat = () => ({ serviceUrl: teams.connector.serviceUrl, chat: MEETING_CHAT });
const inChatCalls = () => teams.connector.calls.filter((c) => c.conversationId === MEETING_CHAT);
const stored = async () => (await teams.store.getMeeting(meeting.id))!;

describe('the Teams meeting itself', () => {
  it('its start starts the PEP meeting and posts the start card; its end posts the wrap-up', async () => {
    const started = await teams.post(meetingEvent(SAM, inChat(), 'meetingStart'));
    expect(started.status).toBe(200);
    await teams.settled();
    expect((await stored()).status).toBe('in_progress');
    expect(inChatCalls().at(-1)!.activity.summary).toBe('The PEP meeting for JD (PEP-2026-0042) is starting.');

    await teams.post(message(SAM, inChat(), 'action @0 send the reading report by Friday', [DANA]));
    await teams.settled();
    await teams.post(meetingEvent(SAM, inChat(), 'meetingEnd'));
    const wrapUp = JSON.stringify(inChatCalls().at(-1)!.activity);
    expect(wrapUp).toContain('The call for JD (PEP-2026-0042) has ended');
    expect(wrapUp).toContain('"title":"Actions captured","value":"1 (1 open)"');
    expect(wrapUp).toContain('Still to set');
  });

  it('a start before the agenda is agreed still shows the start card, with what stands in the way', async () => {
    const other = await startTeamsHarness();
    try {
      await createMeetingInTeams(other);
      await linkMeetingChat(other);
      await other.post(meetingEvent(SAM, { serviceUrl: other.connector.serviceUrl, chat: MEETING_CHAT }, 'meetingStart'));
      const [start, why] = other.connector.calls.filter((c) => c.conversationId === MEETING_CHAT).slice(-2);
      expect(start!.activity.summary).toContain('is starting');
      expect(headingOf(why!)).toBe('The PEP meeting is not started yet');
    } finally {
      await other.close();
    }
  });
});

describe('"Add PEP action" from the compose box', () => {
  const selected = {
    commandId: ADD_ACTION_COMMAND,
    commandContext: 'message',
    messagePayload: {
      body: { contentType: 'html', content: '<p><at id="0">Dana Teacher</at> will send the reading report by Friday</p>' },
      mentions: [{ id: 0, mentionText: 'Dana Teacher', mentioned: { id: DANA.aadObjectId, displayName: 'Dana Teacher', userIdentityType: 'aadUser' } }],
    },
  };

  it('opens a dialog prefilled from the selected message, and captures the action as the typed command would', async () => {
    await teams.post(message(SAM, inChat(), 'start'));
    await teams.settled();
    const opened = await teams.post(invoke(SAM, inChat(), 'composeExtension/fetchTask', selected));
    const task = (opened.body as { task: { type: string; value: { card: { content: CardContent } } } }).task;
    expect(task.type).toBe('continue');
    const inputs = JSON.stringify(task.value.card.content);
    expect(inputs).toContain(`"id":"ownerId"`);
    expect(inputs).toContain(`"value":"${idOf(meeting, 'designated_teacher')}"`);
    expect(inputs).toContain('"value":"Dana Teacher will send the reading report"');
    expect(inputs).toContain('"value":"2026-11-27"');
    expect(inputs).not.toContain('Jordan');

    const data = { meetingId: meeting.id, ownerId: idOf(meeting, 'designated_teacher'), description: 'send the reading report', dueDate: '2026-11-27' };
    const submitted = await teams.post(invoke(SAM, inChat(), 'composeExtension/submitAction', { commandId: ADD_ACTION_COMMAND, commandContext: 'message', data }));
    expect(submitted.body).toEqual({ task: { type: 'message', value: 'Action added for Dana Teacher, due Friday 27 November 2026.' } });
    await teams.settled();
    expect((await stored()).actions).toMatchObject([{ ownerId: idOf(meeting, 'designated_teacher'), description: 'send the reading report', dueDate: '2026-11-27' }]);
    expect(JSON.stringify(inChatCalls().at(-1)!.activity)).toContain('send the reading report');
  });

  it('a refused submission comes back as the dialog with the reason and what was typed', async () => {
    const data = { meetingId: meeting.id, ownerId: idOf(meeting, 'designated_teacher'), description: 'send the reading report', dueDate: '2026-11-27' };
    const submitted = await teams.post(invoke(SAM, inChat(), 'composeExtension/submitAction', { commandId: ADD_ACTION_COMMAND, data }));
    const task = (submitted.body as { task: { type: string; value: { card: { content: CardContent } } } }).task;
    expect(task.type).toBe('continue');
    const shown = JSON.stringify(task.value.card.content);
    expect(shown).toContain("You can't capture actions yet. The meeting has not started yet: the organiser types `start` when it begins.");
    expect(shown).toContain('"value":"send the reading report"');
    expect((await stored()).actions).toEqual([]);
  });
});

describe('older Teams clients and removal', () => {
  it('an Action.Submit fallback click is handled like Action.Execute and updates the card in place', async () => {
    const click = { ...message(DANA, { serviceUrl: teams.connector.serviceUrl }, ''), replyToId: 'invitation-message' };
    const answer = await teams.post({ ...click, value: { meetingId: meeting.id, participantId: idOf(meeting, 'designated_teacher'), answer: 'accept', verb: 'rsvp', note: '' } });
    expect(answer.status).toBe(200);
    await teams.settled();
    expect((await stored()).participants.find((p) => p.role === 'designated_teacher')!.rsvp).toMatchObject({ answer: 'accept' });
    const update = teams.connector.calls.find((c) => c.kind === 'update' && c.messageId === 'invitation-message')!;
    expect(update.conversationId).toBe(personalChat(DANA));
    expect(cardHeading(update.activity.attachments![0]!.content)).toBe('PEP meeting invitation');
  });

  it('after someone removes the app, cards to them are reported as not deliverable, with the reason', async () => {
    await teams.post(installation(DANA, { serviceUrl: teams.connector.serviceUrl }, 'remove'));
    const delivery = await teams.channel.messenger.sendDirect((await stored()).participants.find((p) => p.role === 'designated_teacher')!, {
      name: 'confirmation',
      text: 'Test',
      data: { title: 'Test', message: 'Test' },
    });
    expect(delivery).toEqual({ delivered: false, reason: NOT_INSTALLED, retryable: false });
  });

  it('a chat the bot was removed from by Teams (403) is reported, not thrown', async () => {
    teams.connector.refuse.add(MEETING_CHAT);
    const delivery = await teams.channel.messenger.post(MEETING_CHAT, { name: 'confirmation', text: 'Test', data: { title: 'Test', message: 'Test' } });
    expect(delivery).toMatchObject({ delivered: false, retryable: false });
  });
});
