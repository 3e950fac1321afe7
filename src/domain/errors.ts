/**
 * Every refusal the domain makes carries a stable code. Adapters map the code to words
 * (src/app/error-messages.ts); tests and logs rely on the code, never on the wording.
 */
export const ERROR_CODES = [
  'VALIDATION.INVALID_INPUT',
  'MEETING.NOT_FOUND',
  'MEETING.ILLEGAL_TRANSITION',
  'MEETING.WRONG_STATUS',
  'MEETING.NEXT_REVIEW_REQUIRED',
  'MEETING.NEXT_REVIEW_IN_PAST',
  'PERMISSION.NOT_PARTICIPANT',
  'PERMISSION.NOT_ORGANISER',
  'PERMISSION.NOT_ADDRESSEE',
  'PARTICIPANT.NOT_FOUND',
  'PARTICIPANT.DUPLICATE',
  'PARTICIPANT.IS_ORGANISER',
  'PARTICIPANT.NONE_TO_INVITE',
  'AGENDA.LOCKED',
  'AGENDA.ITEM_NOT_FOUND',
  'AGENDA.EMPTY',
  'AGENDA.TOO_MANY_SUGGESTIONS',
  'CONTRIBUTION.NOT_FOUND',
  'SMART.MISSING_SPECIFIC',
  'SMART.MISSING_MEASURE',
  'SMART.MISSING_ACHIEVABLE',
  'SMART.MISSING_RELEVANT',
  'SMART.MISSING_TIME',
  'GOAL.NOT_FOUND',
  'ACTION.NOT_FOUND',
  'ACTION.ALREADY_DONE',
  'ACTION.DUE_IN_PAST',
  'ACTION.DUE_NOT_WORKING_DAY',
  'REVIEW.UNKNOWN_PREVIOUS_ACTION',
  'PROMPT.NOT_FOUND',
  'PROMPT.WRONG_ROLE',
  'LINK.NOT_FOUND',
  'LINK.INACTIVE',
  'LINK.WRONG_ITEM',
  'PLAN.NO_SIGNATORIES',
  'PLAN.NOT_SIGNATORY',
  'PLAN.VERSION_CHANGED',
  'PLAN.ALREADY_SIGNED',
  'STORE.CONFLICT',
  'CHILD.NOT_FOUND',
  'CHILD.EVENT_IN_FUTURE',
  'CHILD.ALREADY_RECORDED',
  'PERMISSION.NOT_OFFICER',
  'QA.NOT_CONCLUDED',
  'QA.MISSING_SECTIONS',
  'QA.ALREADY_SUBMITTED',
  'QA.ALREADY_APPROVED',
  'QA.NOT_SUBMITTED',
  'QA.RETURN_REASON_REQUIRED',
  'FUNDING.RESOURCE_NOT_FOUND',
  'FUNDING.NOT_PUPIL_PREMIUM',
  'FUNDING.NO_COST',
  'FUNDING.ALREADY_REQUESTED',
  'FUNDING.NOT_FOUND',
  'FUNDING.ALREADY_DECIDED',
  'FUNDING.QUESTION_REQUIRED',
  'FUNDING.NOT_QUERIED',
  'CHILD.DIRECT_CHAT_ONLY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}
