import type { CardSubmission } from '../cards/verbs.js';
import { parseCardAction } from '../cards/verbs.js';
import type { Officer } from '../domain/actor.js';
import { officerActorId } from '../domain/actor.js';
import { DomainError, isDomainError, refuse } from '../domain/errors.js';
import type { IdentityQuery } from '../domain/identity.js';
import { identityKey } from '../domain/identity.js';
import type { Identity, Meeting } from '../domain/model.js';
import type { OversightCommand } from '../domain/oversight/decide-oversight.js';
import type { OutboundCard } from '../ports/messenger.js';
import type { CardActionRequest, CardActionResult } from './card-actions.js';
import type { AppDeps } from './deps.js';
import { describeError } from './error-messages.js';
import { executeOversightCommand, loadMeeting } from './execute-command.js';
import { spendForRequest } from './funding-spend.js';
import { officerOf } from './officers.js';
import { fundingRequestCard, qaReviewCard } from './views/oversight-cards.js';
import type { FormState } from './views/preparation-cards.js';
import { errorCard } from './views/message-cards.js';

/** Buttons only a Virtual School officer presses: the clicker is resolved as an officer, never as a participant. */
const OFFICER_VERBS: ReadonlySet<string> = new Set(['qa.approve', 'qa.return', 'funding.approve', 'funding.reject', 'funding.query']);
export const isOfficerVerb = (verb: string): boolean => OFFICER_VERBS.has(verb);

/** The Virtual School's commands a card button means (the organiser's and the officer's), or undefined for any other verb. */
export function oversightCommandFor(submission: CardSubmission): OversightCommand | undefined {
  switch (submission.verb) {
    case 'qa.submit':
      return { type: 'submitPlan' };
    case 'qa.approve':
      return { type: 'approvePlan', rag: submission.data.rag, feedback: submission.data.feedback };
    case 'qa.return':
      return { type: 'returnPlan', reason: submission.data.reason, rag: submission.data.rag, feedback: submission.data.feedback };
    case 'transition.save': {
      const { pathway, careersGuidance, post16Options } = submission.data;
      return { type: 'recordTransition', pathway, careersGuidance, post16Options };
    }
    case 'funding.approve':
    case 'funding.reject':
    case 'funding.query':
      return { type: 'decideFunding', requestId: submission.data.requestId, decision: DECISIONS[submission.verb], note: submission.data.note };
    case 'funding.answer':
      return { type: 'answerFundingQuery', requestId: submission.data.requestId, answer: submission.data.answer };
    default:
      return undefined;
  }
}

const DECISIONS = { 'funding.approve': 'approve', 'funding.reject': 'reject', 'funding.query': 'query' } as const;

const asIdentity = (query: IdentityQuery): Identity => {
  const { field, value } = identityKey(query);
  return { [field]: value };
};

/** The officer behind a chat identity, from the council's settings; a secure link is never an officer. */
export function officerActing(deps: Pick<AppDeps, 'officers'>, actor: CardActionRequest['actor']): Officer {
  const officer = actor.kind === 'participant' ? undefined : officerOf(asIdentity(actor), deps.officers ?? []);
  if (!officer) refuse('PERMISSION.NOT_OFFICER', 'Only a Virtual School officer can review plans and decide Pupil Premium Plus.');
  return officer;
}

/** The officer's card, drawn again from the meeting: after the decision, or with what they typed and the problem. */
async function officerCard(deps: AppDeps, verb: string, payload: Record<string, unknown>, meeting: Meeting, form?: FormState): Promise<OutboundCard> {
  if (verb.startsWith('qa.')) return qaReviewCard(meeting, form);
  const requestId = String(payload.requestId ?? '');
  return fundingRequestCard(meeting, requestId, await spendForRequest(deps, meeting, requestId), form);
}

/**
 * A button on an officer's card (review a plan, decide a PP+ request). The officer is who the
 * channel authenticated, looked up in the council's settings; the change goes the meeting's one
 * way (audit, outbox). A refusal re-draws their card with what they typed and the reason.
 */
export async function handleOfficerAction(deps: AppDeps, request: CardActionRequest): Promise<CardActionResult> {
  const meetingId = typeof request.payload.meetingId === 'string' ? request.payload.meetingId : '';
  let meeting: Meeting | undefined;
  try {
    const officer = officerActing(deps, request.actor);
    meeting = request.loaded?.id === meetingId ? request.loaded : await loadMeeting(deps, meetingId);
    const parsed = parseCardAction(request.verb, request.payload);
    if (!parsed.ok) {
      const problems = parsed.problems.map((p) => p.message);
      throw new DomainError('VALIDATION.INVALID_INPUT', `Some answers need another look. ${problems.join(' ')}`, { problems });
    }
    const command = oversightCommandFor(parsed.submission);
    const result = await executeOversightCommand(deps, { meetingId, command, actorId: officerActorId(officer), officer, channel: request.channel, idempotencyKey: request.idempotencyKey, loaded: meeting });
    return {
      card: await officerCard(deps, request.verb, request.payload, result.meeting),
      change: result.replayed || !command ? undefined : { meeting: result.meeting, command: command.type, queued: result.queued },
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const problems = Array.isArray(error.details.problems) ? error.details.problems.map(String) : [error.message];
    if (meeting && error.code !== 'PERMISSION.NOT_OFFICER' && error.code !== 'FUNDING.NOT_FOUND') {
      const { meetingId: _m, requestId: _r, verb: _v, ...typed } = request.payload;
      return { card: await officerCard(deps, request.verb, request.payload, meeting, { values: typed, errors: problems }) };
    }
    const refusal = { ...describeError(error), kept: request.payload };
    return { card: errorCard(refusal), refusal };
  }
}
