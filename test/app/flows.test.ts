import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCardAction } from '../../src/app/card-actions.js';
import { handleChatCommand } from '../../src/app/chat/handle-chat-command.js';
import { submitMeetingForm } from '../../src/app/create-meeting-from-form.js';
import { createMeeting } from '../../src/app/create-meeting.js';
import { CardDelivery, type DeliveryEvent } from '../../src/app/delivery.js';
import type { AppDeps } from '../../src/app/deps.js';
import { executeCommand } from '../../src/app/execute-command.js';
import { attachOutbox } from '../../src/app/outbox/attach-outbox.js';
import type { DeliveryWorker } from '../../src/app/outbox/delivery-worker.js';
import { issueSecureLink, resolveSecureLink } from '../../src/app/secure-links.js';
import { liveActionsCard } from '../../src/app/views/meeting-cards.js';
import { renderCard } from '../../src/cards/render-card.js';
import type { Meeting } from '../../src/domain/model.js';
import type { MeetingStore } from '../../src/ports/store.js';
import { openStore } from '../../src/stores/open-store.js';
import { NOW, counterIds, createInput } from '../domain/scenario.js';
import { RecordingMessenger } from '../support/recording-messenger.js';
import { captureLog } from '../server/harness.js';

/** The shared flows the Teams and Slack adapters call, on the real store and card catalogue. */
let dir: string;
let store: MeetingStore;
let deps: AppDeps;
let teams: RecordingMessenger;
let slack: RecordingMessenger;
let delivery: CardDelivery;
let events: DeliveryEvent[];
let outbox: DeliveryWorker;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pep-flows-'));
  store = await openStore({ dataDir: dir });
  await store.init();
  deps = { store, clock: { now: () => new Date(NOW) }, newId: counterIds('f'), defaultTimeZone: 'Europe/London' };
  teams = new RecordingMessenger('teams');
  slack = new RecordingMessenger('slack');
  events = [];
  delivery = new CardDelivery({ store, messengers: [teams, slack], report: (e) => events.push(e) });
  outbox = attachOutbox(deps, { delivery, logger: captureLog().logger, publicBaseUrl: 'http://127.0.0.1:3978' });
});

