import { describe, expect, it } from 'vitest';
import { MAX_OPEN_SUGGESTIONS } from '../../src/domain/agenda.js';
import { Scenario, expectRefusal } from './scenario.js';

describe('agenda sign-off', () => {
  it('records each participant\'s sign-off once', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'signOffAgenda' });
    s.run(s.id('carer'), { type: 'signOffAgenda' });
    s.run(s.id('designated_teacher'), { type: 'signOffAgenda' });
    expect(s.meeting.agenda.signOffs.map((x) => x.participantId)).toEqual([s.id('carer'), s.id('designated_teacher')]);
  });

  it('a suggestion is shown but not agreed until the organiser accepts it, which re-opens sign-off', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'signOffAgenda' });
    s.run(s.id('child'), { type: 'suggestAgendaItem', title: 'Football club after school' });
    const suggestion = s.meeting.agenda.items.at(-1)!;
    expect(suggestion).toMatchObject({ suggested: true, addedBy: s.id('child') });
    expect(s.meeting.agenda.signOffs).toHaveLength(1);
    const change = s.run(s.organiser, { type: 'acceptAgendaSuggestion', itemId: suggestion.id });
    expect(s.meeting.agenda.items.at(-1)!.suggested).toBe(false);
    expect(s.meeting.agenda.signOffs).toEqual([]);
    expect(change.events[0]!.summary).toContain('1 sign-offs cleared');
  });

  it('only the organiser edits, accepts and locks', () => {
    const s = new Scenario().invited();
    expect(expectRefusal(s, s.id('carer'), { type: 'addAgendaItem', title: 'x' }).code).toBe('PERMISSION.NOT_ORGANISER');
    expect(expectRefusal(s, s.id('carer'), { type: 'lockAgenda' }).code).toBe('PERMISSION.NOT_ORGANISER');
  });

  it('locking agrees the agenda, keeps open suggestions (under any other business) and refuses later changes', () => {
    const s = new Scenario().invited();
    s.run(s.id('child'), { type: 'suggestAgendaItem', title: 'Something' });
    const count = s.meeting.agenda.items.length;
    const change = s.run(s.organiser, { type: 'lockAgenda' });
    expect(s.meeting.status).toBe('agenda_agreed');
    expect(s.meeting.agenda.items).toHaveLength(count);
    expect(s.meeting.agenda.items.at(-1)).toMatchObject({ title: 'Something', suggested: true, addedBy: s.id('child') });
    expect(change.events[0]!.summary).toBe(`Agenda locked with 0 of ${s.meeting.participants.length} sign-offs; 1 open suggestions kept under any other business`);
    expect(s.meeting.agenda.lockedBy).toBe(s.organiser);
    expect(expectRefusal(s, s.id('carer'), { type: 'suggestAgendaItem', title: 'Late idea' }).code).toBe('AGENDA.LOCKED');
    expect(expectRefusal(s, s.id('carer'), { type: 'signOffAgenda' }).code).toBe('AGENDA.LOCKED');
  });

  it('refuses to lock an empty agenda', () => {
    const s = new Scenario().invited();
    for (const item of [...s.meeting.agenda.items]) s.run(s.organiser, { type: 'removeAgendaItem', itemId: item.id });
    expect(expectRefusal(s, s.organiser, { type: 'lockAgenda' }).code).toBe('AGENDA.EMPTY');
  });
});

describe('declining a suggestion', () => {
  it('takes it off the agenda but keeps it, with who declined it and when, in the audited record', () => {
    const s = new Scenario().invited();
    s.run(s.id('designated_teacher'), { type: 'signOffAgenda' });
    s.run(s.id('carer'), { type: 'suggestAgendaItem', title: 'Change of school bus' });
    const suggestion = s.meeting.agenda.items.at(-1)!;
    const change = s.run(s.organiser, { type: 'declineAgendaSuggestion', itemId: suggestion.id });
    expect(s.meeting.agenda.items.map((i) => i.id)).not.toContain(suggestion.id);
    expect(s.meeting.agenda.declined).toEqual([{ id: suggestion.id, title: 'Change of school bus', addedBy: s.id('carer'), declinedAt: change.meeting.updatedAt, declinedBy: s.organiser }]);
    // What people signed has not changed, so their sign-offs stand.
    expect(s.meeting.agenda.signOffs).toHaveLength(1);
    expect(change.events).toEqual([expect.objectContaining({ type: 'declineAgendaSuggestion', actorId: s.organiser, summary: 'Agenda suggestion declined', data: { itemId: suggestion.id } })]);
  });

  it('is the organiser\'s alone, only for open suggestions, and only before the agenda is locked', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'suggestAgendaItem', title: 'Change of school bus' });
    const suggestion = s.meeting.agenda.items.at(-1)!;
    expect(expectRefusal(s, s.id('carer'), { type: 'declineAgendaSuggestion', itemId: suggestion.id }).code).toBe('PERMISSION.NOT_ORGANISER');
    const agreed = s.meeting.agenda.items[0]!;
    expect(expectRefusal(s, s.organiser, { type: 'declineAgendaSuggestion', itemId: agreed.id }).code).toBe('AGENDA.ITEM_NOT_FOUND');
    s.run(s.organiser, { type: 'lockAgenda' });
    expect(expectRefusal(s, s.organiser, { type: 'declineAgendaSuggestion', itemId: suggestion.id }).code).toBe('AGENDA.LOCKED');
    expect(s.meeting.agenda.items.at(-1)).toMatchObject({ id: suggestion.id, suggested: true });
  });

  it('open suggestions are bounded, so each keeps its own buttons on the card; the next is refused, not lost', () => {
    const s = new Scenario().invited();
    for (let i = 0; i < MAX_OPEN_SUGGESTIONS; i++) s.run(s.id('carer'), { type: 'suggestAgendaItem', title: `Idea ${i}` });
    expect(expectRefusal(s, s.id('child'), { type: 'suggestAgendaItem', title: 'One more' }).code).toBe('AGENDA.TOO_MANY_SUGGESTIONS');
    s.run(s.organiser, { type: 'declineAgendaSuggestion', itemId: s.meeting.agenda.items.at(-1)!.id });
    s.run(s.id('child'), { type: 'suggestAgendaItem', title: 'One more' });
    expect(s.meeting.agenda.items.at(-1)).toMatchObject({ title: 'One more', suggested: true });
  });
});
