import { describe, expect, it } from 'vitest';
import { planOutgoing } from '../../../src/app/outbox/plan-outgoing.js';
import { queueFollowUps } from '../../../src/app/outbox/queue-follow-ups.js';
import type { Meeting, Participant } from '../../../src/domain/model.js';
import { NOW, Scenario } from '../../domain/scenario.js';

/** Teams or Slack reach everyone with an account there; the child and the officer have neither. */
const reachable = (person: Participant) => person.teamsAadObjectId !== undefined || person.slackUserId !== undefined;

function step(scenario: Scenario, actorId: string, command: Record<string, unknown>) {
  const before: Meeting = scenario.meeting;
  const change = scenario.run(actorId, command);
  return { before, change, planned: planOutgoing(before, change.meeting, change.alerts, reachable) };
}

const CHAT = { channel: 'teams', conversationId: '19:meeting@thread.v2' } as const;

describe('what a change promises to send, read from what changed', () => {
  it('invitations: one to each invitee, the organiser’s attendance card, the agenda in the meeting chat', () => {
    const scenario = new Scenario();
    step(scenario, scenario.organiser, { type: 'linkChat', ...CHAT });
    const { planned, change } = step(scenario, scenario.organiser, { type: 'sendInvitations' });
    const invitees = change.meeting.participants.filter((p) => p.id !== scenario.organiser).map((p) => p.id);
    expect(planned).toEqual([
      ...invitees.map((id) => ({ kind: 'direct', participantId: id, show: { card: 'invitation', participantId: id }, mode: 'send' })),
      { kind: 'direct', participantId: scenario.organiser, show: { card: 'attendance-summary' }, mode: 'refresh' },
      { kind: 'chat', ...CHAT, show: { card: 'agenda' }, mode: 'refresh' },
    ]);
  });

  it('a key person who cannot come is a new message to the organiser, which notifies; other answers update the card', () => {
    const scenario = new Scenario().invited();
    const accepted = step(scenario, scenario.id('designated_teacher'), { type: 'recordRsvp', answer: 'accept' });
    expect(accepted.planned).toEqual([{ kind: 'direct', participantId: scenario.organiser, show: { card: 'attendance-summary' }, mode: 'refresh' }]);
    const declined = step(scenario, scenario.id('carer'), { type: 'recordRsvp', answer: 'decline', note: 'Hospital appointment' });
    expect(declined.planned).toEqual([{ kind: 'direct', participantId: scenario.organiser, show: { card: 'attendance-summary' }, mode: 'send' }]);
  });

  it('a chat linked later gets the agenda, and only that chat', () => {
    const scenario = new Scenario().invited();
    step(scenario, scenario.organiser, { type: 'linkChat', ...CHAT });
    const second = { channel: 'slack', conversationId: 'C0PEP' } as const;
    const { planned } = step(scenario, scenario.organiser, { type: 'linkChat', ...second });
    expect(planned).toEqual([{ kind: 'chat', ...second, show: { card: 'agenda' }, mode: 'refresh' }]);
  });

  it('a change no card shows sends nothing', () => {
    const scenario = new Scenario().inProgress();
    expect(step(scenario, scenario.organiser, { type: 'addNote', text: 'Reading at home every evening' }).planned).toEqual([]);
  });

  it('starting posts a new start card and the previous actions in each chat', () => {
    const scenario = new Scenario();
    step(scenario, scenario.organiser, { type: 'linkChat', ...CHAT });
    scenario.agreed();
    const { planned } = step(scenario, scenario.organiser, { type: 'startMeeting' });
    expect(planned).toContainEqual({ kind: 'chat', ...CHAT, show: { card: 'meeting-start' }, mode: 'new' });
    expect(planned).toContainEqual({ kind: 'chat', ...CHAT, show: { card: 'previous-actions' }, mode: 'refresh' });
  });

  it('cancelling takes the meeting out of the calendars of people invited by email, and nobody else’s', () => {
    const scenario = new Scenario().invited();
    const { planned } = step(scenario, scenario.organiser, { type: 'cancelMeeting', reason: 'The child moved school' });
    expect(planned.filter((m) => m.kind === 'cancellation')).toEqual([
      { kind: 'cancellation', participantId: scenario.id('child') },
      { kind: 'cancellation', participantId: scenario.id('virtual_school_officer') },
    ]);
  });
});

describe('the follow-ups saved with a change', () => {
  const ctx = { actorId: 'p-organiser', channel: 'teams' as const, at: NOW, newId: (() => { let n = 0; return () => `f-${++n}`; })() };

  it('issue a secure link, in the same change, for each card that goes to someone no chat reaches', () => {
    const scenario = new Scenario();
    const before = scenario.meeting;
    const change = scenario.run(scenario.organiser, { type: 'sendInvitations' });
    const { change: followed, messages } = queueFollowUps(before, change, { ...ctx, actorId: scenario.organiser }, { reachable, linkDays: 14 });
    expect(followed.meeting.version).toBe(change.meeting.version);
    const linked = messages.map((m) => m.message as { participantId?: string; link?: { linkId: string; token: string; opens: string } }).filter((m) => m.link);
    expect(linked.map((m) => m.participantId).sort()).toEqual([scenario.id('child'), scenario.id('virtual_school_officer')].sort());
    for (const message of linked) {
      const link = followed.meeting.links.find((l) => l.id === message.link!.linkId)!;
      expect(link).toMatchObject({ participantId: message.participantId, purpose: 'invitation', singleUse: true, issuedBy: 'system', expiresAt: '2026-12-09T10:00:00Z' });
      // Only the hash is on the meeting; the secret travels in the message alone.
      expect(JSON.stringify(followed.meeting)).not.toContain(message.link!.token);
    }
    expect(followed.events.filter((e) => e.type === 'issueLink')).toHaveLength(2);
    expect(messages.map((m) => m.id)).toEqual(messages.map((_, i) => `${before.id}/v${followed.meeting.version}/${i + 1}`));
  });

  it('queue the plan for everyone once it is issued, with the full plan’s link for those a chat reaches, and mark it distributed', () => {
    const scenario = new Scenario().inProgress();
    scenario.run(scenario.organiser, { type: 'setNextReviewDate', date: '2027-03-10' });
    const before = scenario.meeting;
    const change = scenario.run(scenario.organiser, { type: 'concludeMeeting' });
    const { change: followed, messages } = queueFollowUps(before, change, { ...ctx, actorId: scenario.organiser }, { reachable, linkDays: 14 });
    expect(followed.meeting.status).toBe('plan_distributed');
    const plans = messages.map((m) => m.message as { show?: { card: string }; participantId: string; link?: { opens: string } }).filter((m) => m.show?.card === 'plan-summary');
    expect(plans).toHaveLength(before.participants.length);
    const opens = Object.fromEntries(plans.map((m) => [m.participantId, m.link?.opens]));
    expect(opens[scenario.id('designated_teacher')]).toBe('plan-document');
    expect(opens[scenario.id('child')]).toBe('card');
  });
});