afterEach(async () => {
  await outbox.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = { ...createInput, organiser: { ...createInput.organiser, teamsAadObjectId: 'aad-sam' } };
const id = (m: Meeting, role: string) => m.participants.find((p) => p.role === role)!.id;

async function invited(): Promise<Meeting> {
  const created = await createMeeting(deps, { command: input, channel: 'teams' });
  const result = await executeCommand(deps, { meetingId: created.id, command: { type: 'sendInvitations' }, actorId: created.organiserId, channel: 'teams' });
  await outbox.drain();
  return result.meeting;
}

describe('confirming attendance from a card', () => {
  it('invitations go to each person on their channel; people the bot cannot reach are listed for the organiser', async () => {
    const meeting = await invited();
    expect(teams.sent.filter((s) => s.card.name === 'invitation').map((s) => s.to)).toEqual([id(meeting, 'designated_teacher')]);
    expect(slack.sent.filter((s) => s.card.name === 'invitation').map((s) => s.to)).toEqual([id(meeting, 'carer')]);
    expect(events.map((e) => e.kind === 'undeliverable' && e.participantId)).toEqual([id(meeting, 'child'), id(meeting, 'virtual_school_officer')]);
    const summary = teams.sent.find((s) => s.card.name === 'attendance-summary')!;
    expect(summary.to).toBe(meeting.organiserId);
    expect((summary.card.data as { unreachable: { reason: string }[] }).unreachable).toHaveLength(2);
  });

  it('an answer refreshes the card for that person and updates the organiser\'s summary in place', async () => {
    const meeting = await invited();
    const result = await handleCardAction(deps, {
      verb: 'rsvp',
      payload: { meetingId: meeting.id, participantId: id(meeting, 'carer'), answer: 'accept', note: 'Will bring the reading log' },
      actor: { kind: 'slack', slackUserId: 'U0CARER' },
      channel: 'slack',
      idempotencyKey: 'slack:trigger-1',
    });
    expect(result.card.name).toBe('invitation');
    expect(result.card.data).toMatchObject({ answer: 'accept' });
    await outbox.drain();
    expect(teams.sent.at(-1)).toMatchObject({ kind: 'update', card: { name: 'attendance-summary' } });
  });

  it('nobody can answer someone else\'s invitation, even with its data', async () => {
    const meeting = await invited();
    const result = await handleCardAction(deps, {
      verb: 'rsvp',
      payload: { meetingId: meeting.id, participantId: id(meeting, 'designated_teacher'), answer: 'decline' },
      actor: { kind: 'slack', slackUserId: 'U0CARER' },
      channel: 'slack',
    });
    expect(result.change).toBeUndefined();
    expect(result.card).toMatchObject({ name: 'invitation', data: { participantId: id(meeting, 'carer'), errors: [expect.stringContaining('Only the person this invitation was sent to')] } });
    expect((await store.getMeeting(meeting.id))!.participants.every((p) => p.id === meeting.organiserId || !p.rsvp)).toBe(true);
  });

  it('a critical decline sends the organiser a new summary so they are notified', async () => {
    const meeting = await invited();
    const before = teams.sent.length;
    await handleCardAction(deps, {
      verb: 'rsvp',
      payload: { meetingId: meeting.id, participantId: id(meeting, 'designated_teacher'), answer: 'decline' },
      actor: { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' },
      channel: 'teams',
    });
    await outbox.drain();
    expect(teams.sent.slice(before)).toEqual([expect.objectContaining({ kind: 'direct', to: meeting.organiserId, card: expect.objectContaining({ name: 'attendance-summary' }) })]);
  });

  it('a bad value re-shows the form with what was typed', async () => {
    const meeting = await invited();
    const result = await handleCardAction(deps, {
      verb: 'rsvp',
      payload: { meetingId: meeting.id, participantId: id(meeting, 'carer'), answer: 'perhaps', note: 'After 3pm only' },
      actor: { kind: 'slack', slackUserId: 'U0CARER' },
      channel: 'slack',
    });
    expect(result.card).toMatchObject({ name: 'invitation', data: { values: { note: 'After 3pm only' }, errors: [expect.any(String)] } });
  });
});

describe('capturing actions with a command in the meeting chat', () => {
  const chat = { channel: 'teams' as const, conversationId: '19:meeting_abc@thread.v2' };
  const organiser = { kind: 'teamsAad' as const, teamsAadObjectId: 'aad-sam' };
  const run = async (text: string, mentions = [] as { kind: 'teamsAad'; teamsAadObjectId: string }[], actor = organiser) => {
    const result = await handleChatCommand(deps, delivery, { text, mentions, actor, chat, isGroupChat: true });
    await outbox.drain();
    return result;
  };

  it('link, agenda, start, action, status, close: the shared cards follow in the chat', async () => {
    const meeting = await invited();
    expect((await run('link PEP-2026-0042')).reply).toMatchObject({ name: 'confirmation' });
    expect(teams.sent.at(-1)).toMatchObject({ kind: 'post', to: chat.conversationId, card: { name: 'agenda' } });
    await executeCommand(deps, { meetingId: meeting.id, command: { type: 'lockAgenda' }, actorId: meeting.organiserId, channel: 'teams' });
    // The meeting is a week away and the child has not answered: it starts, with both said.
    expect((await run('start')).reply).toMatchObject({ name: 'confirmation', data: { title: 'The meeting has started: please check' } });
    expect(teams.sent.some((s) => s.kind === 'post' && s.card.name === 'meeting-start')).toBe(true);

    const action = await run('action @{0} send the reading report by Friday', [{ kind: 'teamsAad', teamsAadObjectId: 'aad-dana' }]);
    expect(action.reply).toBeUndefined();
    const live = teams.sent.filter((s) => s.card.name === 'live-actions').at(-1)!;
    expect(live.card.data).toMatchObject({ actions: [{ description: 'send the reading report', dueDate: '2026-11-27', owner: { name: 'Dana Teacher' } }] });
    // What the meeting chat shows names the child by initials only (direct messages to the organiser may name them).
    expect(JSON.stringify(teams.sent.filter((s) => s.to === chat.conversationId))).not.toContain('Jordan');

    await run('action @Chris buy a dictionary in two weeks');
    expect(teams.sent.at(-1)).toMatchObject({ kind: 'update', card: { name: 'live-actions' } });
    expect((await run('status')).reply).toMatchObject({ name: 'confirmation', data: { facts: expect.arrayContaining([{ label: 'Actions', value: '2 (2 open)' }]) } });
    expect((await run('close')).reply).toMatchObject({ name: 'error', data: { code: 'MEETING.NEXT_REVIEW_REQUIRED' } });
    await run('next review 10 March');
    const closed = (await run('close')).reply;
    expect(closed).toMatchObject({ name: 'confirmation', data: { title: 'Meeting closed' } });
    // Said before the plan goes out: it promises only what is certain, and who hears of anyone missed.
    expect((closed!.data as { message: string }).message).toBe('The written plan is on its way to 5 people, 2 of them by a secure link. If it cannot reach someone, the organiser gets a direct message saying who and why.');
    const plans = [...teams.sent, ...slack.sent].filter((s) => s.card.name === 'plan-summary');
    expect(plans.map((p) => p.to).sort()).toEqual([meeting.organiserId, id(meeting, 'designated_teacher'), id(meeting, 'carer')].sort());
  });

  it('an unreadable command says what was understood and keeps the text', async () => {
    await invited();
    const result = await run('action send the report');
    expect(result.reply).toMatchObject({ name: 'error', data: { kept: [{ label: 'What you typed', value: 'action send the report' }] } });
    expect((result.reply!.data as { message: string }).message).toMatch(/understood an action, what to do, but not who it is for/);
  });

  it('only the organiser links a chat', async () => {
    await invited();
    const result = await run('link PEP-2026-0042', [], { kind: 'teamsAad', teamsAadObjectId: 'aad-dana' });
    expect(result.reply).toMatchObject({ name: 'error', data: { code: 'PERMISSION.NOT_ORGANISER' } });
  });
});

describe('creating a meeting from the form', () => {
  const organiser = { name: 'Sam Social', teamsAadObjectId: 'aad-sam', email: 'sam@la.example.org' };
  const form = {
    childRef: 'pep-2026-0042',
    childInitials: 'jd',
    yearGroup: '7',
    date: '2026-12-04',
    time: '10:00',
    durationMinutes: '60',
    place: '',
    onlineUrl: 'https://teams.example.org/meet/abc',
    organiserRole: 'social_worker',
    participants: 'Dana Teacher, dana@school.example.org, designated_teacher\nChris Carer, carer\n',
  };

  it('creates the meeting in London time and sends the invitations', async () => {
    const result = await submitMeetingForm(deps, { payload: form, organiser, channel: 'teams' });
    expect(result.card).toMatchObject({ name: 'confirmation', data: { title: 'Invitations on their way' } });
    const meeting = result.change!.meeting;
    expect(meeting).toMatchObject({ status: 'invited', startsAt: '2026-12-04T10:00:00Z', child: { ref: 'PEP-2026-0042', initials: 'JD', yearGroup: 7 } });
    expect(meeting.participants.map((p) => [p.name, p.role, p.email])).toEqual([
      ['Sam Social', 'social_worker', 'sam@la.example.org'],
      ['Dana Teacher', 'designated_teacher', 'dana@school.example.org'],
      ['Chris Carer', 'carer', undefined],
    ]);
    const summer = await submitMeetingForm(deps, { payload: { ...form, childRef: 'PEP-2027-0001', date: '2027-06-04' }, organiser, channel: 'teams' });
    expect(summer.change!.meeting.startsAt).toBe('2027-06-04T09:00:00Z');
  });

  it('lists every problem at once and keeps what was typed', async () => {
    const result = await submitMeetingForm(deps, { payload: { ...form, onlineUrl: '', participants: 'Dana, dana@school.example.org, headteacher' }, organiser, channel: 'teams' });
    expect(result.change).toBeUndefined();
    expect(result.card).toMatchObject({ name: 'meeting-form', data: { values: { participants: 'Dana, dana@school.example.org, headteacher', childRef: 'pep-2026-0042' } } });
    const errors = (result.card.data as { errors: string[] }).errors;
    expect(errors).toEqual([expect.stringContaining('"headteacher" is not a role'), expect.stringContaining('a place, or an online meeting link')]);
  });
});

describe('a long meeting', () => {
  it('the live action list keeps drawing after many actions (the newest the card can hold)', async () => {
    const meeting = await invited();
    await executeCommand(deps, { meetingId: meeting.id, command: { type: 'lockAgenda' }, actorId: meeting.organiserId, channel: 'teams' });
    await executeCommand(deps, { meetingId: meeting.id, command: { type: 'startMeeting' }, actorId: meeting.organiserId, channel: 'teams' });
    let last: Meeting = meeting;
    for (let i = 1; i <= 26; i++) {
      last = (await executeCommand(deps, { meetingId: meeting.id, command: { type: 'captureAction', ownerId: id(meeting, 'carer'), description: `Action ${i}`, dueDate: '2026-12-11' }, actorId: meeting.organiserId, channel: 'teams' })).meeting;
    }
    const card = liveActionsCard(last);
    expect(() => renderCard('live-actions', card.data as never)).not.toThrow();
    expect((card.data as { actions: { description: string }[] }).actions.at(-1)!.description).toBe('Action 26');
  });
});

describe('rescheduling from the organiser\'s attendance card', () => {
  it('a critical decline, then Reschedule with a new date and time: everyone is invited again', async () => {
    const meeting = await invited();
    await handleCardAction(deps, {
      verb: 'rsvp',
      payload: { meetingId: meeting.id, participantId: id(meeting, 'carer'), answer: 'decline' },
      actor: { kind: 'slack', slackUserId: 'U0CARER' },
      channel: 'slack',
    });
    await outbox.drain();
    const [teamsBefore, slackBefore] = [teams.sent.length, slack.sent.length];
    const result = await handleCardAction(deps, {
      verb: 'meeting.reschedule',
      payload: { meetingId: meeting.id, newDate: '2026-12-11', newTime: '14:30' },
      actor: { kind: 'teamsAad', teamsAadObjectId: 'aad-sam' },
      channel: 'teams',
    });
    expect(result.card).toMatchObject({ name: 'confirmation', data: { title: 'Meeting moved' } });
    expect(result.change!.meeting.startsAt).toBe('2026-12-11T14:30:00Z');
    await outbox.drain();
    const after = [...teams.sent.slice(teamsBefore), ...slack.sent.slice(slackBefore)];
    expect(after.filter((s) => s.card.name === 'invitation').map((s) => s.to).sort()).toEqual([id(meeting, 'designated_teacher'), id(meeting, 'carer')].sort());
    expect(after.some((s) => s.card.name === 'attendance-summary' && s.to === meeting.organiserId)).toBe(true);
  });

  it('a participant cannot reschedule, even with the organiser\'s card data', async () => {
    const meeting = await invited();
    const result = await handleCardAction(deps, {
      verb: 'meeting.reschedule',
      payload: { meetingId: meeting.id, newDate: '2026-12-11', newTime: '14:30' },
      actor: { kind: 'slack', slackUserId: 'U0CARER' },
      channel: 'slack',
    });
    expect(result.change).toBeUndefined();
    expect(result.card).toMatchObject({ name: 'error', data: { code: 'PERMISSION.NOT_ORGANISER' } });
  });
});

describe('a reschedule that needs fixing', () => {
  it('re-shows the organiser\'s summary with the date they typed and the problem', async () => {
    const meeting = await invited();
    const result = await handleCardAction(deps, {
      verb: 'meeting.reschedule',
      payload: { meetingId: meeting.id, newDate: '2026-11-01', newTime: '09:00' },
      actor: { kind: 'teamsAad', teamsAadObjectId: 'aad-sam' },
      channel: 'teams',
    });
    expect(result.change).toBeUndefined();
    expect(result.card).toMatchObject({ name: 'attendance-summary', data: { values: { newDate: '2026-11-01', newTime: '09:00' }, errors: ['The new time must be in the future.'] } });
    expect(() => renderCard('attendance-summary', result.card.data as never)).not.toThrow();
  });
});

describe('switching off a secure link that went to the wrong person', () => {
  it('"revoke @name" from the organiser makes the person\'s links stop working', async () => {
    const meeting = await invited();
    const issued = await issueSecureLink(deps, { meetingId: meeting.id, participantId: id(meeting, 'child'), purpose: 'invitation', actorId: meeting.organiserId });
    expect((await resolveSecureLink(deps, issued.token)).ok).toBe(true);
    const result = await handleChatCommand(deps, delivery, { text: 'revoke @Jordan', mentions: [], actor: { kind: 'teamsAad', teamsAadObjectId: 'aad-sam' }, chat: { channel: 'teams', conversationId: 'dm-sam' }, isGroupChat: false });
    expect(result.reply).toMatchObject({ name: 'confirmation', data: { title: 'Secure links switched off' } });
    expect(await resolveSecureLink(deps, issued.token)).toEqual({ ok: false, state: 'revoked' });
    const carer = await handleChatCommand(deps, delivery, { text: 'revoke @Jordan', mentions: [], actor: { kind: 'slack', slackUserId: 'U0CARER' }, chat: { channel: 'slack', conversationId: 'D1' }, isGroupChat: false });
    expect(carer.reply).toMatchObject({ name: 'error', data: { code: 'PERMISSION.NOT_ORGANISER' } });
  });
});
