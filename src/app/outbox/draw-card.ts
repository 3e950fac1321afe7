import type { ChildSpend } from '../../domain/funding/spend.js';
import type { Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { liveActionsCard, meetingStartCard, planSignedOffCard, planSummaryCard, previousActionsCard } from '../views/meeting-cards.js';
import { evidenceFlagsCard, evidenceFormCard } from '../views/evidence-cards.js';
import { fundingOutcomeCard, fundingRequestCard, qaOutcomeCard, qaReviewCard } from '../views/oversight-cards.js';
import type { Unreachable } from '../views/preparation-cards.js';
import { agendaCard, attendanceSummaryCard, contributionRequestCard, invitationCard, promptCard } from '../views/preparation-cards.js';
import type { CardSpec } from './outgoing.js';

/** What some cards show beyond the meeting: who could not be reached, where the full plan is. */
export interface DrawExtras {
  unreachable?: readonly Unreachable[];
  planDocumentUrl?: string;
  /** The child's Pupil Premium Plus this year, for an officer's request card. */
  fundingSpend?: ChildSpend;
}

/** The card an outgoing message names, drawn from the meeting as it is now. */
export function drawCard(meeting: Meeting, spec: CardSpec, extras: DrawExtras = {}): OutboundCard {
  switch (spec.card) {
    case 'invitation':
      return invitationCard(meeting, spec.participantId);
    case 'contribution-request':
      return contributionRequestCard(meeting, spec.contributionId);
    case 'prompt':
      return promptCard(meeting, spec.promptId);
    case 'attendance-summary':
      return attendanceSummaryCard(meeting, extras.unreachable);
    case 'agenda':
      return agendaCard(meeting);
    case 'meeting-start':
      return meetingStartCard(meeting);
    case 'previous-actions':
      return previousActionsCard(meeting);
    case 'live-actions':
      return liveActionsCard(meeting);
    case 'plan-summary':
      return planSummaryCard(meeting, spec.participantId, extras.planDocumentUrl);
    case 'plan-signed-off':
      return planSignedOffCard(meeting);
    case 'evidence-form':
      return evidenceFormCard(meeting, spec.participantId);
    case 'evidence-flags':
      return evidenceFlagsCard(meeting, spec.flags, spec.previous);
    case 'qa-review':
      return qaReviewCard(meeting);
    case 'qa-outcome':
      return qaOutcomeCard(meeting);
    case 'funding-request':
      return fundingRequestCard(meeting, spec.requestId, extras.fundingSpend);
    case 'funding-outcome':
      return fundingOutcomeCard(meeting, spec.requestId);
  }
}
