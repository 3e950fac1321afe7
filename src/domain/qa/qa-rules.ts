import type { CommandContext, Outcome } from '../context.js';
import { refuse } from '../errors.js';
import { releaseApprovedFunding } from '../funding/funding-rules.js';
import type { Meeting } from '../model.js';
import { requireReviewer } from '../oversight/officer-permission.js';
import { requireOrganiser } from '../permissions.js';
import { missingSections } from './mandatory-sections.js';
import type { QaCommand } from './qa-commands.js';
import type { QaState, Rag } from './qa-state.js';
import { withStep } from './qa-state.js';

const CLOSED: readonly Meeting['status'][] = ['concluded', 'plan_distributed'];
const RAG_WORDS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The organiser sends the closed meeting's plan to the Virtual School, once it has every mandatory section. */
function submitPlan(meeting: Meeting, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'submit the plan to the Virtual School');
  if (!CLOSED.includes(meeting.status)) refuse('QA.NOT_CONCLUDED', 'The plan can be submitted once the meeting is closed.', { status: meeting.status });
  if (meeting.qa?.status === 'submitted') refuse('QA.ALREADY_SUBMITTED', 'The plan is already with the Virtual School for review.');
  if (meeting.qa?.status === 'approved') refuse('QA.ALREADY_APPROVED', 'The Virtual School has already approved this plan.');
  const missing = missingSections(meeting);
  if (missing.length > 0) {
    refuse('QA.MISSING_SECTIONS', `The plan cannot be submitted yet. Missing: ${missing.map((m) => m.says).join(' ')}`, { missing: missing.map((m) => m.section), problems: missing.map((m) => m.says) });
  }
  const again = meeting.qa !== undefined;
  const qa: QaState = { ...meeting.qa, status: 'submitted', submittedAt: ctx.at };
  meeting.qa = withStep(qa, { kind: 'submitted', at: ctx.at, by: ctx.actorId });
  return { summary: again ? 'Plan submitted again to the Virtual School for review' : 'Plan submitted to the Virtual School for review', alerts: [{ kind: 'qa_review_due', reason: 'submitted' }] };
}

function requireUnderReview(meeting: Meeting, doing: string): QaState {
  const qa = meeting.qa;
  if (qa?.status !== 'submitted') refuse('QA.NOT_SUBMITTED', `The plan is not waiting for review, so you cannot ${doing} it now.`, { status: qa?.status ?? 'not_submitted' });
  return qa;
}

function ratePlan(meeting: Meeting, command: Extract<QaCommand, { type: 'ratePlan' }>, ctx: CommandContext): Outcome {
  requireReviewer(ctx, 'rate a plan');
  const qa = requireUnderReview(meeting, 'rate');
  meeting.qa = withStep({ ...qa, rag: command.rag, feedback: command.feedback ?? qa.feedback }, { kind: 'rated', at: ctx.at, by: ctx.actorId, rag: command.rag, note: command.feedback });
  return { summary: `Plan rated ${RAG_WORDS[command.rag]}` };
}

function approvePlan(meeting: Meeting, command: Extract<QaCommand, { type: 'approvePlan' }>, ctx: CommandContext): Outcome {
  requireReviewer(ctx, 'approve a plan');
  const qa = requireUnderReview(meeting, 'approve');
  const approved: QaState = { ...qa, status: 'approved', rag: command.rag, feedback: command.feedback, returnReason: undefined, approvedPlanVersion: meeting.plan?.version, changesSinceApproval: undefined };
  meeting.qa = withStep(approved, { kind: 'approved', at: ctx.at, by: ctx.actorId, rag: command.rag, note: command.feedback });
  // No PEP, no premium: what an officer approved on this plan is paid once the plan is approved.
  const released = releaseApprovedFunding(meeting, ctx);
  return {
    summary: `Plan approved by the Virtual School, rated ${RAG_WORDS[command.rag]}${released.length > 0 ? `; ${released.length} Pupil Premium Plus request(s) released` : ''}`,
    alerts: [{ kind: 'qa_decided', outcome: 'approved' }, ...released.map((id) => ({ kind: 'funding_decided' as const, requestId: id }))],
  };
}

function returnPlan(meeting: Meeting, command: Extract<QaCommand, { type: 'returnPlan' }>, ctx: CommandContext): Outcome {
  requireReviewer(ctx, 'return a plan');
  const qa = requireUnderReview(meeting, 'return');
  if (!command.reason) refuse('QA.RETURN_REASON_REQUIRED', 'Say why the plan is going back to the organiser.', { problems: ['Say why the plan is going back to the organiser.'] });
  const returned: QaState = { ...qa, status: 'returned', rag: command.rag ?? qa.rag, feedback: command.feedback, returnReason: command.reason };
  meeting.qa = withStep(returned, { kind: 'returned', at: ctx.at, by: ctx.actorId, rag: command.rag, note: command.reason });
  return { summary: 'Plan returned to the organiser with a reason', alerts: [{ kind: 'qa_decided', outcome: 'returned' }] };
}

/** The organiser records the Year 9+ transition section; after approval it is a change like any other. */
function recordTransition(meeting: Meeting, command: Extract<QaCommand, { type: 'recordTransition' }>, ctx: CommandContext): Outcome {
  requireOrganiser(meeting, ctx, 'record the transition section');
  const { pathway, careersGuidance, post16Options } = command;
  meeting.transition = { pathway, careersGuidance, post16Options, recordedBy: ctx.actorId, at: ctx.at };
  return { summary: 'Transition section recorded (pathway, careers guidance, post-16 options)' };
}

export function applyQaCommand(meeting: Meeting, command: QaCommand, ctx: CommandContext): Outcome {
  switch (command.type) {
    case 'submitPlan':
      return submitPlan(meeting, ctx);
    case 'ratePlan':
      return ratePlan(meeting, command, ctx);
    case 'approvePlan':
      return approvePlan(meeting, command, ctx);
    case 'returnPlan':
      return returnPlan(meeting, command, ctx);
    case 'recordTransition':
      return recordTransition(meeting, command, ctx);
  }
}
