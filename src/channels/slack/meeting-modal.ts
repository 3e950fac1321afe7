import type { SlackBlock } from '../../cards/index.js';
import { verbFromActionId } from '../../cards/index.js';
import { meetingFormCard } from '../../app/views/preparation-cards.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { slackMessage } from './render.js';

/** The new-meeting modal's callback id: the card verb its submit button stands for. */
export const MEETING_FORM_CALLBACK = 'meeting.create';

interface PlainText {
  type: 'plain_text';
  text: string;
}
export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close: PlainText;
  blocks: SlackBlock[];
}

/** Modal titles and buttons hold at most 24 characters. */
const plain = (text: string): PlainText => ({ type: 'plain_text', text });

/** The card's own "Create" button: in a modal, the modal's submit button does that job. */
const isCreateRow = (block: SlackBlock): boolean =>
  block.type === 'actions' && block.elements.every((button) => verbFromActionId(button.action_id) === MEETING_FORM_CALLBACK);

/** The meeting-form card as a modal: empty for /pep new, or re-shown with what was typed and the problems. */
export function meetingFormModal(card: OutboundCard = meetingFormCard()): ModalView {
  return {
    type: 'modal',
    callback_id: MEETING_FORM_CALLBACK,
    title: plain('New PEP meeting'),
    submit: plain('Create and invite'),
    close: plain('Cancel'),
    blocks: slackMessage(card, 'modal').blocks.filter((block) => !isCreateRow(block)),
  };
}

/** What the organiser sees between pressing Create and the meeting being saved and invitations sent. */
export function workingModal(): ModalView {
  return {
    type: 'modal',
    callback_id: MEETING_FORM_CALLBACK,
    title: plain('New PEP meeting'),
    close: plain('Close'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Creating the meeting and sending the invitations… Your attendance summary will follow as a direct message.' } }],
  };
}

/** The outcome (a confirmation) in place of the form, with nothing left to submit. */
export function outcomeModal(card: OutboundCard): ModalView {
  return { type: 'modal', callback_id: MEETING_FORM_CALLBACK, title: plain('New PEP meeting'), close: plain('Close'), blocks: slackMessage(card, 'modal').blocks };
}
