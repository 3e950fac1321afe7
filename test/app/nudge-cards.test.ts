import { describe, expect, it } from 'vitest';
import { nudgeCard } from '../../src/app/nudge-cards.js';
import type { CardName } from '../../src/cards/catalogue.js';
import { renderCard } from '../../src/cards/render-card.js';
import { NUDGE_KINDS } from '../../src/domain/nudges/index.js';
import type { NudgeKind } from '../../src/domain/nudges/index.js';
import { Scenario } from '../domain/scenario.js';

describe('the card each nudge sends', () => {
  const s = new Scenario().invited();
  s.run(s.organiser, { type: 'requestContribution', participantId: s.id('designated_teacher'), kind: 'school' });
  s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('carer'), kind: 'carer' });
  s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('child'), kind: 'child_voice' });
  s.run(s.organiser, { type: 'lockAgenda' });
  s.run(s.organiser, { type: 'startMeeting' });
  s.run(s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'Buy a dictionary', dueDate: '2026-12-11' });
  const meeting = s.meeting;
  const itemFor: Record<NudgeKind, string> = {
    action_before_due: meeting.actions[0]!.id,
    action_due_today: meeting.actions[0]!.id,
    action_overdue: meeting.actions[0]!.id,
    action_escalation_organiser: meeting.actions[0]!.id,
    action_escalation_vso: meeting.actions[0]!.id,
    contribution_reminder: meeting.contributions[0]!.id,
    contribution_chaser: meeting.contributions[0]!.id,
    rsvp_chaser: s.id('carer'),
    meeting_reminder: meeting.id,
    weekly_digest: meeting.id,
    carer_questions: s.id('carer'),
    child_questions: s.id('child'),
  };

  it.each(NUDGE_KINDS)('%s renders a valid card', (kind) => {
    const card = nudgeCard({ meetingId: meeting.id, kind, itemId: itemFor[kind], recipientParticipantId: meeting.organiserId, dueInstant: '2026-12-14T09:00:00Z' }, meeting);
    expect(() => renderCard(card.name as CardName, card.data as never)).not.toThrow();
    // The child's own card speaks to them, not about them.
    if (kind !== 'child_questions') expect(card.text).toContain('JD (PEP-2026-0042)');
  });

  it('the invitation chaser to the child speaks to them, without their initials and reference', () => {
    const card = nudgeCard({ meetingId: meeting.id, kind: 'rsvp_chaser', itemId: s.id('child'), recipientParticipantId: s.id('child'), dueInstant: '2026-12-14T09:00:00Z' }, meeting);
    expect(card.text).toBe('You are invited to your PEP meeting.');
  });

  it('deadline nudges carry the Done / Need more time / Blocked card for the action', () => {
    const card = nudgeCard({ meetingId: meeting.id, kind: 'action_overdue', itemId: meeting.actions[0]!.id, recipientParticipantId: s.id('carer'), dueInstant: '2026-12-14T09:00:00Z' }, meeting);
    expect(card).toMatchObject({ name: 'action-nudge', data: { stage: 'overdue', actionId: meeting.actions[0]!.id, description: 'Buy a dictionary' } });
  });

  it('the weekly digest counts an action overdue from the instant its day ends, however that instant is written', () => {
    // Due 11 December: overdue from 2026-12-12T00:00:00Z.
    const digestAt = (dueInstant: string) =>
      (nudgeCard({ meetingId: meeting.id, kind: 'weekly_digest', itemId: meeting.id, recipientParticipantId: meeting.organiserId, dueInstant }, meeting).data as { message: string }).message;
    expect(digestAt('2026-12-12T00:00:00.500Z')).toBe('1 actions open, 1 overdue.');
    expect(digestAt('2026-12-11T23:30:00-01:00')).toBe('1 actions open, 1 overdue.');
    expect(digestAt('2026-12-12T00:30:00+01:00')).toBe('1 actions open, 0 overdue.');
  });
});
