import { describe, expect, it } from 'vitest';
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

  it('locking agrees the agenda, drops unaccepted suggestions and refuses later changes', () => {
    const s = new Scenario().invited();
    s.run(s.id('child'), { type: 'suggestAgendaItem', title: 'Something' });
    const count = s.meeting.agenda.items.length;
    s.run(s.organiser, { type: 'lockAgenda' });
    expect(s.meeting.status).toBe('agenda_agreed');
    expect(s.meeting.agenda.items).toHaveLength(count - 1);
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
