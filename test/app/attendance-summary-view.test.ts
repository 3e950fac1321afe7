import { describe, expect, it } from 'vitest';
import { attendanceSummaryCard } from '../../src/app/views/preparation-cards.js';
import { renderCard } from '../../src/cards/render-card.js';
import { toSlackMessage } from '../../src/cards/slack-blocks.js';
import type { OutboundCard } from '../../src/ports/messenger.js';
import { Scenario } from '../domain/scenario.js';

/** The organiser's attendance card: a key person's "no" is a reason to reschedule; silence is not, yet. */
const shown = (card: OutboundCard) => JSON.stringify(renderCard(card.name, card.data as never));

describe('key people on the attendance card', () => {
  it('just after the invitations go out, nobody has answered: they are listed as waiting, with no prompt to reschedule', () => {
    const s = new Scenario().invited();
    const card = shown(attendanceSummaryCard(s.meeting));
    expect(card).toContain('Key people who have not answered yet');
    expect(card).toContain('Designated teacher: Dana Teacher, no answer yet');
    expect(card).not.toContain('Consider rescheduling');
    expect(card).not.toContain('Key people cannot come');
  });

  it('a critical-role decline reads as a "no" and prompts a reschedule; those still silent stay apart', () => {
    const s = new Scenario().invited();
    s.run(s.id('designated_teacher'), { type: 'recordRsvp', answer: 'decline', note: 'Ofsted visit that day' });
    const card = attendanceSummaryCard(s.meeting);
    const json = shown(card);
    expect(json).toContain('Key people cannot come');
    expect(json).toContain('Designated teacher: Dana Teacher, cannot attend');
    expect(json).toContain('Consider rescheduling');
    expect(json).toContain('Carer: Chris Carer, no answer yet');
    const slack = JSON.stringify(toSlackMessage(renderCard(card.name, card.data as never)));
    expect(slack.indexOf('Key people cannot come')).toBeLessThan(slack.indexOf('Key people who have not answered yet'));
  });
});
