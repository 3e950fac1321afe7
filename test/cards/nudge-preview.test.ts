import { describe, expect, it } from 'vitest';
import { nudgePreview } from '../../src/app/nudge-cards.js';
import type { CardName } from '../../src/cards/catalogue.js';
import { renderCard, renderSlackMessage, renderTeamsCard } from '../../src/cards/index.js';
import { NUDGE_KINDS } from '../../src/domain/nudges/index.js';
import type { NudgeKind } from '../../src/domain/nudges/index.js';
import { Scenario } from '../domain/scenario.js';

/** Every kind of reminder, previewed for the organiser on each channel: the banner first, no button that acts. */
describe('a reminder preview', () => {
  const s = new Scenario().invited();
  s.run(s.organiser, { type: 'requestContribution', participantId: s.id('designated_teacher'), kind: 'school' });
  s.run(s.organiser, { type: 'lockAgenda' });
  const before = s.meeting;
  s.run(s.organiser, { type: 'startMeeting' });
  s.run(s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'Buy a dictionary', dueDate: '2026-12-11' });
  const during = s.meeting;
  const itemFor: Record<NudgeKind, string> = {
    action_before_due: during.actions[0]!.id,
    action_due_today: during.actions[0]!.id,
    action_overdue: during.actions[0]!.id,
    action_escalation_organiser: during.actions[0]!.id,
    action_escalation_vso: during.actions[0]!.id,
    contribution_reminder: before.contributions[0]!.id,
    contribution_chaser: before.contributions[0]!.id,
    rsvp_chaser: s.id('child'),
    meeting_reminder: before.id,
    weekly_digest: during.id,
    // Not sent yet: the preview shows them as they will be.
    carer_questions: s.id('carer'),
    child_questions: s.id('child'),
  };
  const marker = 'Preview — this is what CC (carer) will get on Friday 27 November 2026 at 09:00';
  const previewOf = (kind: NudgeKind) => {
    const meeting = kind.startsWith('action') || kind === 'weekly_digest' ? during : before;
    return nudgePreview({ meetingId: meeting.id, kind, itemId: itemFor[kind], recipientParticipantId: s.id('carer'), dueInstant: '2026-11-27T09:00:00Z' }, meeting, marker);
  };

  it.each(NUDGE_KINDS)('%s renders on Teams, Slack and the web under the banner, without buttons', (kind) => {
    const card = previewOf(kind);
    const name = card.name as CardName;
    const web = renderCard(name, card.data as never, { preview: card.preview });
    expect(web.body[0]).toMatchObject({ type: 'Container', items: [{ type: 'TextBlock', text: marker }, expect.anything()] });
    expect(web.fallbackText.startsWith(marker)).toBe(true);
    expect(JSON.stringify(web)).not.toMatch(/Action\.(Execute|ShowCard)/);

    const teams = renderTeamsCard(name, card.data as never, { preview: card.preview });
    expect(JSON.stringify(teams.content)).not.toMatch(/Action\.(Execute|Submit|ShowCard)/);
    expect(teams.content.refresh).toBeUndefined();

    const slack = renderSlackMessage(name, card.data as never, { preview: card.preview });
    expect(JSON.stringify(slack.blocks[0])).toContain(marker);
    // A link may stay (it only opens a page); no button that would act is left.
    const buttons = slack.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.filter((button) => !('url' in button && button.url))).toEqual([]);
  });

  it('is the same card as the real one apart from the banner and the buttons', () => {
    const card = previewOf('rsvp_chaser');
    const real = renderCard(card.name as CardName, card.data as never);
    const preview = renderCard(card.name as CardName, card.data as never, { preview: card.preview });
    expect(JSON.stringify(real)).toMatch(/Action\.Execute/);
    expect(preview.body.slice(1).filter((e) => e.type === 'TextBlock')).toEqual(real.body.filter((e) => e.type === 'TextBlock'));
  });
});
