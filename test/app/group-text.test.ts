import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render-card.js';
import { goalFormCard, liveActionsCard } from '../../src/app/views/meeting-cards.js';
import { groupText } from '../../src/app/views/people.js';
import { agendaCard } from '../../src/app/views/preparation-cards.js';
import { Scenario } from '../domain/scenario.js';

/** The child is Jordan Doe, "JD": a group chat may know the initials and nothing more. */
describe('what a group chat shows of text people typed', () => {
  const meeting = new Scenario().invited().meeting;

  it('puts the child’s initials wherever the child’s name was typed, whole or in part, in any case', () => {
    expect(groupText(meeting, 'read with Jordan Doe every evening')).toBe('read with JD every evening');
    expect(groupText(meeting, 'ask jordan and the Doe family')).toBe('ask JD and the JD family');
    expect(groupText(meeting, 'Jordan’s reading log')).toBe('JD’s reading log');
  });

  it('leaves other words alone, even ones that start with the name', () => {
    expect(groupText(meeting, 'a trip to Jordanstown with Dana, no doers')).toBe('a trip to Jordanstown with Dana, no doers');
  });

  it('is what the action list, the agenda and the goal form show in the meeting chat', () => {
    const s = new Scenario().invited();
    s.run(s.id('designated_teacher'), { type: 'suggestAgendaItem', title: 'Transport for Jordan' });
    const agenda = JSON.stringify(renderCard('agenda', agendaCard(s.meeting).data as never));
    expect(agenda).toContain('Transport for JD');
    expect(agenda).not.toContain('Jordan');
    s.run(s.organiser, { type: 'acceptAgendaSuggestion', itemId: s.meeting.agenda.items.at(-1)!.id });
    s.run(s.organiser, { type: 'lockAgenda' });
    s.run(s.organiser, { type: 'startMeeting' });
    const goalForm = JSON.stringify(renderCard('goal-form', goalFormCard(s.meeting).data as never));
    expect(goalForm).toContain('Transport for JD');
    expect(goalForm).not.toContain('Jordan');
    s.run(s.organiser, { type: 'captureAction', ownerId: s.id('carer'), description: 'Read with Jordan for 20 minutes a day', dueDate: '2026-12-11' });
    const actions = JSON.stringify(renderCard('live-actions', liveActionsCard(s.meeting).data as never));
    expect(actions).toContain('Read with JD for 20 minutes a day');
    expect(actions).not.toContain('Jordan');
  });
});
