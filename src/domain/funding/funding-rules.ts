import type { CommandContext, Outcome } from '../context.js';
import { refuse } from '../errors.js';
import type { Meeting } from '../model.js';
import { requireReviewer } from '../oversight/officer-permission.js';
import { requireOrganiser } from '../permissions.js';
import type { FundingCommand } from './funding-commands.js';
import type { FundingRequest } from './funding-request.js';
import { localDate } from '../dates.js';
import { schoolTermOf } from '../school-term.js';
import { ENGLAND_DEFAULT_TERMS } from '../child/calendar-settings.js';

const OPEN: readonly FundingRequest['status'][] = ['requested', 'queried', 'approved', 'released'];

const planApproved = (meeting: Meeting): boolean => meeting.qa?.status === 'approved';

function requestIn(meeting: Meeting, requestId: string): FundingRequest {
  const request = meeting.funding?.find((r) => r.id === requestId);
  if (!request) refuse('FUNDING.NOT_FOUND', 'That Pupil Premium Plus request is not on this plan.', { requestId });
  return request;
}

/** A costed pupil_premium_plus support item, linked to its SMART target, becomes a request. */
function requestPupilPremium(meeting: Meeting, command: Extract<FundingCommand, { type: 'requestPupilPremium' }>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'ask for Pupil Premium Plus');
  const resource = meeting.resources.find((r) => r.id === command.resourceId);
  if (!resource) refuse('FUNDING.RESOURCE_NOT_FOUND', 'That support item is not on this plan.', { resourceId: command.resourceId });
  if (resource.kind !== 'pupil_premium_plus') refuse('FUNDING.NOT_PUPIL_PREMIUM', 'Only a Pupil Premium Plus support item can be paid from Pupil Premium Plus.', { kind: resource.kind });
  if (!resource.costPence) refuse('FUNDING.NO_COST', 'The support item has no cost, so there is nothing to ask for.');
  if (meeting.funding?.some((r) => r.resourceId === resource.id && OPEN.includes(r.status))) refuse('FUNDING.ALREADY_REQUESTED', 'Pupil Premium Plus has already been asked for this support item.');
  // The council's terms, as the caseload's term filter reads them: asked for in a holiday, it counts with the term after.
  const { academicYear, season } = schoolTermOf(localDate(ctx.at, meeting.timeZone), ctx.schoolTerms ?? ENGLAND_DEFAULT_TERMS);
  const request: FundingRequest = {
    id: ctx.newId(),
    resourceId: resource.id,
    goalId: resource.goalId,
    amountPence: resource.costPence,
    interventionType: command.interventionType,
    academicYear,
    term: season,
    status: 'requested',
    requestedBy: ctx.actorId,
    requestedAt: ctx.at,
  };
  meeting.funding = [...(meeting.funding ?? []), request];
  return { summary: `Pupil Premium Plus requested (£${(request.amountPence / 100).toFixed(2)})`, alerts: [{ kind: 'funding_review_due', requestId: request.id }] };
}

function decideFunding(meeting: Meeting, command: Extract<FundingCommand, { type: 'decideFunding' }>, ctx: CommandContext): Outcome {
  requireReviewer(ctx, 'decide a Pupil Premium Plus request');
  const request = requestIn(meeting, command.requestId);
  if (request.status !== 'requested' && request.status !== 'queried') refuse('FUNDING.ALREADY_DECIDED', 'This Pupil Premium Plus request has already been decided.', { status: request.status });
  const decided = { decidedBy: ctx.actorId, decidedAt: ctx.at };
  let summary: string;
  if (command.decision === 'query') {
    if (!command.note) refuse('FUNDING.QUESTION_REQUIRED', 'Write the question the organiser should answer.', { problems: ['Write the question the organiser should answer.'] });
    Object.assign(request, { status: 'queried', question: command.note, answer: undefined, ...decided });
    summary = 'Pupil Premium Plus request queried';
  } else if (command.decision === 'reject') {
    Object.assign(request, { status: 'rejected', decisionNote: command.note, ...decided });
    summary = 'Pupil Premium Plus request rejected';
  } else {
    // No PEP, no premium: approved now, paid once the plan is approved.
    const released = planApproved(meeting);
    Object.assign(request, { status: released ? 'released' : 'approved', decisionNote: command.note, ...decided, releasedAt: released ? ctx.at : undefined });
    summary = released ? 'Pupil Premium Plus request approved and released' : 'Pupil Premium Plus request approved, awaiting plan approval';
  }
  return { summary, alerts: [{ kind: 'funding_decided', requestId: request.id }] };
}

function answerFundingQuery(meeting: Meeting, command: Extract<FundingCommand, { type: 'answerFundingQuery' }>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'answer the Virtual School’s question');
  const request = requestIn(meeting, command.requestId);
  if (request.status !== 'queried') refuse('FUNDING.NOT_QUERIED', 'The Virtual School has no open question about this request.', { status: request.status });
  Object.assign(request, { status: 'requested', answer: command.answer });
  return { summary: 'Question about a Pupil Premium Plus request answered', alerts: [{ kind: 'funding_review_due', requestId: request.id }] };
}

/** Called when the plan is approved: every approved request on it is released. Returns their ids. */
export function releaseApprovedFunding(meeting: Meeting, ctx: CommandContext): string[] {
  const waiting = (meeting.funding ?? []).filter((r) => r.status === 'approved');
  for (const request of waiting) Object.assign(request, { status: 'released', releasedAt: ctx.at });
  return waiting.map((r) => r.id);
}

export function applyFundingCommand(meeting: Meeting, command: FundingCommand, ctx: CommandContext): Outcome {
  switch (command.type) {
    case 'requestPupilPremium':
      return requestPupilPremium(meeting, command, ctx);
    case 'decideFunding':
      return decideFunding(meeting, command, ctx);
    case 'answerFundingQuery':
      return answerFundingQuery(meeting, command, ctx);
  }
}
