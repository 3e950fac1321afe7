import { describe, expect, it } from 'vitest';
import { MAX_DECLINED_SHOWN } from '../../src/cards/data/agenda.js';
import { renderCard } from '../../src/cards/render-card.js';
import { agendaCard } from '../../src/app/views/preparation-cards.js';
import { Scenario } from '../domain/scenario.js';

const shown = (s: Scenario, options: { confirmLock?: boolean } = {}) => {
  const card = agendaCard(s.meeting, {}, options);
  return JSON.stringify(renderCard('agenda', card.data as never));
};

/** The agenda card never loses what someone suggested, whatever happened to it or to them. */
describe('the agenda card and suggestions', () => {
  it('keeps a suggestion, open or declined, on the card after its author has left the meeting', () => {
    const s = new Scenario().invited();
    s.run(s.id('carer'), { type: 'suggestAgendaItem', title: 'Change of school bus' });
    s.run(s.id('carer'), { type: 'suggestAgendaItem', title: 'Homework club' });
    s.run(s.organiser, { type: 'declineAgendaSuggestion', itemId: s.meeting.agenda.items.find((i) => i.title === 'Change of school bus')!.id });
    s.run(s.organiser, { type: 'removeParticipant', participantId: s.id('carer') });
    const card = shown(s);
    expect(card).toContain('Homework club (suggested by someone no longer invited)');
    expect(card).toContain('• Change of school bus (suggested by someone no longer invited)');
  });

  it('lists the latest declines and counts the earlier ones', () => {
    const s = new Scenario().invited();
    for (let i = 0; i < MAX_DECLINED_SHOWN + 2; i++) {
      s.run(s.id('child'), { type: 'suggestAgendaItem', title: `Idea ${i}` });
      s.run(s.organiser, { type: 'declineAgendaSuggestion', itemId: s.meeting.agenda.items.at(-1)!.id });
    }
    const card = shown(s);
    expect(card).not.toContain('Idea 1 ');
    expect(card).toContain(`Idea ${MAX_DECLINED_SHOWN + 1}`);
    expect(card).toContain('…and 2 declined earlier.');
  });

  it('asks before locking only on the copy that asks, and not once the agenda is locked', () => {
    const s = new Scenario().invited();
    s.run(s.id('child'), { type: 'suggestAgendaItem', title: 'Football club' });
    expect(shown(s)).not.toContain('Lock the agenda now?');
    expect(shown(s, { confirmLock: true })).toContain('1 suggestion is still open');
    s.run(s.organiser, { type: 'lockAgenda' });
    const locked = shown(s, { confirmLock: true });
    expect(locked).not.toContain('Lock the agenda now?');
    expect(locked).toContain('• Football club (suggested by');
  });
});
