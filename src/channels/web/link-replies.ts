import { z } from 'zod';
import { NOT_SAVED } from '../../app/error-messages.js';
import type { UserError } from '../../app/error-messages.js';
import { confirmationCard, errorCard as errorCardWithReference, withoutReference } from '../../app/views/message-cards.js';
import { ConfirmationDataSchema } from '../../cards/data/messages.js';
import type { OutboundCard } from '../../ports/messenger.js';
import type { LinkProblem, NoticeWords } from './link-notice.js';
import { LINK_PROBLEMS } from './link-notice.js';

/**
 * The cards the page shows after a press. A refusal goes above the form, which still holds what
 * was typed, so these cards say what to fix rather than repeating the answers.
 */

/** Link pages are read by carers and children: refusals there never show the reference code. */
const errorCard = (...args: Parameters<typeof errorCardWithReference>) => withoutReference(errorCardWithReference(...args));

const KEPT_IN_FORM = 'Everything you typed is still in the form below.';

/** After a success: the card's own confirmation, or a plain one, and whether the link now stops. */
export function webConfirmation(card: OutboundCard, singleUse: boolean): OutboundCard {
  const own = card.name === 'confirmation' ? ConfirmationDataSchema.safeParse(card.data) : undefined;
  const { title, message } = own?.success ? own.data : { title: 'Thank you', message: 'Your answer is saved, and the organiser can see it.' };
  const stops = singleUse ? ' This link has now done its job and stops working: to change something before the meeting, ask the person who sent it for a new link.' : '';
  return confirmationCard(title, `${message}${stops}`);
}

/**
 * After the child's own answer: plain words, and who they can tell if they change their mind (the
 * adults' wording above talks of links and organisers).
 */
export function childConfirmation(organiserName: string, singleUse: boolean): OutboundCard {
  const again = singleUse ? ' This link only works once.' : '';
  return confirmationCard('Thank you!', `We got your answer. ${organiserName} and the people at your meeting will read it.${again} If you want to change something, tell ${organiserName} or a grown-up you trust.`);
}

/** A refusal from the meeting's rules or the card's checks, as a short list of what to fix. */
export function webRefusal(card: OutboundCard): OutboundCard {
  if (card.name === 'error') return withoutReference(card);
  const problems = z.object({ errors: z.array(z.string()) }).safeParse(card.data);
  const refusal: UserError = {
    code: 'VALIDATION.INVALID_INPUT',
    title: 'Your answer is not saved yet',
    message: 'Please look again at what is listed here, then send it again.',
    fix: KEPT_IN_FORM,
  };
  return errorCard(refusal, problems.success ? problems.data.errors : []);
}

/** A link that stopped working between opening the page and pressing the button. */
export function linkProblemCard(problem: LinkProblem): OutboundCard {
  const words = LINK_PROBLEMS[problem];
  return errorCard({ code: 'LINK.INACTIVE', title: words.title, message: `Your answer was not saved. ${words.explanation}`, fix: `${words.next} ${KEPT_IN_FORM}` });
}

/** The meeting moved on while the page was open: what happened, and what to do with the words. */
export function closedLinkCard(words: NoticeWords): OutboundCard {
  return errorCard({ code: 'MEETING.WRONG_STATUS', title: words.title, message: `Your answer was not saved. ${words.explanation}`, fix: `${words.next} What you typed is still in the form below, if you want to copy it.` });
}

/** The store could not write: nothing changed, the link still works, and the words are still on the page. */
export const notSavedCard = (): OutboundCard => errorCard({ ...NOT_SAVED, fix: `${NOT_SAVED.fix} ${KEPT_IN_FORM}` });

/** A post the page would never make: a malformed body, or a button that is not on this card. */
export function badPressCard(): OutboundCard {
  return errorCard({
    code: 'VALIDATION.INVALID_INPUT',
    title: 'That did not go through',
    message: 'Your answer was not saved: the page sent something this link cannot accept.',
    fix: `Open the link again from your message and try once more. ${KEPT_IN_FORM}`,
  });
}
