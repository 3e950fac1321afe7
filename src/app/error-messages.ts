import type { ErrorCode } from '../domain/errors.js';
import { isDomainError } from '../domain/errors.js';
import { isStoreUnavailable } from '../ports/store-unavailable.js';

/** What a person sees when something they did was refused: the error card's three parts. */
export interface UserError {
  code: ErrorCode | 'STORE.UNAVAILABLE' | 'INTERNAL';
  title: string;
  /** What went wrong, in plain words (the domain's own sentence). */
  message: string;
  /** How to put it right. */
  fix: string;
  /** What they typed or chose, handed back so nothing is lost. */
  kept?: unknown;
}

const smartFix = 'Add the missing part and send it again; everything else you wrote is kept.';

const GUIDANCE: Record<ErrorCode, { title: string; fix: string }> = {
  'VALIDATION.INVALID_INPUT': { title: 'Some answers need another look', fix: 'Correct the fields named above and send again; what you typed is kept.' },
  'MEETING.NOT_FOUND': { title: 'Meeting not found', fix: 'Ask the organiser to send you a fresh link or card.' },
  'MEETING.ILLEGAL_TRANSITION': { title: 'Not possible at this stage', fix: 'Do the step named above first. To see where the meeting is up to, type "status" in the meeting chat or ask the organiser.' },
  'MEETING.WRONG_STATUS': { title: 'Not possible at this stage', fix: 'To see where the meeting is up to, type "status" in the meeting chat or ask the organiser.' },
  'MEETING.NEXT_REVIEW_REQUIRED': { title: 'Next review date needed', fix: 'Type "next review" and a date (for example "next review 10 March"; termly is usual), then "close" again.' },
  'MEETING.NEXT_REVIEW_IN_PAST': { title: 'Next review date too early', fix: 'Choose a date after this meeting.' },
  'PERMISSION.NOT_PARTICIPANT': { title: 'Only participants can do that', fix: 'Ask the organiser to add you to the meeting.' },
  'PERMISSION.NOT_ORGANISER': { title: 'Only the organiser can do that', fix: 'Ask the organiser to do it, or to hand the meeting over to you.' },
  'PERMISSION.NOT_ADDRESSEE': { title: 'This is for someone else', fix: 'Nothing was changed. If it should be yours, ask the organiser.' },
  'PARTICIPANT.NOT_FOUND': { title: 'Person not in this meeting', fix: 'Check the name, or ask the organiser to add them first.' },
  'PARTICIPANT.DUPLICATE': { title: 'Already a participant', fix: 'No need to add them again.' },
  'PARTICIPANT.IS_ORGANISER': { title: 'The organiser stays', fix: 'Hand the meeting to someone else first.' },
  'PARTICIPANT.NONE_TO_INVITE': { title: 'Nobody to invite yet', fix: 'Add the participants, then send the invitations.' },
  'AGENDA.LOCKED': { title: 'The agenda is locked', fix: 'Raise it under "Any other business" in the meeting.' },
  'AGENDA.ITEM_NOT_FOUND': { title: 'Agenda item not found', fix: 'Refresh the agenda card and try again.' },
  'AGENDA.EMPTY': { title: 'The agenda is empty', fix: 'Add at least one item, then lock it.' },
  'AGENDA.TOO_MANY_SUGGESTIONS': { title: 'Too many suggestions waiting', fix: 'Ask the organiser to accept or decline the open suggestions; your text is kept here.' },
  'CONTRIBUTION.NOT_FOUND': { title: 'Contribution request not found', fix: 'Ask the organiser to send the request again.' },
  'SMART.MISSING_SPECIFIC': { title: 'Not SMART yet', fix: smartFix },
  'SMART.MISSING_MEASURE': { title: 'Not SMART yet', fix: smartFix },
  'SMART.MISSING_ACHIEVABLE': { title: 'Not SMART yet', fix: smartFix },
  'SMART.MISSING_RELEVANT': { title: 'Not SMART yet', fix: smartFix },
  'SMART.MISSING_TIME': { title: 'Not SMART yet', fix: smartFix },
  'GOAL.NOT_FOUND': { title: 'Goal not found', fix: 'Refresh the card and try again.' },
  'ACTION.NOT_FOUND': { title: 'Action not found', fix: 'Refresh the action list and try again.' },
  'ACTION.ALREADY_DONE': { title: 'Already done', fix: 'Nothing more to do for this action.' },
  'ACTION.DUE_IN_PAST': { title: 'That date has passed', fix: 'Choose today or a later day.' },
  'ACTION.DUE_NOT_WORKING_DAY': { title: 'Not SMART yet', fix: 'Send it again with a working day as the due date; what you typed is kept below.' },
  'REVIEW.UNKNOWN_PREVIOUS_ACTION': { title: 'Not a previous action', fix: 'Pick one of the actions listed on the review card.' },
  'PROMPT.NOT_FOUND': { title: 'Question not found', fix: 'Ask the organiser to send the questions again.' },
  'PROMPT.WRONG_ROLE': { title: 'Wrong person for these questions', fix: 'Send the carer questions to the carer and the child\'s questions to the child.' },
  'LINK.NOT_FOUND': { title: 'Link not found', fix: 'Ask the organiser for a new link.' },
  'LINK.INACTIVE': { title: 'This link no longer works', fix: 'Ask the organiser for a new link.' },
  'LINK.WRONG_ITEM': { title: 'Link not possible', fix: 'Send the link to the person the card is for.' },
  'PLAN.NO_SIGNATORIES': { title: 'Nobody to sign the plan', fix: 'Choose roles that people in this meeting have, or add the people first.' },
  'PLAN.NOT_SIGNATORY': { title: 'Not asked to sign this plan', fix: 'Nothing to do: the plan is yours to read. Ask the organiser if you should sign it.' },
  'PLAN.VERSION_CHANGED': { title: 'The plan has changed', fix: 'Open the newest plan card you were sent, check what changed, and sign that one.' },
  'PLAN.ALREADY_SIGNED': { title: 'Already signed off', fix: 'Nothing more to do: your sign-off is recorded.' },
  'STORE.CONFLICT': { title: 'Someone else changed this at the same moment', fix: 'Please try again.' },
  'CHILD.NOT_FOUND': { title: 'No PEP with that reference', fix: 'Check the PEP reference (for example PEP-2026-0042): the child needs a PEP meeting you organise.' },
  'CHILD.EVENT_IN_FUTURE': { title: 'That date has not happened yet', fix: 'Record it on or after the day it happens; what you typed is kept below.' },
  'CHILD.DIRECT_CHAT_ONLY': { title: 'Please do this in your 1:1 chat', fix: 'Type it again in your 1:1 chat with PEP Bot (in Slack, /pep in your messages with PEP Bot); what you typed is kept below.' },
  'CHILD.ALREADY_RECORDED': { title: 'Already recorded', fix: 'Nothing to do: the child\'s record already has it.' },
  'PERMISSION.NOT_OFFICER': { title: 'Only the Virtual School can do that', fix: 'Nothing was changed. A Virtual School officer reviews plans and Pupil Premium Plus requests.' },
  'QA.NOT_CONCLUDED': { title: 'The meeting is not closed yet', fix: 'Close the meeting first (type "close"), then submit the plan.' },
  'QA.MISSING_SECTIONS': { title: 'The plan is not ready to submit', fix: 'Fill in each section named above, then type "submit" again.' },
  'QA.ALREADY_SUBMITTED': { title: 'Already with the Virtual School', fix: 'Nothing to do: you will hear when the officer has reviewed it.' },
  'QA.ALREADY_APPROVED': { title: 'Already approved', fix: 'Nothing to do: the plan is approved. A change to it reopens the review.' },
  'QA.NOT_SUBMITTED': { title: 'Not submitted for review', fix: 'Nothing was changed. The organiser submits the plan when it is ready.' },
  'QA.RETURN_REASON_REQUIRED': { title: 'Say why the plan goes back', fix: 'Write the reason in the box and press Return again; your rating and feedback are kept.' },
  'FUNDING.RESOURCE_NOT_FOUND': { title: 'Support item not found', fix: 'Check the support items on the plan, then try again.' },
  'FUNDING.NOT_PUPIL_PREMIUM': { title: 'Not Pupil Premium Plus', fix: 'Only support items of the kind "pupil premium plus" are paid from Pupil Premium Plus.' },
  'FUNDING.NO_COST': { title: 'No cost given', fix: 'Give the support item its cost, then ask for the funding again.' },
  'FUNDING.ALREADY_REQUESTED': { title: 'Already requested', fix: 'Nothing to do: the Virtual School has the request.' },
  'FUNDING.NOT_FOUND': { title: 'Request not found', fix: 'Refresh the card and try again.' },
  'FUNDING.ALREADY_DECIDED': { title: 'Already decided', fix: 'Nothing was changed: this request has been decided.' },
  'FUNDING.QUESTION_REQUIRED': { title: 'Write your question', fix: 'Write the question for the organiser in the box and press Query again.' },
  'FUNDING.NOT_QUERIED': { title: 'No question to answer', fix: 'Nothing was changed: the officer has not asked anything about this request.' },
};

/** Said wherever a change could not be written, so nobody ever reads a confirmation for it. */
export const NOT_SAVED: UserError = {
  code: 'STORE.UNAVAILABLE',
  title: 'Not saved',
  message: 'PEP Bot could not save this just now, so nothing has changed.',
  fix: 'Please try again in a minute. If it keeps happening, tell the meeting organiser.',
};

/** Turns any error into words for the person; anything unexpected stays vague on purpose. */
export function describeError(error: unknown): UserError {
  if (isStoreUnavailable(error)) return NOT_SAVED;
  if (!isDomainError(error)) {
    return {
      code: 'INTERNAL',
      title: 'Something went wrong on our side',
      message: 'Your answer was not saved because of a problem in PEP Bot.',
      fix: 'Please try again in a minute. If it keeps happening, tell the meeting organiser.',
    };
  }
  const guidance = GUIDANCE[error.code];
  return { code: error.code, title: guidance.title, message: error.message, fix: guidance.fix, kept: error.details.input };
}

/** A refusal as one short passage, for a platform that shows the clicker text rather than a card. */
export const refusalText = (error: UserError): string => `${error.title}. ${error.message} ${error.fix}`;
