import { describe, expect, it } from 'vitest';
import { errorCard, withoutReference } from '../../src/app/views/message-cards.js';
import { renderCard } from '../../src/cards/render-card.js';
import type { OutboundCard } from '../../src/ports/messenger.js';

/** The error card: what was kept is named in the person's words, and the code only for professionals. */
const shown = (card: OutboundCard) => JSON.stringify(renderCard(card.name, card.data as never));
const refusal = { code: 'MEETING.WRONG_STATUS' as const, title: 'Not possible at this stage', message: 'You can no longer answer the invitation.', fix: 'Ask the organiser.' };

describe('the error card', () => {
  it('hands back what was typed under labels a person recognises, and leaves out the values buttons carry', () => {
    const card = errorCard({ ...refusal, kept: { text: 'note bedtimes are hard', answer: 'accept', newDate: '2026-12-08', meetingId: 'm1' } });
    expect(card.data).toMatchObject({ kept: [{ label: 'What you typed', value: 'note bedtimes are hard' }, { label: 'New date', value: '2026-12-08' }] });
    expect(shown(card)).toContain('You do not need to type it again');
  });

  it('says nothing about keeping when a button was pressed and nothing was typed', () => {
    const card = errorCard({ ...refusal, kept: { meetingId: 'm1', participantId: 'p1', answer: 'accept' } });
    expect(shown(card)).not.toContain('What we kept');
    expect(shown(card)).not.toContain('You do not need to type it again');
  });

  it('shows the reference to professionals, and not on a carer\'s or child\'s link page', () => {
    expect(shown(errorCard(refusal))).toContain('Reference: MEETING.WRONG_STATUS');
    expect(shown(withoutReference(errorCard(refusal)))).not.toContain('Reference:');
  });
});
