import { MAX_ACTIONS } from '../../cards/data/common.js';
import { MAX_QA_CHANGES_SHOWN } from '../../cards/data/qa-review.js';
import type { FundingRequest } from '../../domain/funding/funding-request.js';
import type { ChildSpend } from '../../domain/funding/spend.js';
import { overAllocationBy } from '../../domain/funding/spend.js';
import { localDate } from '../../domain/dates.js';
import type { Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { childLabel, childTag, participant } from './people.js';
import type { FormState } from './preparation-cards.js';

/**
 * The Virtual School's cards: the plan to review and the Pupil Premium Plus request to decide
 * (to officers), what they decided (to the organiser), and the Year 9+ transition form. Each
 * knows the child by initials and PEP reference: an officer's chat is still a chat.
 */

const values = (form: FormState) => (form.values ?? {}) as Record<string, unknown>;
const typed = (form: FormState, key: string): string => {
  const value = values(form)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** The school's attendance figure, from the evidence card or a school contribution. */
function attendanceOf(meeting: Meeting): number | undefined {
  return meeting.evidence?.attendancePercent ?? meeting.contributions.find((c) => c.kind === 'school' && c.content?.attendancePercent !== undefined)?.content?.attendancePercent;
}

export function qaReviewCard(meeting: Meeting, form: FormState = {}): OutboundCard {
  const qa = meeting.qa;
  const status = qa?.status ?? 'submitted';
  return {
    name: 'qa-review',
    text: status === 'reopened' ? `The approved PEP for ${childLabel(meeting)} has changed.` : `The PEP for ${childLabel(meeting)} is ready for quality review.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      yearGroup: meeting.child.yearGroup,
      heldOn: localDate(meeting.concludedAt ?? meeting.startsAt, meeting.timeZone),
      planVersion: meeting.plan?.version ?? 1,
      status,
      goals: meeting.goals.slice(0, 10).map((g) => ({ title: g.title, timeBound: g.timeBound })),
      actions: meeting.actions.slice(0, MAX_ACTIONS).map((a) => ({ description: a.description, ownerName: participant(meeting, a.ownerId).name, dueDate: a.dueDate })),
      nextReviewDate: meeting.nextReviewDate ?? localDate(meeting.startsAt, meeting.timeZone),
      attendancePercent: attendanceOf(meeting),
      transition: meeting.transition !== undefined,
      changes: (qa?.changesSinceApproval ?? []).slice(-MAX_QA_CHANGES_SHOWN),
      rag: qa?.rag,
      values: { rag: typed(form, 'rag'), feedback: typed(form, 'feedback'), reason: typed(form, 'reason') },
      errors: form.errors ?? [],
    },
  };
}

export function qaOutcomeCard(meeting: Meeting): OutboundCard {
  const qa = meeting.qa;
  const outcome = qa?.status === 'approved' ? 'approved' : 'returned';
  return {
    name: 'qa-outcome',
    text: outcome === 'approved' ? `The Virtual School approved the PEP for ${childLabel(meeting)}.` : `The Virtual School returned the PEP for ${childLabel(meeting)}.`,
    data: { meetingId: meeting.id, child: childTag(meeting), outcome, rag: qa?.rag, feedback: qa?.feedback ?? '', reason: outcome === 'returned' ? (qa?.returnReason ?? '') : '' },
  };
}

export function fundingRequestOf(meeting: Meeting, requestId: string): FundingRequest {
  const request = meeting.funding?.find((r) => r.id === requestId);
  if (!request) throw new Error(`funding request ${requestId} is not in meeting ${meeting.id}`);
  return request;
}

/** What both Pupil Premium Plus cards say of the request. */
const fundingBasics = (meeting: Meeting, request: FundingRequest) => ({
  meetingId: meeting.id,
  requestId: request.id,
  child: childTag(meeting),
  amountPence: request.amountPence,
  interventionType: request.interventionType,
  status: request.status,
});

/** `spend` is the child's this year across their PEPs; without it (no store to ask), this request alone. */
export function fundingRequestCard(meeting: Meeting, requestId: string, spend?: ChildSpend, form: FormState = {}): OutboundCard {
  const request = fundingRequestOf(meeting, requestId);
  const resource = meeting.resources.find((r) => r.id === request.resourceId);
  return {
    name: 'funding-request',
    text: `A Pupil Premium Plus request for ${childLabel(meeting)} needs a decision.`,
    data: {
      ...fundingBasics(meeting, request),
      description: resource?.description ?? request.interventionType,
      target: meeting.goals.find((g) => g.id === request.goalId)?.title ?? 'A target no longer on the plan',
      question: request.question ?? '',
      answer: request.answer ?? '',
      academicYear: request.academicYear,
      term: request.term,
      allocationPence: spend?.allocationPence ?? 0,
      committedPence: spend?.committedPence ?? 0,
      planApproved: meeting.qa?.status === 'approved',
      overAllocationPence: spend ? overAllocationBy(request, spend) : 0,
      values: { note: typed(form, 'note') },
      errors: form.errors ?? [],
    },
  };
}

export function fundingOutcomeCard(meeting: Meeting, requestId: string, form: FormState = {}): OutboundCard {
  const request = fundingRequestOf(meeting, requestId);
  return {
    name: 'funding-outcome',
    text: `News about a Pupil Premium Plus request for ${childLabel(meeting)}.`,
    data: {
      ...fundingBasics(meeting, request),
      question: request.status === 'queried' ? (request.question ?? '') : '',
      note: request.decisionNote ?? '',
      values: { answer: typed(form, 'answer') },
      errors: form.errors ?? [],
    },
  };
}

export function transitionFormCard(meeting: Meeting, form: FormState = {}): OutboundCard {
  const t = meeting.transition;
  const value = (key: 'pathway' | 'careersGuidance' | 'post16Options') => typed(form, key) || (t?.[key] ?? '');
  return {
    name: 'transition-form',
    text: `The transition section of the PEP for ${childLabel(meeting)}.`,
    data: { meetingId: meeting.id, child: childTag(meeting), values: { pathway: value('pathway'), careersGuidance: value('careersGuidance'), post16Options: value('post16Options') }, errors: form.errors ?? [] },
  };
}
