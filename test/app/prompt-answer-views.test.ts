import { describe, expect, it } from 'vitest';
import { cardForLink, linkTargetOf } from '../../src/app/link-cards.js';
import { childVoiceSummary } from '../../src/app/views/child-voice.js';
import { attendanceSummaryCard, agendaCard, promptCard } from '../../src/app/views/preparation-cards.js';
import { renderCard } from '../../src/cards/render-card.js';
import { toSlackMessage } from '../../src/cards/slack-blocks.js';
import type { OutboundCard } from '../../src/ports/messenger.js';
import { Scenario } from '../domain/scenario.js';

/** The answers to the two pre-meeting prompts, where the organiser and the meeting see them. */
const render = (card: OutboundCard) => renderCard(card.name, card.data as never);
const shown = (card: OutboundCard) => JSON.stringify(render(card));

function withPrompts() {
  const s = new Scenario().invited();
  s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('carer'), kind: 'carer' });
  s.run(s.organiser, { type: 'sendPrompt', participantId: s.id('child'), kind: 'child_voice' });
  const prompt = (kind: string) => s.meeting.prompts.find((p) => p.kind === kind)!.id;
  return { s, carerPrompt: prompt('carer'), childPrompt: prompt('child_voice') };
}

describe('the carer’s answers on the organiser’s attendance card', () => {
  it('appear once answered: how things are at home, and their words shortened for the list', () => {
    const { s, carerPrompt } = withPrompts();
    expect(shown(attendanceSummaryCard(s.meeting))).not.toContain('Carers’ answers');
    const long = `${'Bedtimes have been hard. '.repeat(20)}END`;
    s.run(s.id('carer'), { type: 'answerPrompt', promptId: carerPrompt, answer: { kind: 'carer', mood: 2, toRaise: long, freeText: '  ' } }, 'web');
    const card = attendanceSummaryCard(s.meeting);
    expect(card.data).toMatchObject({ carerAnswers: [{ name: 'Chris Carer', mood: 2, toRaise: long }] });
    const json = shown(card);
    expect(json).toContain('Carers’ answers before the meeting');
    expect(json).toContain('"title":"Chris Carer (carer)","value":"Things at home: Not so good"');
    expect(json).toContain('"title":"To raise at the meeting"');
    expect(json).not.toContain('END');
    expect(json).not.toContain('Anything else');
    expect(toSlackMessage(render(card), { surface: 'message' }).blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('the child’s voice', () => {
  it('is the answer given last in time, however each time was written', () => {
    const { s, childPrompt } = withPrompts();
    s.at = '2026-11-26T09:00:00Z';
    s.run(s.id('child'), { type: 'answerPrompt', promptId: childPrompt, answer: { kind: 'child_voice', feeling: 2 } }, 'web');
    const meeting = structuredClone(s.meeting);
    const answered = meeting.prompts.find((p) => p.id === childPrompt)!;
    // An hour earlier, written at +02:00: as text it sorts after the later answer.
    meeting.prompts.push({ ...answered, id: 'earlier-prompt', answer: { kind: 'child_voice', feeling: 5 }, answeredAt: '2026-11-26T10:00:00+02:00' });
    expect(childVoiceSummary(meeting)).toMatchObject({ feeling: 2, answeredAt: '2026-11-26T09:00:00Z' });
  });

  it('is summarised for the plan: the latest answer, in words, skipped questions left out', () => {
    const { s, childPrompt } = withPrompts();
    expect(childVoiceSummary(s.meeting)).toBeUndefined();
    s.run(s.id('child'), { type: 'answerPrompt', promptId: childPrompt, answer: { kind: 'child_voice', feeling: 2, goingWell: ' Art club ', hard: '', want: 'Help with maths' } }, 'web');
    expect(childVoiceSummary(s.meeting)).toEqual({ feeling: 2, feelingText: 'Not good', goingWell: 'Art club', hard: undefined, want: 'Help with maths', answeredAt: s.at });
    s.at = '2026-11-26T09:00:00Z';
    s.run(s.id('child'), { type: 'answerPrompt', promptId: childPrompt, answer: { kind: 'child_voice', feeling: 4 } }, 'web');
    expect(childVoiceSummary(s.meeting)).toMatchObject({ feeling: 4, feelingText: 'Good', answeredAt: '2026-11-26T09:00:00Z' });
  });

  it('shows on the group agenda card by the child’s initials, never their name', () => {
    const { s, childPrompt } = withPrompts();
    expect(shown(agendaCard(s.meeting))).not.toContain('own words');
    s.run(s.id('child'), { type: 'answerPrompt', promptId: childPrompt, answer: { kind: 'child_voice', feeling: 5, goingWell: 'Art club', want: 'More time on computers' } }, 'web');
    const json = shown(agendaCard(s.meeting));
    expect(json).toContain('In JD’s own words');
    expect(json).toContain('"title":"How school feels","value":"Great"');
    expect(json).toContain('"title":"Going well","value":"Art club"');
    expect(json).toContain('"title":"Would like","value":"More time on computers"');
    expect(json).not.toContain('Jordan');
  });
});

describe('what a link opens', () => {
  it('is a person’s own card: invitations, prompts, reminders, contribution requests and the plan', () => {
    const { s, carerPrompt } = withPrompts();
    expect(linkTargetOf(promptCard(s.meeting, carerPrompt))).toEqual({ purpose: 'carer-prompt', itemId: carerPrompt });
    expect(linkTargetOf(attendanceSummaryCard(s.meeting))).toBeUndefined();
    expect(linkTargetOf(agendaCard(s.meeting))).toBeUndefined();
  });

  it('draws a reminder for the day it is opened: before, on or after the due date', () => {
    const s = new Scenario().inProgress();
    s.run(s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'Bring the reading log', dueDate: '2026-12-10' });
    const action = s.meeting.actions[0]!;
    const link = { id: 'l1', tokenHash: 'a'.repeat(64), participantId: s.id('carer'), purpose: 'action-nudge' as const, itemId: action.id, singleUse: true, issuedBy: 'system', issuedAt: s.at, expiresAt: '2026-12-20T00:00:00Z' };
    const stage = (instant: string) => (cardForLink(s.meeting, link, new Date(instant)).data as { stage: string }).stage;
    expect(stage('2026-12-09T12:00:00Z')).toBe('before_due');
    expect(stage('2026-12-10T23:30:00Z')).toBe('due_today');
    expect(stage('2026-12-11T00:30:00Z')).toBe('overdue');
  });
});
